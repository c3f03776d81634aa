// DLR-3: dealers file their spare-parts plan from the portal, 30 days before the sales season; the
// dealer is reminded before it is due and the service managers told once when it is overdue.
// DLR-5: dealers return stock; the freight rule decides the ledger postings on receipt, each once;
// stock two whole seasons old counts as sold. Fresh dealers keep the counts of this file its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, login, loginAdmin } from './helpers';
import { asStaff, DEMO_PASSWORD, dayOffset, restoreDemoStaff } from './warranty-fixtures';

const DEALER_ROLE = 'a5a1e5a1-0000-4000-8000-000000000008';
let n = 0;

/** A dealer of its own with one portal user. */
async function freshDealer(status = 'active') {
	const admin = await loginAdmin();
	const code = `P${process.pid % 100000}${Date.now().toString(36).slice(-4)}${++n}`.slice(0, 32);
	const dealer = await admin.call('/items/dealers', { method: 'POST', body: json({ code, name: `计划测试经销商 ${code}`, status }) });
	expect(dealer.status, JSON.stringify(dealer.body)).toBe(200);
	const email = `${code.toLowerCase()}@example.com`;
	const user = await admin.call('/users', { method: 'POST', body: json({ email, password: DEMO_PASSWORD, role: DEALER_ROLE, status: 'active', dealer: dealer.body.data.id }) });
	expect(user.status, JSON.stringify(user.body)).toBe(200);
	return { id: dealer.body.data.id as number, code, user: user.body.data.id as string, session: await login(email, DEMO_PASSWORD) };
}

const settings = async (patch: Record<string, unknown>) => (await loginAdmin()).call('/items/service_settings', { method: 'PATCH', body: json(patch) });
const noticesAbout = async (dealer: number) =>
	(await (await loginAdmin()).call(`/notifications?filter[collection][_eq]=dealers&filter[item][_eq]=${dealer}&fields=id,recipient,subject&limit=-1`)).body.data as { recipient: string; subject: string }[];
const remind = async (at: string, dealer: number) => (await loginAdmin()).call(`/after-sales/dealer-plans/remind?at=${encodeURIComponent(at)}&dealer=${dealer}`, { method: 'POST' });
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const line = (over: Record<string, unknown> = {}) => ({ part_no: 'YB-25-01', name: '液压泵总成', quantity: 2, unit_value: '1250.50', shipped_to_dealer_on: dayOffset(-30), ...over });

beforeAll(async () => {
	// The seasons and lead time of RULES.md (another file may have left them changed).
	expect((await settings({ parts_plan_lead_days: 30, parts_plan_reminder_days: 7, sales_seasons: null })).status).toBe(200);
});

afterAll(async () => {
	await settings({ parts_plan_lead_days: 30 });
	await restoreDemoStaff();
});

describe('spare-parts plans (DLR-3)', () => {
	test('DLR-3: when a dealer files its parts plan for the next season from the portal, then it is kept on the dealer with the deadline and on-time verdict', async () => {
		const d = await freshDealer();
		const before = (await d.session.call('/after-sales/dealer/parts-plan')).body.data;
		expect(before.next_season).toMatchObject({ filed: false });
		expect(before.next_season.deadline).toBe(plusDays(before.next_season.starts_on, -30));
		const next = before.next_season;
		const filed = await d.session.call('/after-sales/dealer/parts-plan', {
			method: 'POST', body: json({ season: next.key, year: next.year, lines: [{ part_no: 'YB-25-01', part_name: '液压泵总成', quantity: 3, kind: 'warranty' }, { part_no: 'LV-60-12', quantity: '12', kind: 'wear' }], note: '按去年销量' }),
		});
		expect(filed.status, JSON.stringify(filed.body)).toBe(200);
		expect(filed.body.data).toMatchObject({ season: next.key, year: next.year, deadline: next.deadline, on_time: next.today <= next.deadline, by: d.user, revision: 1 });
		const after = (await d.session.call('/after-sales/dealer/parts-plan')).body.data;
		expect(after.next_season).toMatchObject({ filed: true, on_time: next.today <= next.deadline });
		expect(after.plans).toHaveLength(1);
		const stored = (await (await loginAdmin()).call(`/items/dealers/${d.id}?fields=parts_plans,parts_plan_filed_on`)).body.data;
		expect(stored.parts_plan_filed_on).toBe(next.today);
		expect(stored.parts_plans[0].lines).toHaveLength(2);
	});

	test('DLR-3: when a dealer files after the deadline, then the plan is accepted and recorded as late, and a revision stays late', async () => {
		const d = await freshDealer();
		// A lead time of a year puts every coming season's deadline in the past.
		expect((await settings({ parts_plan_lead_days: 365 })).status).toBe(200);
		try {
			const next = (await d.session.call('/after-sales/dealer/parts-plan')).body.data.next_season;
			expect(next.deadline < next.today).toBe(true);
			const body = { season: next.key, year: next.year, lines: [{ part_no: 'FL-08-03', quantity: 40, kind: 'wear' }] };
			const late = await d.session.call('/after-sales/dealer/parts-plan', { method: 'POST', body: json(body) });
			expect(late.status, JSON.stringify(late.body)).toBe(200);
			expect(late.body.data.on_time).toBe(false);
			const again = await d.session.call('/after-sales/dealer/parts-plan', { method: 'POST', body: json(body) });
			expect(again.body.data).toMatchObject({ on_time: false, revision: 2 });
		} finally {
			expect((await settings({ parts_plan_lead_days: 30 })).status).toBe(200);
		}
	});

	test.each([
		['a line of an unknown kind', 'lines.0.kind', { lines: [{ part_no: 'X', quantity: 1, kind: 'spare' }] }],
		['no lines', 'lines', { lines: [] }],
		['an unknown season', 'season', { season: 'winter' }],
		['an unknown field', 'priority', { priority: 'high' }],
	])('DLR-3: when a dealer files a plan with %s, then it is a 400 naming %s and nothing is kept', async (_l, field, over) => {
		const d = await freshDealer();
		const next = (await d.session.call('/after-sales/dealer/parts-plan')).body.data.next_season;
		const res = await d.session.call('/after-sales/dealer/parts-plan', { method: 'POST', body: json({ season: next.key, year: next.year, lines: [{ part_no: 'X', quantity: 1, kind: 'wear' }], ...over }) });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ rule: 'DLR-3', field });
		expect((await d.session.call('/after-sales/dealer/parts-plan')).body.data.plans).toEqual([]);
	});

	test('DLR-3: when a suspended dealer files a plan, then it is refused (DLR-1) and nothing is kept', async () => {
		const d = await freshDealer('suspended');
		const next = (await d.session.call('/after-sales/dealer/parts-plan')).body.data.next_season;
		const res = await d.session.call('/after-sales/dealer/parts-plan', { method: 'POST', body: json({ season: next.key, year: next.year, lines: [{ part_no: 'X', quantity: 1, kind: 'wear' }] }) });
		expect(res.status).toBe(403);
		expect(res.body.errors[0].extensions.rule).toBe('DLR-1');
		expect((await (await loginAdmin()).call(`/items/dealers/${d.id}?fields=parts_plans`)).body.data.parts_plans ?? []).toEqual([]);
	});

	test.each([
		['overlapping seasons', 'sales_seasons.1.from', { sales_seasons: [{ key: 'spring', from: '03-01', to: '06-30' }, { key: 'summer', from: '06-01', to: '08-31' }] }],
		['a bad month-day', 'sales_seasons.0.from', { sales_seasons: [{ key: 'spring', from: '02-30', to: '05-31' }] }],
		['no season at all', 'sales_seasons', { sales_seasons: [] }],
		['a lead time of 0 days', 'parts_plan_lead_days', { parts_plan_lead_days: 0 }],
	])('DLR-3: when an admin saves %s, then it is a 400 naming %s', async (_l, field, patch) => {
		const res = await settings(patch);
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.body.errors[0])).toContain(field);
		if (field.startsWith('sales_seasons')) expect(res.body.errors[0].extensions).toMatchObject({ rule: 'DLR-3', field });
	});

	test('DLR-3: when the reminder job runs before the deadline and after it, repeatedly and at once, then the dealer is reminded once and the managers told once', async () => {
		const d = await freshDealer();
		const filed = await freshDealer();
		const next = (await d.session.call('/after-sales/dealer/parts-plan')).body.data.next_season;
		await filed.session.call('/after-sales/dealer/parts-plan', { method: 'POST', body: json({ season: next.key, year: next.year, lines: [{ part_no: 'X', quantity: 1, kind: 'wear' }] }) });
		const admin = await loginAdmin();
		const managers = (await admin.call('/users?filter[role][_eq]=a5a1e5a1-0000-4000-8000-000000000002&filter[status][_eq]=active&fields=id&limit=-1')).body.data.map((u: { id: string }) => u.id);
		expect(managers.length).toBeGreaterThan(0);

		// Ten days before: nothing yet.
		expect((await remind(`${plusDays(next.deadline, -10)}T04:00:00Z`, d.id)).body.data.notices).toBe(0);
		// Three days before, twice in a row and twice at once: one reminder to the dealer's user.
		const before = `${plusDays(next.deadline, -3)}T04:00:00Z`;
		await Promise.all([remind(before, d.id), remind(before, d.id)]);
		await remind(before, d.id);
		let notes = await noticesAbout(d.id);
		expect(notes.map((x) => x.recipient)).toEqual([d.user]);
		expect(notes[0]!.subject).toContain(next.deadline);
		// The dealer who filed is not reminded.
		expect((await remind(before, filed.id)).body.data.notices).toBe(0);
		expect(await noticesAbout(filed.id)).toEqual([]);

		// The day after the deadline, twice at once and again: each manager told once.
		const after = `${plusDays(next.deadline, 1)}T04:00:00Z`;
		await Promise.all([remind(after, d.id), remind(after, d.id)]);
		expect((await remind(after, d.id)).body.data.notices).toBe(0);
		notes = await noticesAbout(d.id);
		expect(notes.filter((x) => x.recipient !== d.user).map((x) => x.recipient).sort()).toEqual([...managers].sort());
		expect(notes.filter((x) => x.recipient !== d.user).every((x) => x.subject.includes(d.code))).toBe(true);
	});

	test('DLR-3, DLR-5: when a dealer sends malformed bodies to the plan and stock-return endpoints, then every answer is a 400 and nothing is written', async () => {
		const d = await freshDealer();
		const next = (await d.session.call('/after-sales/dealer/parts-plan')).body.data.next_season;
		const plan = { season: next.key, year: next.year, lines: [{ part_no: 'X', quantity: 1, kind: 'wear' }] };
		const stock = { return_reason: 'unsaleable', lines: [line()] };
		const bodies: [string, unknown][] = [
			['/after-sales/dealer/parts-plan', []], ['/after-sales/dealer/parts-plan', 'plan'], ['/after-sales/dealer/parts-plan', { ...plan, year: 1e12 }],
			['/after-sales/dealer/parts-plan', { ...plan, lines: [{ part_no: 'X\u0000', quantity: 1, kind: 'wear' }] }], ['/after-sales/dealer/parts-plan', { ...plan, lines: [{ part_no: 'X', quantity: '1e3', kind: 'wear' }] }],
			['/after-sales/dealer/parts-plan', { ...plan, lines: Array.from({ length: 501 }, () => plan.lines[0]) }], ['/after-sales/dealer/parts-plan', { ...plan, season: null }],
			['/after-sales/dealer/stock-returns', []], ['/after-sales/dealer/stock-returns', { ...stock, lines: [] }], ['/after-sales/dealer/stock-returns', { ...stock, lines: [line({ unit_value: '-1' })] }],
			['/after-sales/dealer/stock-returns', { ...stock, lines: [line({ unit_value: '1e9' })] }], ['/after-sales/dealer/stock-returns', { ...stock, lines: [line({ shipped_to_dealer_on: '2026-02-30' })] }],
			['/after-sales/dealer/stock-returns', { ...stock, lines: [line({ part_no: undefined })] }], ['/after-sales/dealer/stock-returns', { ...stock, lines: [line({ quantity: '999999999', unit_value: '9999999' })] }],
			['/after-sales/dealer/stock-returns', { ...stock, dealer: 1 }], ['/after-sales/dealer/stock-returns', { ...stock, lines: [line({ shipped_to_dealer_on: dayOffset(3) })] }],
		];
		for (const [path, body] of bodies) {
			const res = await d.session.call(path, { method: 'POST', body: typeof body === 'string' ? body : json(body) });
			expect(res.status, `${path} ${JSON.stringify(body).slice(0, 120)} → ${JSON.stringify(res.body)}`).toBe(400);
		}
		expect((await d.session.call('/after-sales/dealer/parts-plan')).body.data.plans).toEqual([]);
		expect((await d.session.call('/after-sales/dealer/stock-returns')).body.data).toEqual([]);
	});

	test('DLR-3: when a dealer asks to run the reminders, then it is a 403', async () => {
		const d = await freshDealer();
		expect((await d.session.call('/after-sales/dealer-plans/remind', { method: 'POST' })).status).toBe(403);
	});
});

describe('stock returns (DLR-5)', () => {
	test('DLR-5: when a dealer files stock shipped to it two whole seasons ago, then the line is refused naming it and nothing is written', async () => {
		const d = await freshDealer();
		const res = await d.session.call('/after-sales/dealer/stock-returns', { method: 'POST', body: json({ return_reason: 'unsaleable', lines: [line(), line({ shipped_to_dealer_on: dayOffset(-500) })] }) });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'lines.1.shipped_to_dealer_on' });
		expect((await d.session.call('/after-sales/dealer/stock-returns')).body.data).toEqual([]);
		const bad = await d.session.call('/after-sales/dealer/stock-returns', { method: 'POST', body: json({ return_reason: 'broken', lines: [line()] }) });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'return_reason' });
	});

	test.each([
		['quality_defect', { freight_amount: '300.00' }, 'company', [['stock_return_credit', '2501.00']], '2501.00'],
		['unsaleable', { freight_amount: '300.00' }, 'dealer', [['freight_charge', '-300.00'], ['stock_return_credit', '2501.00']], '2201.00'],
		['disassembled', { freight_amount: '300.00', restoration_amount: '120.50' }, 'dealer', [['freight_charge', '-300.00'], ['restoration_charge', '-120.50'], ['stock_return_credit', '2501.00']], '2080.50'],
	] as const)('DLR-5: when a %s stock return is filed, shipped and received, then the ledger gets the credit and only the charges the dealer pays, once even when the receipt is retried', async (reason, amounts, payer, entries, balance) => {
		const d = await freshDealer();
		const filed = await d.session.call('/after-sales/dealer/stock-returns', { method: 'POST', body: json({ return_reason: reason, lines: [line()], note: '库存积压' }) });
		expect(filed.status, JSON.stringify(filed.body)).toBe(200);
		expect(filed.body.data).toMatchObject({ status: 'open', return_reason: reason, freight_payer: payer, stock_value: '2501.00' });
		const id = filed.body.data.id;
		expect((await d.session.call('/after-sales/dealer/parts-returns')).body.data.find((b: any) => b.id === id)).toMatchObject({ kind: 'stock', status: 'open' });
		const ship = await d.session.call(`/after-sales/dealer/parts-returns/${id}/ship`, { method: 'POST', body: json({ carrier: '德邦物流', tracking_no: 'DB123' }) });
		expect(ship.status, JSON.stringify(ship.body)).toBe(200);

		const tech = await asStaff('technical_dept');
		const receive = () => tech.call(`/items/parts_returns/${id}`, { method: 'PATCH', body: json({ status: 'received', ...amounts }) });
		const [first, second] = await Promise.all([receive(), receive()]);
		expect([first.status, second.status], JSON.stringify([first.body, second.body])).toEqual([200, 200]);
		expect((await receive()).status).toBe(200);
		const admin = await loginAdmin();
		const ledger = (await admin.call(`/items/dealer_ledger?filter[dealer][_eq]=${d.id}&fields=entry_type,amount,parts_return,idempotency_key&sort=entry_type&limit=-1`)).body.data;
		expect(ledger.map((e: any) => [e.entry_type, Number(e.amount).toFixed(2)])).toEqual(entries);
		expect(ledger.every((e: any) => e.parts_return === id && e.idempotency_key.startsWith(`stock-return:${id}:`))).toBe(true);
		expect((await d.session.call('/after-sales/dealer/ledger')).body.data.balance).toBe(balance);
		const mine = (await d.session.call('/after-sales/dealer/stock-returns')).body.data[0];
		expect(mine).toMatchObject({ id, status: 'received', freight_amount: '300.00' });
		expect(mine.ledger_posted_at).toBeTruthy();
		// The amounts the ledger was posted with stay.
		const change = await tech.call(`/items/parts_returns/${id}`, { method: 'PATCH', body: json({ freight_amount: '10.00' }) });
		expect(change.status).toBe(400);
		expect(change.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'freight_amount' });
	});

	test('DLR-5: when staff write stock returns through the items API and GraphQL, then the same rules hold', async () => {
		const d = await freshDealer();
		const tech = await asStaff('service_manager');
		const create = (body: Record<string, unknown>) => tech.call('/items/parts_returns', { method: 'POST', body: json({ dealer: d.id, kind: 'stock', ...body }) });
		const noReason = await create({ stock_lines: [line()] });
		expect(noReason.status).toBe(400);
		expect(noReason.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'return_reason' });
		const sold = await create({ return_reason: 'unsaleable', stock_lines: [line({ shipped_to_dealer_on: dayOffset(-500) })] });
		expect(sold.status).toBe(400);
		expect(sold.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'stock_lines.0.shipped_to_dealer_on' });
		const received = await create({ return_reason: 'unsaleable', stock_lines: [line()], status: 'received' });
		expect(received.status).toBe(400);
		expect(received.body.errors[0].extensions.rule).toBe('DLR-5');

		const computed = await create({ return_reason: 'unsaleable', stock_lines: [line()], stock_value: '999999.00' });
		expect(computed.status).toBe(400);
		expect(computed.body.errors[0].extensions).toMatchObject({ rule: 'INT-3', field: 'stock_value' });
		const ok = await create({ return_reason: 'unsaleable', stock_lines: [line()] });
		expect(ok.status, JSON.stringify(ok.body)).toBe(200);
		const id = ok.body.data.id;
		const row = (await tech.call(`/items/parts_returns/${id}?fields=stock_value,freight_payer,status,batch_key,deadline`)).body.data;
		expect(row).toMatchObject({ freight_payer: 'dealer', status: 'open', batch_key: null });
		expect(Number(row.stock_value)).toBe(2501);
		const skip = await tech.call(`/items/parts_returns/${id}`, { method: 'PATCH', body: json({ status: 'received', freight_amount: '50' }) });
		expect(skip.status).toBe(400);
		expect(skip.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'status' });
		expect((await tech.call(`/items/parts_returns/${id}`, { method: 'PATCH', body: json({ status: 'shipped' }) })).status).toBe(200);
		const restoration = await tech.call(`/items/parts_returns/${id}`, { method: 'PATCH', body: json({ status: 'received', freight_amount: '50', restoration_amount: '30' }) });
		expect(restoration.status).toBe(400);
		expect(restoration.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'restoration_amount' });
		const negative = await tech.call(`/items/parts_returns/${id}`, { method: 'PATCH', body: json({ status: 'received', freight_amount: '-50' }) });
		expect(negative.status).toBe(400);
		expect(negative.body.errors[0].extensions.field).toBe('freight_amount');
		const admin = await loginAdmin();
		expect((await admin.call(`/items/dealer_ledger?filter[parts_return][_eq]=${id}&fields=id`)).body.data).toEqual([]);

		// GraphQL goes through the same hooks: receipt posts the ledger once.
		const gql = await tech.call('/graphql', { method: 'POST', body: json({ query: `mutation { update_parts_returns_item(id: ${id}, data: { status: "received", freight_amount: 50 }) { id status } }` }) });
		expect(gql.status, JSON.stringify(gql.body)).toBe(200);
		expect(gql.body.errors).toBeUndefined();
		const ledger = (await admin.call(`/items/dealer_ledger?filter[parts_return][_eq]=${id}&fields=entry_type,amount&sort=entry_type&limit=-1`)).body.data;
		expect(ledger.map((e: any) => [e.entry_type, Number(e.amount)])).toEqual([['freight_charge', -50], ['stock_return_credit', 2501]]);

		// A plan is filed by the dealer, never typed in; a stock-return credit is never posted by hand; an old-part batch takes no stock fields.
		const typed = await admin.call(`/items/dealers/${d.id}`, { method: 'PATCH', body: json({ parts_plans: [] }) });
		expect(typed.status).toBe(400);
		expect(typed.body.errors[0].extensions).toMatchObject({ rule: 'INT-3', field: 'parts_plans' });
		const manual = await admin.call('/items/dealer_ledger', { method: 'POST', body: json({ dealer: d.id, entry_type: 'stock_return_credit', amount: '10.00' }) });
		expect(manual.status).toBe(400);
		expect(manual.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'entry_type' });
		const oldParts = await tech.call('/items/parts_returns', { method: 'POST', body: json({ dealer: d.id, deadline: dayOffset(20), return_reason: 'unsaleable' }) });
		expect(oldParts.status).toBe(400);
		expect(oldParts.body.errors[0].extensions).toMatchObject({ rule: 'DLR-5', field: 'return_reason' });
	});
});
