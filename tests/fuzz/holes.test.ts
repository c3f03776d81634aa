// Issue 8: one named test per hole class, through the real API, written to the behaviour the issue
// demands (INT-1..5, WTY-7, WTY-8, WTY-10, CAL-3, CMP-5, ESC-2, ARC-4, DLR-1), not to today's.
// A refusal is a 400/403/409 in Directus's error shape naming the field and the rule, nothing is
// written, and no SQL text reaches the client.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	actor, allActors, claimRow, claimState, closeDb, createClaim, createComplaint, createServiceRequest, createUnit, db, dealerId, del, fingerprint,
	diffFingerprints, firstError, gql, hoursFromNow, isMysql, isPg, leaksSql, patch, PNG_1PX, post, raw, repairBody, send, settledFingerprint, storedNow, uploadSignature,
	type Actor, type ActorKey, type ClaimFixture,
} from './kit';

let A: Record<ActorKey, Actor>;
let submitted: ClaimFixture;
let approved: ClaimFixture;
let settled: ClaimFixture;
let d2Sig: string;

beforeAll(async () => {
	A = await allActors();
	submitted = await createClaim(1, 'submitted');
	approved = await createClaim(1, 'approved');
	settled = await createClaim(1, 'settled');
	d2Sig = await uploadSignature(A.dealer2);
}, 180_000);

afterAll(async () => {
	await closeDb();
});

/** A refusal as the issue demands it: one of the statuses, the rule (one of), the field (when given), no SQL text. */
function expectRefused(res: { status: number; body: any }, opts: { status?: number[]; rules?: string[]; field?: string | RegExp }) {
	const detail = JSON.stringify(res.body).slice(0, 600);
	expect(opts.status ?? [400], `status ${res.status}: ${detail}`).toContain(res.status);
	expect(leaksSql(res.body), detail).toBeNull();
	const e = firstError(res.body);
	expect(e.code, detail).toBeTruthy();
	if (opts.rules) expect(opts.rules, `rule ${e.rule}: ${detail}`).toContain(e.rule);
	if (opts.field instanceof RegExp) expect(String(e.field), detail).toMatch(opts.field);
	else if (opts.field) expect(e.field, detail).toBe(opts.field);
}

/** Runs `request` and asserts it is refused and that no pack table changed. */
async function expectRefusedNoWrite(request: () => Promise<{ status: number; body: any }>, opts: Parameters<typeof expectRefused>[1]) {
	const before = await settledFingerprint();
	const res = await request();
	expectRefused(res, opts);
	const after = await settledFingerprint();
	expect(diffFingerprints(before, after), 'a refused request wrote').toEqual([]);
	return res;
}

// INT-1: a frozen record is a conflict with its state (409); a bad value on it may already be a 400.
const FROZEN = { status: [400, 409], rules: ['INT-1', 'WTY-7'] };

describe('INT-1, WTY-7: a submitted claim’s repair is frozen on every path', () => {
	test('INT-1: when a submitted claim’s repair gets a new parts line through /items, then 400 and the claim is unchanged', async () => {
		const submitted = await createClaim(1, 'submitted');
		const state = await claimState(submitted.id);
		await expectRefusedNoWrite(() => post(A.agent, '/items/repair_parts', { repair_record: submitted.repair, part_no: 'XX-1', quantity: '1', unit_price: '88888.00' }), { ...FROZEN, field: /repair_record|parts/ });
		expect(await claimState(submitted.id)).toBe(state);
	});

	test('INT-1: when a parts line of a submitted claim is deleted through /items, then 400 and the line stays', async () => {
		const [submitted, approved] = await Promise.all([createClaim(1, 'submitted'), createClaim(1, 'approved')]);
		await expectRefusedNoWrite(() => del(A.agent, `/items/repair_parts/${submitted.parts[0]}`), FROZEN);
	});

	test('INT-1: when the parts lines of a submitted claim are deleted by query, then 400 and the lines stay', async () => {
		const [submitted, approved] = await Promise.all([createClaim(1, 'submitted'), createClaim(1, 'approved')]);
		await expectRefusedNoWrite(() => del(A.agent, '/items/repair_parts', { query: { filter: { repair_record: { _eq: submitted.repair } } } }), FROZEN);
	});

	test('INT-1: when the parts lines of a submitted claim are deleted by keys, then 400 and the lines stay', async () => {
		const [submitted, approved] = await Promise.all([createClaim(1, 'submitted'), createClaim(1, 'approved')]);
		await expectRefusedNoWrite(() => del(A.agent, '/items/repair_parts', submitted.parts), FROZEN);
	});

	test.each([
		['labour_cost', '99999.00'], ['travel_cost', '5000.00'], ['unit', 'OTHER'], ['customer_signature', 'OTHER'], ['completed_at', 'PAST'], ['received_at', 'PAST'],
	])('INT-1: when %s of an approved claim’s repair is changed through /items, then 400 and the repair is unchanged', async (field, value) => {
		const approved = await createClaim(1, 'approved');
		let v: unknown = value;
		if (value === 'OTHER' && field === 'unit') v = (await createUnit(1)).id;
		if (value === 'OTHER' && field === 'customer_signature') v = await uploadSignature(A.dealer1);
		if (value === 'PAST') v = hoursFromNow(-200);
		await expectRefusedNoWrite(() => patch(A.agent, `/items/repair_records/${approved.repair}`, { [field]: v }), { ...FROZEN, field });
	});

	test('INT-1: when the repair records of submitted claims are updated by keys (batch), then 400 and nothing changes', async () => {
		const [submitted, approved] = await Promise.all([createClaim(1, 'submitted'), createClaim(1, 'approved')]);
		await expectRefusedNoWrite(() => patch(A.agent, '/items/repair_records', { keys: [submitted.repair, approved.repair], data: { labour_cost: '7777.00' } }), FROZEN);
	});

	test('INT-1: when the repair records of submitted claims are updated by query, then 400 and nothing changes', async () => {
		const [submitted, approved] = await Promise.all([createClaim(1, 'submitted'), createClaim(1, 'approved')]);
		await expectRefusedNoWrite(() => patch(A.manager, '/items/repair_records', { query: { filter: { id: { _in: [submitted.repair, approved.repair] } } }, data: { travel_cost: '6666.00' } }), FROZEN);
	});

	test('INT-1: when the parts lines of a submitted claim are updated by keys or by query, then 400 and nothing changes', async () => {
		const [submitted, approved] = await Promise.all([createClaim(1, 'submitted'), createClaim(1, 'approved')]);
		await expectRefusedNoWrite(() => patch(A.agent, '/items/repair_parts', { keys: submitted.parts, data: { quantity: '50' } }), FROZEN);
		await expectRefusedNoWrite(() => patch(A.agent, '/items/repair_parts', { query: { filter: { repair_record: { _eq: submitted.repair } } }, data: { unit_price: '9999.00' } }), FROZEN);
	});

	test('INT-1: when a submitted claim’s repair is changed through GraphQL, then it is refused and nothing changes', async () => {
		const [submitted, approved] = await Promise.all([createClaim(1, 'submitted'), createClaim(1, 'approved')]);
		const before = await settledFingerprint();
		const update = await gql(A.agent, `mutation { update_repair_records_item(id: ${approved.repair}, data: { labour_cost: 99999 }) { id labour_cost } }`);
		const line = await gql(A.agent, `mutation { update_repair_parts_item(id: ${submitted.parts[0]}, data: { quantity: 50 }) { id quantity } }`);
		const lines = await gql(A.agent, `mutation { update_repair_parts_items(ids: [${submitted.parts.join(',')}], data: { unit_price: 9999 }) { id } }`);
		const remove = await gql(A.agent, `mutation { delete_repair_parts_item(id: ${submitted.parts[0]}) { id } }`);
		for (const res of [update, line, lines, remove]) {
			expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
			expect(Array.isArray(res.body.errors), `accepted: ${JSON.stringify(res.body).slice(0, 400)}`).toBe(true);
			expect(res.body.errors.map((e: any) => e.extensions?.code), JSON.stringify(res.body)).not.toContain('INTERNAL_SERVER_ERROR');
			expect(leaksSql(res.body)).toBeNull();
		}
		expect(diffFingerprints(before, await settledFingerprint())).toEqual([]);
	});

	test('INT-1: when an agent adds an 88,888 part to a submitted 145 claim and finance approves, then the approval never exceeds the claim', async () => {
		const claim = await createClaim(1, 'inspected');
		await post(A.agent, '/items/repair_parts', { repair_record: claim.repair, part_no: 'XX-2', quantity: '1', unit_price: '88888.00', old_part_status: 'reusable' });
		await patch(A.agent, `/items/repair_records/${claim.repair}`, { labour_cost: '99999.00' });
		await patch(A.admin, `/items/warranty_claims/${claim.id}`, { status: 'approved' });
		const row = await claimRow(claim.id);
		expect(Number(row.claimed_amount)).toBe(145);
		if (row.approved_amount !== null) expect(Number(row.approved_amount)).toBeLessThanOrEqual(Number(row.claimed_amount));
		const lines = await db()('repair_parts').where({ repair_record: claim.repair });
		expect(lines).toHaveLength(1);
	});

	test('INT-1: when the audit steps write what they own on a submitted claim, then that is still allowed', async () => {
		const claim = await createClaim(2, 'audited');
		const res = await patch(A.admin, `/items/repair_parts/${claim.parts[0]}`, { old_part_status: 'scrap' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
	});

	test.runIf(isPg() || isMysql())('INT-1: when approved_amount > claimed_amount is written straight into the database, then PostgreSQL or MariaDB refuses it (check constraint)', async () => {
		await expect(db()('warranty_claims').where({ id: approved.id }).update({ approved_amount: db().raw('claimed_amount + 1') })).rejects.toThrow(/check|constraint .as_claim_approved_le_claimed. failed/i);
		const line = approved.parts[0];
		await expect(db()('repair_parts').where({ id: line }).update({ approved_amount: db().raw('amount + 1') })).rejects.toThrow(/check|constraint .as_parts_approved_le_amount. failed/i);
	});
});

describe('INT-2: every date and instant is a real one', () => {
	const invalidInstants: [string, string][] = [
		['an impossible calendar date', '2026-11-31T10:00:00Z'], ['February 30th', '2026-02-30T08:00:00+08:00'], ['year 99999', '+099999-01-01T00:00:00Z'],
		['year zero', '0000-00-00T00:00:00Z'], ['hour 25', '2026-11-20T25:00:00Z'], ['a bare word', 'yesterday'],
	];

	test.each(invalidInstants)('INT-2: when a dealer repair has %s as completed_at, then 400 naming completed_at and nothing is stored', async (_l, value) => {
		const unit = await createUnit(1);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null, { completed_at: value })), { rules: ['INT-2'], field: 'completed_at' });
	});

	test.each(invalidInstants.slice(0, 4))('INT-2: when staff store %s as a repair’s completed_at through /items, then 400 naming completed_at (never NULL)', async (_l, value) => {
		const unit = await createUnit(1);
		await expectRefusedNoWrite(() => post(A.agent, '/items/repair_records', { unit: unit.id, fault_category: 'engine', fault_description: 'x', received_at: hoursFromNow(-5), completed_at: value }), { rules: ['INT-2'], field: 'completed_at' });
	});

	test('INT-2: when completed_at is before received_at, then 400 naming completed_at', async () => {
		const unit = await createUnit(1);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null, { received_at: hoursFromNow(-2), completed_at: hoursFromNow(-20) })), { rules: ['INT-2'], field: 'completed_at' });
	});

	test.each([['completed_at'], ['received_at'], ['signed_at']])('INT-2: when a repair’s %s lies a day in the future, then 400 naming it', async (field) => {
		const unit = await createUnit(1);
		const sig = await uploadSignature(A.dealer1);
		const times = { received_at: hoursFromNow(-3), completed_at: hoursFromNow(-2), signed_at: hoursFromNow(-2), [field]: hoursFromNow(24) };
		if (field === 'received_at') times.completed_at = hoursFromNow(25);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, sig, times)), { rules: ['INT-2'], field });
	});

	test.each([
		['sold_on', '2026-02-30'], ['card_received_on', '2026-11-31'], ['sold_on', '99999-01-01'], ['sold_on', '0000-00-00'], ['card_received_on', '0000-00-00'],
	])('INT-2: when a unit’s %s is %s, then 400 naming it', async (field, value) => {
		const admin = A.manager;
		const product = (await db()('products').first('id')).id;
		await expectRefusedNoWrite(() => post(admin, '/items/units', { serial_no: `FZ-D-${Date.now()}`, product, dealer: 1, sold_on: '2026-01-10', [field]: value }), { rules: ['INT-2'], field });
	});

	test('INT-2: when a complaint is received on 0000-00-00 or 2026-11-31, then 400 naming received_at', async () => {
		for (const received_at of ['0000-00-00T00:00:00Z', '2026-11-31T10:00:00Z']) {
			await expectRefusedNoWrite(() => post(A.agent, '/items/complaints', { received_at, channel: 'phone', recorder: A.agent.id, category: 'quality', severity: 'normal', description: 'x' }), { rules: ['INT-2'], field: 'received_at' });
		}
	});

	test('INT-2: when a dealer schedules a task for 2026-11-31, then 400 naming scheduled_for', async () => {
		const task = await createServiceRequest({ dealer: await dealerId(1), status: 'dispatched', dispatched_at: hoursFromNow(-1) });
		await expectRefusedNoWrite(() => post(A.dealer1, `/after-sales/dealer/tasks/${task}/schedule`, { scheduled_for: '2026-11-31T09:00:00+08:00' }), { rules: ['INT-2'], field: 'scheduled_for' });
	});

	test('INT-2: when a dealer ships a return batch on 2026-02-30, then 400 naming shipped_on', async () => {
		const batch = (await A.dealer1.call('/after-sales/dealer/parts-returns')).body.data.find((b: any) => b.status === 'open');
		expect(batch, 'dealer 1 has an open return batch (its claims attach parts)').toBeTruthy();
		await expectRefusedNoWrite(() => post(A.dealer1, `/after-sales/dealer/parts-returns/${batch.id}/ship`, { shipped_on: '2026-02-30' }), { rules: ['INT-2'], field: 'shipped_on' });
	});

	test('INT-2: when coverage is asked at 2026-11-31 or year 99999, then 400 naming at', async () => {
		for (const at of ['2026-11-31', '99999-01-01', '2026-13-01T00:00:00Z']) {
			expectRefused(await A.manager.call(`/after-sales/units/${submitted.unit.serial_no}/coverage?at=${encodeURIComponent(at)}`), { rules: ['INT-2', 'WTY-3'], field: 'at' });
		}
	});

	test.each([['1970-01-01T00:00:00Z'], ['2038-01-19T03:14:08Z'], ['2100-01-01T00:00:00+08:00']])(
		'INT-2, INT-5: when a follow-up’s due_until is %s (outside what a MariaDB TIMESTAMP holds), then 400 naming due_until on every database, by key, by query and on create',
		async (due_until) => {
			const customer = (await db()('customers').first('id')).id;
			const created = await post(A.manager, '/items/follow_ups', { kind: 'first_call', customer, due_at: hoursFromNow(24), status: 'planned' });
			expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(200);
			const id = created.body.data.id;
			await expectRefusedNoWrite(() => patch(A.manager, `/items/follow_ups/${id}`, { due_until }), { rules: ['INT-2'], field: 'due_until' });
			await expectRefusedNoWrite(() => patch(A.manager, '/items/follow_ups', { query: { filter: { id: { _eq: id } } }, data: { due_until } }), { rules: ['INT-2'], field: 'due_until' });
			await expectRefusedNoWrite(() => post(A.manager, '/items/follow_ups', { kind: 'first_call', customer, due_at: hoursFromNow(24), due_until, status: 'planned' }), { rules: ['INT-2'], field: 'due_until' });
		},
	);

	test('INT-2: when a holiday in the settings is 2026-02-30, then 400 naming the calendar field', async () => {
		const settings = await db()('service_settings').first();
		const calendar = typeof settings.calendar === 'string' ? JSON.parse(settings.calendar) : settings.calendar;
		try {
			await expectRefusedNoWrite(() => patch(A.manager, '/items/service_settings', { calendar: { ...calendar, holidays: [...(calendar?.holidays ?? []), '2026-02-30'] } }), { rules: ['INT-2', 'CAL-1'], field: /^calendar/ });
		} finally {
			await patch(A.admin, '/items/service_settings', { calendar });
		}
	});

	test('WTY-10: when a warranty repair is still open (no completed_at), then it extends the warranty only up to now, not open-ended', async () => {
		// Sold 300 days ago with a 12-month warranty; a warranty repair open since 10 days ago.
		const unit = await createUnit(1, 300, 5);
		const res = await post(A.agent, '/items/repair_records', { unit: unit.id, dealer: await dealerId(1), fault_category: 'engine', fault_description: '待料', coverage: 'warranty', received_at: hoursFromNow(-10 * 24), dropped_off_at: hoursFromNow(-10 * 24) });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data.coverage).toBe('warranty');
		const inTwoYears = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
		const far = await A.manager.call(`/after-sales/units/${unit.serial_no}/coverage?at=${inTwoYears}`);
		expect(far.status).toBe(200);
		expect(far.body.data.covered, `covered at ${inTwoYears}: ${JSON.stringify(far.body.data).slice(0, 400)}`).toBe(false);
	});

	test('CAL-3: when the pack derives shipped_on and the claim number year from the clock, then they are the Shanghai calendar’s day and year', async () => {
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
		const claim = await createClaim(3, 'submitted');
		expect(claim.claim_no?.slice(2, 6)).toBe(today.slice(0, 4));
		// A batch of its own: shipping the dealer's current batch would close it under other test files.
		const batch = (await post(A.manager, '/items/parts_returns', { dealer: await dealerId(3), deadline: '2032-06-30', status: 'open' })).body.data;
		expect(batch).toBeTruthy();
		const res = await post(A.dealer3, `/after-sales/dealer/parts-returns/${batch.id}/ship`, { carrier: '顺丰' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data.shipped_on).toBe(today);
	});
});

export async function waitForUnit(id: number) {
	const until = Date.now() + 5000;
	let row = await db()('units').where({ id }).first();
	while (Date.now() < until) {
		await new Promise((r) => setTimeout(r, 100));
		const next = await db()('units').where({ id }).first();
		if (JSON.stringify(next) === JSON.stringify(row)) return next;
		row = next;
	}
	return row;
}

describe('INT-3, WTY-8: system-owned keys are written by the pack only', () => {
	test('INT-3: when staff insert a ledger row with the key the settlement will use, then 400 naming idempotency_key, and the claim still settles with its credit', async () => {
		const key = `claim:${approved.id}:credit`;
		await expectRefusedNoWrite(() => post(A.manager, '/items/dealer_ledger', { dealer: approved.dealer, entry_type: 'adjustment', amount: '1.00', idempotency_key: key }), { rules: ['INT-3', 'WTY-8'], field: 'idempotency_key' });
		const res = await post(A.dealer1, `/after-sales/dealer/claims/${approved.id}/confirm-writeoff`);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const credits = await db()('dealer_ledger').where({ claim: approved.id, entry_type: 'warranty_credit' });
		expect(credits).toHaveLength(1);
		expect(Number(credits[0].amount)).toBe(Number((await claimRow(approved.id)).approved_amount));
	});

	test('INT-3: when a foreign row already holds the settlement’s key, then settlement still posts its one credit', async () => {
		const claim = await createClaim(2, 'approved');
		// A row written around the API (an import, an old version): the key space must be the pack's alone.
		await db()('dealer_ledger').insert({ dealer: claim.dealer, entry_type: 'adjustment', amount: '0.01', idempotency_key: `claim:${claim.id}:credit`, posted_at: storedNow(), note: 'foreign row' });
		const res = await post(A.dealer2, `/after-sales/dealer/claims/${claim.id}/confirm-writeoff`);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(await db()('dealer_ledger').where({ claim: claim.id, entry_type: 'warranty_credit' })).toHaveLength(1);
	});

	test.each([
		['dealer_ledger', 'manager', () => ({ dealer: 1, entry_type: 'adjustment', amount: '2.00', idempotency_key: 'my-own-key' }), 'idempotency_key'],
		['escalations', 'admin', () => ({ escalation_key: 'complaints:1:x:2:breach', kind: 'breach', collection: 'complaints', item: '1', milestone: 'x', level: 2, occurred_at: new Date().toISOString() }), 'escalation_key'],
		['quality_alerts', 'admin', () => ({ alert_key: 'fz-alert', product: 1, fault_category: 'engine', window: 'month', window_key: '2026-11', count: 9, threshold: 3, level: 1 }), 'alert_key'],
		['sla_timers', 'admin', () => ({ timer_key: 'complaints:1:fz', collection: 'complaints', item: '1', milestone: 'fz', state: 'running' }), 'timer_key'],
		['parts_returns', 'manager', () => ({ dealer: 1, deadline: '2027-06-30', batch_key: 'fz-batch', status: 'open' }), 'batch_key'],
	] as const)('INT-3: when %s is created by %s with a client value for its key, then 400 naming the key', async (collection, who, body, field) => {
		await expectRefusedNoWrite(() => post(A[who], `/items/${collection}`, body()), { rules: ['INT-3', 'WTY-8', 'ESC-4'], field });
	});

	test.each([['claim_no'], ['writeoff_notice_no']])('INT-3: when staff send %s on a claim (create or update), then 400 naming it', async (field) => {
		const claim = await createClaim(1, 'draft');
		await expectRefusedNoWrite(() => patch(A.manager, `/items/warranty_claims/${claim.id}`, { [field]: 'WC2026-FAKE', rejection_note: 'x' }), { rules: ['INT-3', 'WTY-7', 'WTY-8'], field });
		const unit = await createUnit(1);
		const repair = (await post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null))).body.data;
		await expectRefusedNoWrite(() => post(A.admin, '/items/warranty_claims', { repair_record: repair.id, status: 'draft', [field]: 'WC2026-FAKE' }), { rules: ['INT-3', 'WTY-7', 'WTY-8'], field });
	});

	test('INT-3: when staff change the key of an existing escalation or quality alert, then it is refused', async () => {
		const complaint = await createComplaint('normal', 'received', { received_at: hoursFromNow(-72) });
		await post(A.manager, '/after-sales/sla/sweep');
		const esc = await db()('escalations').where({ collection: 'complaints', item: String(complaint) }).first();
		expect(esc, 'the sweep escalated a complaint received 72 h ago').toBeTruthy();
		await expectRefusedNoWrite(() => patch(A.admin, `/items/escalations/${esc.id}`, { escalation_key: `changed-${Date.now()}` }), { status: [400, 403, 409] });
	});
});

describe('ARC-4, DLR-1: every id a dealer or technician passes is scoped (403 for foreign and missing alike)', () => {
	const SCOPE = { status: [403], rules: ['DLR-1', 'ARC-4'] };

	test('DLR-1: when a technician attaches another dealer’s signature file to a repair, then 403 and nothing is written', async () => {
		const unit = await createUnit(1);
		const request = await createServiceRequest({ unit: unit.id, assignee: A.tech1.id, status: 'dispatched' });
		const body = { ...repairBody(unit.serial_no, d2Sig), service_request: request } as Record<string, unknown>;
		delete body['unit'];
		await expectRefusedNoWrite(() => post(A.tech1, '/after-sales/technician/repairs', body), SCOPE);
	});

	test('DLR-1: when a dealer links its repair to another dealer’s task, then 403 and nothing is written', async () => {
		const unit = await createUnit(1);
		const task = await createServiceRequest({ dealer: await dealerId(2), status: 'dispatched', dispatched_at: hoursFromNow(-1) });
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null, { service_request: task })), SCOPE);
	});

	test('DLR-1: when a dealer claims a repair done by a company technician on its unit, then 403', async () => {
		const unit = await createUnit(1);
		const request = await createServiceRequest({ unit: unit.id, assignee: A.tech2.id, status: 'dispatched' });
		const body = { ...repairBody(unit.serial_no, null), service_request: request } as Record<string, unknown>;
		delete body['unit'];
		const repair = await post(A.tech2, '/after-sales/technician/repairs', body);
		expect(repair.status, JSON.stringify(repair.body)).toBe(200);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/claims', { repair_record: repair.body.data.id, submit: false }), SCOPE);
	});

	test.each([
		['GET', '/after-sales/dealer/repairs/99999999'],
		['GET', '/after-sales/dealer/claims/99999999'],
		['POST', '/after-sales/dealer/claims/99999999/submit'],
		['POST', '/after-sales/dealer/claims/99999999/confirm-writeoff'],
		['POST', '/after-sales/dealer/parts-returns/99999999/ship'],
		['POST', '/after-sales/dealer/tasks/99999999/schedule'],
		['GET', '/after-sales/dealer/files/6f1c1a52-0d1e-4c61-9b86-1f4a0e2b7c11'],
	])('DLR-1: when a dealer passes a missing id (%s %s), then 403 like a foreign one', async (method, path) => {
		const res = await send(A.dealer1, method, path, method === 'POST' ? (path.endsWith('schedule') ? { scheduled_for: hoursFromNow(2) } : {}) : undefined);
		expectRefused(res, SCOPE);
	});

	test.each([
		['a missing repair', { repair_record: 99999999 }], ['another dealer’s repair', 'D2REPAIR'],
	])('DLR-1: when a dealer files a claim for %s, then 403 (existence does not leak)', async (_l, body) => {
		const payload = body === 'D2REPAIR' ? { repair_record: (await createClaim(2, 'draft')).repair } : body;
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/claims', payload), SCOPE);
	});

	test('DLR-1: when a dealer logs a repair on a missing unit, a missing task or with a missing signature, then 403', async () => {
		const unit = await createUnit(1);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody('NO-SUCH-SERIAL-FZ', null)), SCOPE);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null, { service_request: 99999999 })), SCOPE);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, '6f1c1a52-0d1e-4c61-9b86-1f4a0e2b7c11')), SCOPE);
	});

	test('DLR-1: when a technician passes a missing or someone else’s service request, then 403', async () => {
		const unit = await createUnit(1);
		const theirs = await createServiceRequest({ unit: unit.id, assignee: A.tech3.id, status: 'dispatched' });
		for (const service_request of [99999999, theirs]) {
			const body = { ...repairBody(unit.serial_no, null), service_request } as Record<string, unknown>;
			delete body['unit'];
			await expectRefusedNoWrite(() => post(A.tech1, '/after-sales/technician/repairs', body), { status: [403] });
		}
	});

	test('DLR-1: when a dealer asks coverage of another dealer’s unit and of a missing one, then both answers are identical', async () => {
		const theirs = await A.dealer2.call(`/after-sales/dealer/units/${submitted.unit.serial_no}/coverage`);
		const missing = await A.dealer2.call('/after-sales/dealer/units/NO-SUCH-SERIAL-FZ/coverage');
		expect(theirs.status).toBe(missing.status);
		expect([403, 404]).toContain(theirs.status);
		expect(firstError(theirs.body).code).toBe(firstError(missing.body).code);
	});
});

describe('CMP-5, ESC-2: levels belong to the rules', () => {
	test('CMP-5: when a manager approves a critical complaint sending handling_level 1 with the status change, then 400 and it stays proposed at L3', async () => {
		const id = await createComplaint('critical', 'proposed');
		const before = await db()('complaints').where({ id }).first('status', 'handling_level', 'severity');
		expect(Number(before.handling_level)).toBe(3);
		await expectRefusedNoWrite(() => patch(A.manager, `/items/complaints/${id}`, { status: 'approved', handling_level: 1 }), { rules: ['CMP-5', 'ESC-2'], field: /handling_level|status/ });
		const after = await db()('complaints').where({ id }).first('status', 'handling_level');
		expect(after).toMatchObject({ status: 'proposed' });
		expect(Number(after.handling_level)).toBe(3);
	});

	test.each([
		['lowers a critical complaint’s severity', 'critical', { severity: 'normal' }, 'severity'],
		['lowers a critical complaint’s level', 'critical', { handling_level: 1 }, 'handling_level'],
		['lowers a serious complaint’s level and severity together', 'serious', { severity: 'normal', handling_level: 1 }, /severity|handling_level/],
	] as const)('CMP-5: when an agent %s, then 400 and nothing changes', async (_l, severity, body, field) => {
		const id = await createComplaint(severity, 'contacting');
		await expectRefusedNoWrite(() => patch(A.agent, `/items/complaints/${id}`, body), { rules: ['CMP-5', 'ESC-2'], field });
	});

	test('ESC-2: when an agent lowers a service request’s handling level, then 400 naming handling_level', async () => {
		const id = await createServiceRequest({ handling_level: 2 });
		await expectRefusedNoWrite(() => patch(A.agent, `/items/service_requests/${id}`, { handling_level: 1 }), { rules: ['ESC-2', 'CMP-5'], field: 'handling_level' });
	});

	test('CMP-5: when complaints are lowered in a batch or by query, then 400 and nothing changes', async () => {
		const ids = [await createComplaint('critical'), await createComplaint('serious')];
		await expectRefusedNoWrite(() => patch(A.agent, '/items/complaints', { keys: ids, data: { handling_level: 1 } }), { rules: ['CMP-5', 'ESC-2'] });
		await expectRefusedNoWrite(() => patch(A.agent, '/items/complaints', { query: { filter: { id: { _in: ids } } }, data: { severity: 'normal' } }), { rules: ['CMP-5', 'ESC-2'] });
	});
});

describe('INT-4: money is a decimal with two places within the configured maximum', () => {
	test.each([
		['99999999999999999999.99'], ['1e30'], ['NaN'], ['1.005'], ['10000000.01'], ['Infinity'], [''],
	])('INT-4: when a ledger adjustment of %s is posted, then 400 naming amount', async (amount) => {
		await expectRefusedNoWrite(() => post(A.manager, '/items/dealer_ledger', { dealer: 1, entry_type: 'adjustment', amount, note: 'fz' }), { rules: ['INT-4', 'WTY-8'], field: 'amount' });
	});

	test('INT-4: when an adjustment names another dealer’s claim, then 400 naming claim', async () => {
		const theirs = await createClaim(2, 'draft');
		await expectRefusedNoWrite(async () => post(A.manager, '/items/dealer_ledger', { dealer: await dealerId(1), entry_type: 'adjustment', amount: '-5.00', claim: theirs.id, note: 'fz' }), { rules: ['INT-4'], field: 'claim' });
	});

	test.each([
		['labour_cost', '10000000.01'], ['travel_cost', '1e30'], ['labour_cost', '12.345'], ['labour_cost', 'NaN'],
	])('INT-4: when a dealer repair has %s = %s, then 400 naming it', async (field, value) => {
		const unit = await createUnit(1);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null, { [field]: value })), { rules: ['INT-4'], field });
	});

	test('INT-4: when a part line’s unit price exceeds the per-line maximum, then 400 naming it', async () => {
		const unit = await createUnit(1);
		await expectRefusedNoWrite(() => post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null, { parts: [{ part_no: 'BIG', quantity: '1', unit_price: '10000000.01' }] })), { rules: ['INT-4'], field: 'parts.0.unit_price' });
		const repair = (await post(A.dealer1, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null))).body.data;
		await expectRefusedNoWrite(() => post(A.agent, '/items/repair_parts', { repair_record: repair.id, part_no: 'BIG', quantity: '1000', unit_price: '9999999.99' }), { rules: ['INT-4'], field: /unit_price|amount|quantity/ });
	});

	test('INT-4: when adjustments of 0.10, 0.20 and -0.30 are posted, then the dealer’s balance is exactly what it was', async () => {
		const before = (await A.dealer3.call('/after-sales/dealer/ledger')).body.data.balance;
		for (const amount of ['0.10', '0.20', '-0.30']) {
			const res = await post(A.manager, '/items/dealer_ledger', { dealer: await dealerId(3), entry_type: 'adjustment', amount, note: 'fz exact' });
			expect(res.status, JSON.stringify(res.body)).toBe(200);
		}
		expect((await A.dealer3.call('/after-sales/dealer/ledger')).body.data.balance).toBe(before);
	});
});

describe('INT-5: never a 500 for a client’s mistake', () => {
	test('INT-5: when an admin deletes a settled claim, then 400/409 with no SQL text and the claim stays', async () => {
		await expectRefusedNoWrite(() => del(A.admin, `/items/warranty_claims/${settled.id}`), { status: [400, 409], rules: ['INT-5', 'WTY-8'] });
		expect(await claimRow(settled.id)).toBeTruthy();
	});

	test('INT-5: when an admin deletes a repair that has a claim, or a dealer with history, then 400/409 with no SQL text', async () => {
		await expectRefusedNoWrite(() => del(A.admin, `/items/repair_records/${submitted.repair}`), { status: [400, 409] });
		await expectRefusedNoWrite(async () => del(A.admin, `/items/dealers/${await dealerId(1)}`), { status: [400, 409] });
		await expectRefusedNoWrite(() => del(A.admin, `/items/units/${submitted.unit.id}`), { status: [400, 409] });
	});

	test('INT-5: when anyone, admin included, changes or deletes a ledger entry or an escalation, then 400/403/409 and it stays', async () => {
		const entry = await db()('dealer_ledger').where({ claim: settled.id }).first();
		const complaint = await createComplaint('normal', 'received', { received_at: hoursFromNow(-72) });
		await post(A.manager, '/after-sales/sla/sweep');
		const esc = await db()('escalations').where({ collection: 'complaints', item: String(complaint) }).first();
		expect(esc).toBeTruthy();
		for (const who of [A.admin, A.manager]) {
			await expectRefusedNoWrite(() => patch(who, `/items/dealer_ledger/${entry.id}`, { note: 'changed' }), { status: [400, 403, 409] });
			await expectRefusedNoWrite(() => del(who, `/items/dealer_ledger/${entry.id}`), { status: [400, 403, 409] });
			await expectRefusedNoWrite(() => patch(who, `/items/escalations/${esc.id}`, { message: 'changed' }), { status: [400, 403, 409] });
			await expectRefusedNoWrite(() => del(who, `/items/escalations/${esc.id}`), { status: [400, 403, 409] });
			await expectRefusedNoWrite(() => del(who, '/items/escalations', { query: { filter: { id: { _eq: esc.id } } } }), { status: [400, 403, 409] });
			await expectRefusedNoWrite(() => gql(who, `mutation { delete_escalations_item(id: ${esc.id}) { id } }`).then((r) => ({ status: r.body?.errors ? 400 : r.status, body: r.body })), { status: [400, 403, 409] });
		}
		const ack = await post(A.admin, `/after-sales/escalations/${esc.id}/acknowledge`);
		expect(ack.status, JSON.stringify(ack.body)).toBe(200);
	});

	test.each([
		['a unit with an unknown product', 'manager', 'POST', '/items/units', (): unknown => ({ serial_no: `FZ-FK-${Date.now()}`, product: 99999999, dealer: 1 })],
		['a repair part on an unknown repair', 'agent', 'POST', '/items/repair_parts', (): unknown => ({ repair_record: 99999999, part_no: 'X', quantity: '1', unit_price: '1.00' })],
		['a duplicate dealer code', 'manager', 'POST', '/items/dealers', (): unknown => ({ code: 'D001', name: 'dup' })],
		['a duplicate unit serial', 'manager', 'POST', '/items/units', (): unknown => ({ serial_no: submitted.unit.serial_no, product: 1, dealer: 1 })],
		['a delete of a product that units belong to', 'admin', 'DELETE', '/items/products/1', (): unknown => undefined],
		['a non-numeric id', 'manager', 'PATCH', '/items/repair_records/abc', (): unknown => ({ work_done: 'x' })],
		['an array where an object belongs', 'manager', 'PATCH', `/items/complaints/1`, (): unknown => [1, 2, 3]],
		['a string body', 'agent', 'POST', '/items/repair_parts', (): unknown => '"just a string"'],
	] as const)('INT-5: when a client sends %s, then a 4xx in Directus’s shape with no SQL text and nothing written', async (_l, who, method, path, body) => {
		await expectRefusedNoWrite(() => send(A[who], method, path, body()), { status: [400, 403, 404, 409] });
	});

	test('INT-5: when an admin sends an object for a plain integer column (sla_policies.priority, seed 1775322350), then 400 naming priority and nothing written', async () => {
		const policy = await db()('sla_policies').first('id');
		await expectRefusedNoWrite(() => patch(A.admin, `/items/sla_policies/${policy.id}`, { priority: { id: 1 } }), { status: [400], rules: ['INT-5'], field: 'priority' });
	});

	test.each([
		['a list of text and null', (): unknown => ['a', null]],
		['a list inside the list', (): unknown => [[1]]],
		['text', (): unknown => 'units'],
		['a change set with an unknown key', (): unknown => ({ create: [], replace: [] })],
		['a change set deleting null', (): unknown => ({ delete: [null] })],
		['a change set updating a line without its id', (): unknown => ({ update: [{ serial_no: 'x' }] })],
	])('INT-5: when a customer’s units list is %s (seed 1622069894), then 400 naming units and nothing written', async (_l, units) => {
		const customer = (await db()('customers').orderBy('id').first('id')).id;
		const res = await expectRefusedNoWrite(() => patch(A.agent, '/items/customers', { keys: [customer, customer], data: { units: units() } }), { status: [400], rules: ['INT-5'], field: 'units' });
		expect(firstError(res.body).message).not.toMatch(/Cannot|undefined|null is/);
	});

	test.each([
		['tech3', 'fault_cause', 'x'.repeat(300)],
		['manager', 'fault_cause', 'flood'],
		['manager', 'fault_scope', 'whole_planet'],
		['agent', 'remedy', 'free_machine'],
	] as const)('INT-5, WTY-3: when %s sends an unknown %s on a warranty repair (seed 380157116), then a 4xx naming it, never a 5xx, and nothing written', async (who, field, value) => {
		const open = await db()('repair_records').where({ coverage: 'warranty' }).whereNotNull('fault_category').whereNotNull('unit')
			.whereNotIn('id', db()('warranty_claims').whereNotNull('repair_record').select('repair_record')).orderBy('id').first('id');
		expect(open, 'the demo holds an unclaimed warranty repair').toBeTruthy();
		const res = await expectRefusedNoWrite(() => patch(A[who], `/items/repair_records/${open.id}`, { [field]: value }), { status: [400, 403] });
		if (res.status === 400) expect(firstError(res.body).field, JSON.stringify(res.body)).toBe(field);
		expect(firstError(res.body).message).not.toMatch(/Cannot read|undefined/);
	});

	test('INT-5: when the Studio saves a customer’s units list as a change set, then it is accepted', async () => {
		const customer = (await db()('customers').orderBy('id').first('id')).id;
		const res = await patch(A.agent, `/items/customers/${customer}`, { units: { create: [], update: [], delete: [] } });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
	});

	test.each([
		['GET', '/folders'], ['GET', '/folders/a5a1e5a1-0000-4000-8000-00000000f001'], ['GET', '/files'], ['GET', '/items/warranty_claims'],
	])('INT-5: when a dealer calls %s %s, then 403 (not 500)', async (method, path) => {
		const res = await send(A.dealer1, method, path);
		expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
		expect([403, 200]).toContain(res.status);
		if (res.status === 200) expect(res.body.data ?? [], 'a dealer lists no folder or file that is not its own').toEqual([]);
	});

	test.each([
		['/after-sales/dealer/claims/abc'], ['/after-sales/dealer/repairs/1e3'], ['/after-sales/dealer/repairs/-1'],
	])('INT-5: when a dealer passes an unreadable id %s, then 400/403', async (path) => {
		expectRefused(await send(A.dealer1, 'GET', path), { status: [400, 403, 409] });
	});
});

describe('portal and file headers; signatures are images', () => {
	const expectSafeHeaders = (headers: Headers) => {
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('no-referrer');
		const csp = headers.get('content-security-policy');
		expect(csp, 'a Content-Security-Policy is sent').toBeTruthy();
		expect(csp).not.toContain('unsafe-eval');
	};

	test('INT-5: when the portal page is served, then it carries nosniff, no-referrer and a CSP without unsafe-eval', async () => {
		const res = await raw(null, '/after-sales/portal/');
		expect(res.status).toBe(200);
		expectSafeHeaders(res.headers);
	});

	test('INT-5: when a dealer downloads its signature, then the file carries nosniff, no-referrer and a CSP without unsafe-eval', async () => {
		const res = await raw(A.dealer1, `/after-sales/dealer/files/${submitted.signature}`);
		expect(res.status).toBe(200);
		expectSafeHeaders(res.headers);
	});

	test('WTY-5: when a signature is a PNG with an HTML payload appended, then it is refused or stored re-encoded without the payload', async () => {
		const payload = Buffer.concat([Buffer.from(PNG_1PX, 'base64'), Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
		const res = await post(A.dealer1, '/after-sales/dealer/signatures', { data: `data:image/png;base64,${payload.toString('base64')}` });
		expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
		if (res.status === 200) {
			const file = await raw(A.dealer1, `/after-sales/dealer/files/${res.body.data.id}`);
			expect(file.bytes.includes(Buffer.from('<script>'))).toBe(false);
		} else {
			expectRefused(res, { rules: ['WTY-5'], field: 'data' });
		}
	});

	test('WTY-5: when a signature has PNG magic bytes but is not a decodable image, then 400 naming data', async () => {
		const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<svg onload=alert(1)>not a png</svg>')]);
		const before = await fingerprint();
		const res = await post(A.dealer1, '/after-sales/dealer/signatures', { data: fake.toString('base64') });
		expectRefused(res, { rules: ['WTY-5'], field: 'data' });
		expect(diffFingerprints(before, await fingerprint())).toEqual([]);
	});
});

export { actor };
