// RPT-1, DLR-4 on a real Directus: a fresh dealer with known tasks, repairs, claims, returns,
// follow-ups, complaints, escalations and ledger entries; its report row is checked figure by
// figure against the seeded data, then as CSV and XLSX; bad input and callers.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, json, loginAdmin, session } from './helpers';
import { closeTestDb, stored, testDb } from './reports-db';

const FROM = '2025-03-01';
const TO = '2025-03-31';
// Asia/Shanghai (the default calendar, CAL-3): the period is [2025-02-28T16:00Z, 2025-03-31T16:00Z).
const START = '2025-02-28T16:00:00.000Z';
const END = '2025-03-31T16:00:00.000Z';
const tag = `R${Date.now().toString(36).toUpperCase()}`;
const plusMinutes = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

let dealer: number;
let admin: Awaited<ReturnType<typeof loginAdmin>>;
const ids: Record<string, number> = {};

async function create(collection: string, payload: Record<string, unknown>) {
	const { status, body } = await admin.call(`/items/${collection}`, { method: 'POST', body: json(payload) });
	if (status !== 200) throw new Error(`seeding ${collection} failed: ${status} ${JSON.stringify(body)}`);
	return body.data;
}

beforeAll(async () => {
	admin = await loginAdmin();
	const me = (await admin.call('/users/me')).body.data;
	const [product] = (await admin.call('/items/products?limit=1&sort=id')).body.data;
	dealer = (await create('dealers', { code: tag, name: `报表测试经销商 ${tag}`, tier: 'B', status: 'active', region: '测试' })).id;
	const customer = (await create('customers', { name: `报表测试客户 ${tag}`, type: 'company', phone: '13800000000', dealer })).id;
	const unit = (await create('units', { serial_no: `${tag}-U1`, product: product.id, customer, dealer, sold_on: '2025-01-10', card_received_on: '2025-01-15' })).id;

	// DLR-2 tasks: dispatched at the first instant of the period … the first instant after it.
	// REQ-1: a task is registered as dispatched; its scheduling moment (DLR-2) lies in the past, so it is written as the dealer's step would have.
	const task = async (key: string, dispatched: string, scheduledAfter: number | null) => {
		const row = await create('service_requests', {
			type: 'dealer_task', channel: 'dealer', received_at: dispatched, dispatched_at: dispatched, customer, unit, dealer, problem: `task ${key}`, status: 'dispatched',
		});
		ids[key] = row.id;
		if (scheduledAfter !== null) await testDb()('service_requests').where({ id: row.id }).update({ status: 'scheduled', scheduled_at: stored(plusMinutes(dispatched, scheduledAfter)) });
	};
	await task('t1', START, 30);
	await task('t2', '2025-03-10T02:00:00.000Z', 120);
	await task('t3', '2025-03-15T02:00:00.000Z', 121);
	await task('t4', '2025-03-20T02:00:00.000Z', null);
	await task('t5', END, 10);
	await task('t6', plusMinutes(START, -1), 10);

	const repair = (key: string, completed: string, fault: string, status = 'completed') =>
		create('repair_records', {
			unit, dealer, status, fault_category: fault, fault_description: `repair ${key}`, coverage: 'warranty', received_at: plusMinutes(completed, -600), completed_at: completed,
			labour_cost: '10.00', travel_cost: '0.00',
		}).then((row) => (ids[key] = row.id));
	await repair('r1', '2025-03-02T02:00:00.000Z', 'hydraulic');
	await repair('r2', '2025-03-20T02:00:00.000Z', 'hydraulic');
	await repair('r3', '2025-03-25T02:00:00.000Z', 'engine');
	await repair('r4', '2025-04-02T02:00:00.000Z', 'engine');
	await repair('r5', '2025-03-05T02:00:00.000Z', 'cooling', 'cancelled');
	await repair('r6', '2025-04-10T02:00:00.000Z', 'cooling');

	// WTY-6 return batches: shipped by the deadline, shipped late, never shipped, due after the period.
	await create('parts_returns', { dealer, deadline: '2025-03-15', status: 'shipped', shipped_on: '2025-03-14' });
	await create('parts_returns', { dealer, deadline: '2025-03-31', status: 'shipped', shipped_on: '2025-04-03' });
	await create('parts_returns', { dealer, deadline: '2025-03-20', status: 'open' });
	await create('parts_returns', { dealer, deadline: '2025-04-30', status: 'open' });

	const followUp = (done: string, satisfaction: number, link: Record<string, number>) =>
		create('follow_ups', { kind: 'satisfaction_call', customer, due_at: done, done_at: done, status: 'done', satisfaction, ...link });
	await followUp('2025-03-05T03:00:00.000Z', 5, { repair_record: ids['r1']! });
	await followUp('2025-03-22T03:00:00.000Z', 4, { repair_record: ids['r2']! });
	await followUp('2025-03-12T03:00:00.000Z', 3, { service_request: ids['t2']! });
	await followUp('2025-04-05T03:00:00.000Z', 1, { repair_record: ids['r4']! });

	const complaint = (received: string, withUnit: boolean) =>
		create('complaints', { received_at: received, channel: 'phone', recorder: me.id, customer, ...(withUnit ? { unit } : {}), category: 'attitude', severity: 'normal', description: `complaint ${received}` });
	await complaint('2025-03-08T03:00:00.000Z', true);
	await complaint('2025-03-09T03:00:00.000Z', false);
	await complaint('2025-04-01T03:00:00.000Z', true);

	// Rows only the product's own workflows write (WTY-7 claims at real time, WTY-8 credits, ESC-4 log).
	const db = testDb();
	const claim = async (key: string, repairKey: string, status: string, claimed: string, approved: string | null, submitted: string | null, reasons: string[] | null = null) => {
		const row = {
			claim_no: `${tag}-${key}`, dealer, repair_record: ids[repairKey], status, claimed_amount: claimed, approved_amount: approved,
			rejection_reasons: reasons ? JSON.stringify(reasons) : null, submitted_at: submitted ? stored(submitted) : null, date_created: stored(submitted ?? '2025-03-06T00:00:00.000Z'),
		};
		await db('warranty_claims').insert(row);
		ids[key] = Number((await db('warranty_claims').where({ claim_no: row.claim_no }).first('id')).id);
	};
	await claim('c1', 'r1', 'settled', '100.10', '90.05', '2025-03-03T02:00:00.000Z');
	await claim('c2', 'r2', 'rejected', '50.20', null, '2025-03-21T02:00:00.000Z', ['card_late', 'duplicate']);
	await claim('c3', 'r3', 'submitted', '0.30', null, '2025-03-26T02:00:00.000Z');
	await claim('c4', 'r4', 'approved', '10.00', '10.00', '2025-04-02T02:00:00.000Z');
	await claim('c5', 'r5', 'draft', '7.00', null, null);
	await claim('c6', 'r6', 'settled', '1.00', '1.00', '2025-04-11T02:00:00.000Z');
	const escalation = (key: string, kind: string, collection: string, item: number, occurred: string) =>
		db('escalations').insert({ escalation_key: `${tag}-${key}`, kind, collection, item: String(item), milestone: 'test', level: 2, occurred_at: stored(occurred) });
	await escalation('e1', 'breach', 'service_requests', ids['t3']!, '2025-03-15T05:00:00.000Z');
	await escalation('e2', 'warning', 'service_requests', ids['t4']!, '2025-03-20T03:00:00.000Z');
	await escalation('e3', 'breach', 'warranty_claims', ids['c2']!, '2025-03-22T00:00:00.000Z');
	await escalation('e4', 'breach', 'service_requests', ids['t4']!, '2025-04-03T00:00:00.000Z');
	// WTY-8: every warranty credit names its settled claim, one each (the fuzz suite checks this on the shared database).
	const ledger = (key: string, type: string, amount: string, posted: string, claimKey: string | null = null) =>
		db('dealer_ledger').insert({ dealer, entry_type: type, amount, posted_at: stored(posted), idempotency_key: `${tag}-${key}`, date_created: stored(posted), claim: claimKey ? ids[claimKey] : null });
	await ledger('l1', 'warranty_credit', '90.05', '2025-03-28T02:00:00.000Z', 'c1');
	await ledger('l2', 'adjustment', '5.00', '2025-03-28T02:00:00.000Z');
	await ledger('l3', 'warranty_credit', '1.00', END, 'c6');
}, 120_000);

afterAll(async () => {
	await closeTestDb();
});

async function report(query = '') {
	const { status, body } = await admin.call(`/after-sales/reports/dealers?from=${FROM}&to=${TO}${query}`);
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data;
}

describe('RPT-1: the dealer report', () => {
	test('RPT-1: when a fresh dealer has known activity, then its row has exactly those figures', async () => {
		// REQ-8 links repeats itself: the expected repeat count is read back from what it decided.
		const repairs = (await admin.call(`/items/repair_records?filter[dealer][_eq]=${dealer}&fields=id,status,completed_at,repeat_of&limit=-1`)).body.data;
		const inPeriod = repairs.filter((r: any) => r.status !== 'cancelled' && r.completed_at >= START && r.completed_at < END);
		const data = await report(`&dealer=${tag}`);
		expect(data.dealers).toHaveLength(1);
		const row = data.dealers[0];
		expect(row).toMatchObject({
			dealer_id: dealer, code: tag,
			tasks: 4, tasks_on_schedule: 2, schedule_compliance: 50,
			repairs: 3,
			claims_submitted: 3, claims_approved: 1, claims_rejected: 1, claims_decided: 2, claim_rejection_rate: 50,
			rejection_reasons: { card_late: 1, duplicate: 1 },
			claimed_amount: '150.60', approved_amount: '90.05',
			parts_batches_due: 3, parts_batches_on_time: 1, parts_on_time_rate: 33.3,
			satisfaction_responses: 3, satisfaction_avg: 4,
			complaints: 2, escalations: 2, ledger_credits: '90.05',
			rating: 'C',
		});
		expect(inPeriod).toHaveLength(3);
		expect(row.repeat_repairs).toBe(inPeriod.filter((r: any) => r.repeat_of !== null).length);
		expect(row.rating_reasons.join('\n')).toMatch(/schedule compliance 50\.0% is below the B threshold of 85%/);
		expect(row.score).toEqual(expect.any(Number));
	});

	test('RPT-1: when the whole report is asked for, then the dealer has the same row and ranks are ordered', async () => {
		const [single, all] = await Promise.all([report(`&dealer=${dealer}`), report()]);
		const mine = all.dealers.find((d: any) => d.dealer_id === dealer);
		expect({ ...mine, rank: null }).toEqual({ ...single.dealers[0], rank: null });
		const ranked = all.dealers.filter((d: any) => d.rank !== null);
		for (let i = 1; i < ranked.length; i++) {
			expect(ranked[i].score).toBeLessThanOrEqual(ranked[i - 1].score);
			expect(ranked[i].rank).toBeGreaterThanOrEqual(ranked[i - 1].rank);
		}
		expect(all.dealers.slice(ranked.length).every((d: any) => d.rank === null)).toBe(true);
	});

	test('DLR-4: when an admin lowers the B bar for schedule compliance, then the settings change the suggested rating', async () => {
		const settings = (await admin.call('/items/service_settings')).body.data;
		const before = settings.dealer_rating_thresholds;
		await admin.call('/items/service_settings', { method: 'PATCH', body: json({ dealer_rating_thresholds: { B: { schedule_compliance_min: 50, parts_on_time_min: 30, claim_rejection_max: 60, repeat_repair_max: 100, satisfaction_min: 3 } } }) });
		try {
			const row = (await report(`&dealer=${tag}`)).dealers[0];
			expect(row.rating).toBe('B');
		} finally {
			await admin.call('/items/service_settings', { method: 'PATCH', body: json({ dealer_rating_thresholds: before ?? null }) });
		}
	});
});

function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [], cell = '', quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') { row.push(cell); cell = ''; }
		else if (ch === '\r') continue;
		else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
		else cell += ch;
	}
	return rows;
}

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

describe('RPT-1 exports', () => {
	test('RPT-1: when exported as CSV, then it is UTF-8 with a BOM, Chinese headers and the JSON figures', async () => {
		const json = (await report(`&dealer=${tag}`)).dealers[0];
		const response = await fetch(`${(await import('./helpers')).baseUrl()}/after-sales/reports/dealers?from=${FROM}&to=${TO}&dealer=${tag}&format=csv`, { headers: { authorization: `Bearer ${admin.token}` } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
		expect(response.headers.get('content-disposition')).toContain(`dealer-report_${FROM}_${TO}.csv`);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [headers, values] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, ''));
		expect(headers).toContain('经销商代码 Dealer code');
		expect(headers).toContain('核准金额 Amount approved');
		const cell = (header: string) => values![headers!.indexOf(header)];
		expect(cell('经销商代码 Dealer code')).toBe(json.code);
		expect(cell('服务任务 Tasks')).toBe(asText(json.tasks));
		expect(cell('安排及时率% Schedule compliance %')).toBe(asText(json.schedule_compliance));
		expect(cell('申请金额 Amount claimed')).toBe(json.claimed_amount);
		expect(cell('核准金额 Amount approved')).toBe(json.approved_amount);
		expect(cell('三包核销金额 Ledger credits')).toBe(json.ledger_credits);
		expect(cell('拒赔原因 Rejection reasons')).toBe('card_late:1; duplicate:1');
		expect(cell('建议评级 Suggested rating')).toBe(json.rating);
		expect(cell('平均满意度 Average satisfaction')).toBe(asText(json.satisfaction_avg));
	});

	test('RPT-1: when exported as XLSX, then the workbook has Chinese headers and the JSON figures', async () => {
		const json = (await report(`&dealer=${tag}`)).dealers[0];
		const response = await fetch(`${(await import('./helpers')).baseUrl()}/after-sales/reports/dealers?from=${FROM}&to=${TO}&dealer=${tag}&format=xlsx`, { headers: { authorization: `Bearer ${admin.token}` } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(response.headers.get('content-disposition')).toContain('.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
		const sheet = workbook.worksheets[0]!;
		const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
		const values = (sheet.getRow(2).values as unknown[]).slice(1);
		const cell = (header: string) => values[headers.indexOf(header)];
		expect(headers[1]).toBe('经销商代码 Dealer code');
		expect(cell('经销商代码 Dealer code')).toBe(json.code);
		expect(cell('服务任务 Tasks')).toBe(json.tasks);
		expect(cell('按时安排 Scheduled in time')).toBe(json.tasks_on_schedule);
		expect(cell('旧件按时率% Parts on time %')).toBe(json.parts_on_time_rate);
		expect(Number(cell('申请金额 Amount claimed')).toFixed(2)).toBe(json.claimed_amount);
		expect(Number(cell('三包核销金额 Ledger credits')).toFixed(2)).toBe(json.ledger_credits);
		expect(cell('投诉 Complaints')).toBe(json.complaints);
		expect(sheet.rowCount).toBe(2);
	});
});

describe('RPT-1: bad input is a 400 naming the field', () => {
	test.each([
		['from after to', '/after-sales/reports/dealers?from=2025-03-02&to=2025-03-01', 'from'],
		['an unknown format', '/after-sales/reports/dealers?format=pdf', 'format'],
		['a range over five years', '/after-sales/reports/dealers?from=2019-01-01&to=2025-01-02', 'to'],
		['an unknown dealer', '/after-sales/reports/dealers?dealer=NO-SUCH-DEALER', 'dealer'],
		['an impossible date', '/after-sales/reports/dealers?from=2025-02-30&to=2025-03-01', 'from'],
		['a summary period of a week', '/after-sales/reports/summary?period=week', 'period'],
		['a summary month 13', '/after-sales/reports/summary?period=month&at=2025-13', 'at'],
		['a week 60', '/after-sales/reports/weekly?week=2025-W60', 'week'],
		['a quality month in words', '/after-sales/reports/quality?month=March', 'month'],
	])('RPT-1: when the query has %s, then 400 names %s', async (_label, path, field) => {
		const { status, body } = await admin.call(path);
		expect(status).toBe(400);
		expect(body.errors[0].extensions.field).toBe(field);
	});
});

describe('RPT-1: staff only', () => {
	test.each([
		['a dealer', 'dealer1@example.com', 'GET', '/after-sales/reports/dealers'],
		['a dealer', 'dealer1@example.com', 'GET', '/after-sales/reports/summary'],
		['a dealer', 'dealer1@example.com', 'GET', '/after-sales/reports/quality'],
		['a technician', 'tech1@example.com', 'GET', '/after-sales/reports/weekly'],
		['a technician', 'tech1@example.com', 'GET', '/after-sales/reports/dealers?format=csv'],
		['a service agent', 'agent@example.com', 'POST', '/after-sales/quality/scan'],
	])('RPT-1: when %s (%s) calls %s %s, then 403', async (_label, email, method, path) => {
		const user = await session(email, 'service-demo');
		const { status } = await user.call(path, { method });
		expect(status).toBe(403);
	});

	test('RPT-1: when nobody is signed in, then the report is refused', async () => {
		const { status } = await call('/after-sales/reports/dealers', null);
		expect(status).toBe(403);
	});
});
