// WTY-2, WTY-4, WTY-9, WTY-10 over REST: a dealer registers a sale and its warranty card in the
// portal and staff confirm it; a late card or a dealer's promise beyond the scope is served free at
// the dealer's expense and never claimed; each repair records its remedy, no more than the customer
// is entitled to, and a machine replacement restarts the new unit's warranty.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, json, loginAdmin, session } from './helpers';
import { sweep, waitForTimers } from './sla-helpers';
import { createUnit, dayOffset, dealerId, dealerSession, DEMO_PASSWORD, repairBody, restoreDemoStaff, uploadSignature } from './warranty-fixtures';

type Who = { call: (p: string, i?: RequestInit) => Promise<any> };
let dealer: Who & { id?: string };
let otherDealer: Who;
let admin: Who;
let agent: Who;
let signature: string;
let model: string;
const tag = `C${process.pid}${Date.now().toString(36)}`;
let n = 0;
const serial = () => `${tag}-${++n}`;
/** The business day (Asia/Shanghai, the demo calendar) of now + `days`. */
const localDay = (days = 0, from = Date.now()) => new Date(from + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

const post = (who: Who, path: string, body: unknown = {}) => who.call(path, { method: 'POST', body: json(body) });
const patch = (who: Who, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });
const unitBySerial = async (s: string) => (await admin.call(`/items/units?filter[serial_no][_eq]=${encodeURIComponent(s)}&fields=*`)).body.data[0];
const customerBody = (extra: Record<string, unknown> = {}) => ({ name: `客户${tag}-${n}`, phone: `139${String(Date.now()).slice(-8)}`, region: '山东', address: '济南市历城区', ...extra });

beforeAll(async () => {
	admin = await loginAdmin();
	agent = await session('agent@example.com', DEMO_PASSWORD);
	dealer = await dealerSession(1);
	otherDealer = await dealerSession(2);
	signature = await uploadSignature(dealer);
	model = (await admin.call('/items/products?limit=1&sort=id&fields=model')).body.data[0].model;
});
afterAll(async () => {
	await restoreDemoStaff();
});

describe('WTY-2: the warranty card through the portal', () => {
	test('WTY-2: when a dealer registers a new sale and its card, then the unit exists with the card pending and the sales clerks are told', async () => {
		const s = serial();
		const res = await post(dealer, `/after-sales/dealer/units/${s}/card`, { sold_on: dayOffset(-5), product_model: model, invoice_no: `INV-${s}`, customer: customerBody() });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ serial_no: s, sold_on: dayOffset(-5), card_review: 'pending', card_submitted_on: localDay(), card_received_on: null, customer_name: null });
		const unit = await unitBySerial(s);
		expect(unit.dealer).toBe(await dealerId('D001'));
		expect(unit.warranty_status).toBe('card_pending');
		const notices = (await admin.call(`/notifications?filter[collection][_eq]=units&filter[item][_eq]=${unit.id}&fields=subject,recipient`)).body.data;
		expect(notices.length).toBeGreaterThan(0);
		expect(notices[0].subject).toContain(s);
		// The dealer's unit list shows the card's state.
		const listed = (await dealer.call(`/after-sales/dealer/units?search=${s}`)).body.data;
		expect(listed[0]).toMatchObject({ serial_no: s, card_review: 'pending' });
	});

	test('WTY-2: when staff confirm the card, then the registration day is the card date, the customer is filed and the dealer is told', async () => {
		const s = serial();
		const customer = customerBody();
		await post(dealer, `/after-sales/dealer/units/${s}/card`, { sold_on: dayOffset(-3), product_model: model, customer });
		const unit = await unitBySerial(s);
		const res = await patch(agent, `/items/units/${unit.id}`, { card_review: 'confirmed' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const after = await unitBySerial(s);
		expect(after.card_received_on).toBe(localDay());
		expect(after.warranty_status).toBe('active');
		expect(after.card_reviewed_by).toBeTruthy();
		const filed = (await admin.call(`/items/customers/${after.customer}?fields=name,phone,region,address,dealer`)).body.data;
		expect(filed).toMatchObject({ name: customer.name, phone: customer.phone, region: '山东', address: '济南市历城区', dealer: await dealerId('D001') });
		const inbox = await eventually(() => dealer.call('/after-sales/me/notifications?limit=50'), (r) => r.body.data.notifications.some((x: any) => x.item === String(unit.id)));
		expect(inbox.body.data.notifications.find((x: any) => x.item === String(unit.id)).subject).toContain(s);
		// A second registration of a card on file is a conflict.
		const again = await post(dealer, `/after-sales/dealer/units/${s}/card`, { customer });
		expect(again.status).toBe(409);
		expect(again.body.errors[0].extensions.rule).toBe('WTY-2');
	});

	test('WTY-2: when the card reaches the company on day 25 and is confirmed, then it is late and the repair is the dealer’s expense, not the customer’s', async () => {
		const s = serial();
		await post(dealer, `/after-sales/dealer/units/${s}/card`, { sold_on: dayOffset(-25), product_model: model, customer: customerBody() });
		const unit = await unitBySerial(s);
		expect((await patch(agent, `/items/units/${unit.id}`, { card_review: 'confirmed' })).status).toBe(200);
		expect((await unitBySerial(s)).warranty_status).toBe('card_late');
		const coverage = (await dealer.call(`/after-sales/dealer/units/${s}/coverage`)).body.data;
		expect(coverage).toMatchObject({ covered: false, coverage: 'dealer_expense', dealer_bears_cost: true });
		const repair = await post(dealer, '/after-sales/dealer/repairs', repairBody(s, signature));
		expect(repair.status, JSON.stringify(repair.body)).toBe(200);
		expect(repair.body.data.coverage).toBe('dealer_expense');
		const claim = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.body.data.id, submit: true });
		expect(claim.status).toBe(400);
		expect(claim.body.errors[0].extensions.rule).toBe('WTY-2');
		// The dealer report shows what the dealer bears.
		const report = await admin.call(`/after-sales/reports/dealers?from=${localDay(-2)}&to=${localDay(2)}&dealer=D001`);
		expect(report.status, JSON.stringify(report.body)).toBe(200);
		const row = report.body.data.dealers.find((d: any) => d.code === 'D001');
		expect(row.dealer_expense_repairs).toBeGreaterThanOrEqual(1);
		expect(Number(row.dealer_expense_amount)).toBeGreaterThan(0);
	});

	test('WTY-2: when staff return a card, then a note is required, the card stays off file and the dealer may register it again', async () => {
		const s = serial();
		await post(dealer, `/after-sales/dealer/units/${s}/card`, { sold_on: dayOffset(-2), product_model: model, customer: customerBody() });
		const unit = await unitBySerial(s);
		const bare = await patch(agent, `/items/units/${unit.id}`, { card_review: 'rejected' });
		expect(bare.status).toBe(400);
		expect(bare.body.errors[0].extensions.field).toBe('card_review_note');
		const res = await patch(agent, `/items/units/${unit.id}`, { card_review: 'rejected', card_review_note: '客户电话不全' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(await unitBySerial(s)).toMatchObject({ card_review: 'rejected', card_received_on: null });
		const again = await post(dealer, `/after-sales/dealer/units/${s}/card`, { customer: customerBody({ phone: '13900001111' }) });
		expect(again.status, JSON.stringify(again.body)).toBe(200);
		expect(again.body.data.card_review).toBe('pending');
	});

	test.each([
		['a sale date in the future', () => ({ sold_on: dayOffset(3), product_model: model, customer: customerBody() }), 'sold_on'],
		['no product for a serial not on file', () => ({ sold_on: dayOffset(-1), customer: customerBody() }), 'product_model'],
		['an unknown product model', () => ({ sold_on: dayOffset(-1), product_model: 'NO-SUCH-MODEL', customer: customerBody() }), 'product_model'],
		['no customer phone', () => ({ sold_on: dayOffset(-1), product_model: model, customer: { name: '张三' } }), 'customer.phone'],
		['an unknown field', () => ({ sold_on: dayOffset(-1), product_model: model, customer: customerBody(), card_received_on: dayOffset(-1) }), 'card_received_on'],
	])('WTY-2: when a registration has %s, then it is a 400 naming the field and nothing is written', async (_label, body, field) => {
		const s = serial();
		const res = await post(dealer, `/after-sales/dealer/units/${s}/card`, body());
		expect(res.status, JSON.stringify(res.body)).toBe(400);
		expect(res.body.errors[0].extensions.field).toBe(field);
		expect(await unitBySerial(s)).toBeUndefined();
	});

	test('WTY-2: when a dealer registers the card of another dealer’s unit, or a client writes the registration fields through /items, then nothing changes', async () => {
		const s = serial();
		await post(dealer, `/after-sales/dealer/units/${s}/card`, { sold_on: dayOffset(-1), product_model: model, customer: customerBody() });
		const foreign = await post(otherDealer, `/after-sales/dealer/units/${s}/card`, { customer: customerBody() });
		expect([403, 404]).toContain(foreign.status);
		const unit = await unitBySerial(s);
		await patch(admin, `/items/units/${unit.id}`, { card_submitted_on: '2020-01-01', card_submission: { forged: true } });
		expect(await unitBySerial(s)).toMatchObject({ card_submitted_on: localDay() });
		// A unit with no registration has nothing to confirm.
		const plain = await createUnit('D001', 10, null);
		const res = await patch(agent, `/items/units/${plain.id}`, { card_review: 'confirmed' });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.rule).toBe('WTY-2');
	});
});

describe('WTY-4: a dealer’s promise beyond the scope', () => {
	test('WTY-4: when a repair records a promise beyond the scope, then it is the dealer’s expense and no claim is accepted', async () => {
		const unit = await createUnit('D001', 3 * 365, 5);
		const res = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature, { dealer_promise: '答应客户免费更换液压泵' }));
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ coverage: 'dealer_expense', dealer_promise_beyond_scope: true, dealer_promise: '答应客户免费更换液压泵' });
		const claim = await post(dealer, '/after-sales/dealer/claims', { repair_record: res.body.data.id, submit: true });
		expect(claim.status).toBe(400);
		expect(JSON.stringify(claim.body.errors[0].extensions.reason)).toContain('over_scope');
	});

	test('WTY-4: when staff mark a promise beyond the scope without saying what was promised, then it is a 400 naming dealer_promise', async () => {
		const unit = await createUnit('D001', 40, 5);
		const created = await post(admin, '/items/repair_records', { unit: unit.id, fault_category: 'engine', fault_description: '异响', status: 'in_progress', received_at: new Date().toISOString() });
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		const res = await patch(agent, `/items/repair_records/${created.body.data.id}`, { dealer_promise_beyond_scope: true });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ field: 'dealer_promise', rule: 'WTY-4' });
		const ok = await patch(agent, `/items/repair_records/${created.body.data.id}`, { dealer_promise_beyond_scope: true, dealer_promise: '承诺终身免费保养' });
		expect(ok.status, JSON.stringify(ok.body)).toBe(200);
		expect(ok.body.data.coverage).toBe('dealer_expense');
	});
});

describe('WTY-9, WTY-10: the remedy each repair records', () => {
	const done = (unit: string, extra: Record<string, unknown> = {}) =>
		post(dealer, '/after-sales/dealer/repairs', repairBody(unit, signature, { received_at: new Date(Date.now() - 3 * 86_400_000).toISOString(), completed_at: new Date(Date.now() - 2 * 86_400_000).toISOString(), ...extra }));

	test('WTY-9: when a first fault is recorded as a main-part replacement, then it is refused: the customer is entitled to a repair', async () => {
		const unit = await createUnit('D001', 60, 5);
		const res = await done(unit.serial_no, { remedy: 'main_part_replacement' });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ field: 'remedy', rule: 'WTY-9' });
	});

	test('WTY-9: when the fault recurs after two repairs, then the main part is replaced, and after that a replacement machine restarts the warranty of the new unit', async () => {
		const unit = await createUnit('D001', 100, 5);
		expect((await done(unit.serial_no)).status).toBe(200);
		expect((await done(unit.serial_no)).status).toBe(200);
		const coverage = (await dealer.call(`/after-sales/dealer/units/${unit.serial_no}/coverage?fault_category=hydraulic`)).body.data;
		expect(coverage.next_remedy).toBe('main_part_replacement');
		const replaced = await done(unit.serial_no, { remedy: 'main_part_replacement' });
		expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
		expect(replaced.body.data.remedy_entitled).toBe('main_part_replacement');
		expect((await dealer.call(`/after-sales/dealer/units/${unit.serial_no}/coverage?fault_category=hydraulic`)).body.data.next_remedy).toBe('machine_replacement');

		// A machine replacement names the new unit; the new unit's periods restart on handover.
		const missing = await done(unit.serial_no, { remedy: 'machine_replacement' });
		expect(missing.status).toBe(400);
		expect(missing.body.errors[0].extensions.field).toBe('replacement_unit');
		const fresh = await createUnit('D001', 200, 5);
		const swap = await done(unit.serial_no, { remedy: 'machine_replacement', replacement_unit: fresh.id });
		expect(swap.status, JSON.stringify(swap.body)).toBe(200);
		const newUnit = (await admin.call(`/items/units/${fresh.id}?fields=replaces_unit,replaced_on,warranty_until,warranty_status`)).body.data;
		expect(newUnit.replaces_unit).toBe(unit.id);
		expect(newUnit.replaced_on).toBe(localDay(-2));
		expect(newUnit.warranty_status).toBe('active');
		expect(newUnit.warranty_until > dayOffset(300)).toBe(true);
	});

	test('WTY-9: when staff record a refund the ladder does not reach through /items, then it is a 400 naming remedy', async () => {
		const unit = await createUnit('D001', 60, 5);
		const res = await post(agent, '/items/repair_records', { unit: unit.id, fault_category: 'engine', fault_description: '异响', status: 'in_progress', received_at: new Date().toISOString(), remedy: 'refund' });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ field: 'remedy', rule: 'WTY-9' });
		// Goodwill is the company's choice: no ladder applies.
		const goodwill = await post(agent, '/items/repair_records', { unit: unit.id, fault_category: 'engine', fault_description: '异响', status: 'in_progress', received_at: new Date().toISOString(), remedy: 'refund', coverage: 'goodwill' });
		expect(goodwill.status, JSON.stringify(goodwill.body)).toBe(200);
	});

	test('WTY-11: when a warranty repair is still open after its 30 working days, then the customer may choose a replacement machine', async () => {
		const unit = await createUnit('D001', 200, 5);
		const fresh = await createUnit('D001', 300, 5);
		const body = { unit: unit.id, fault_category: 'transmission', fault_description: '变速箱异响', status: 'waiting_parts', received_at: new Date(Date.now() - 60 * 86_400_000).toISOString() };
		const created = await post(admin, '/items/repair_records', body);
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		const id = created.body.data.id;
		await waitForTimers('repair_records', id, (timers) => timers.some((t: any) => t.milestone === 'repair_finished'));
		expect((await sweep()).status).toBe(200);
		await waitForTimers('repair_records', id, (timers) => timers.some((t: any) => t.milestone === 'repair_finished' && t.breached_at));
		const res = await patch(admin, `/items/repair_records/${id}`, { remedy: 'machine_replacement', replacement_unit: fresh.id, status: 'completed', completed_at: new Date().toISOString() });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ remedy: 'machine_replacement', remedy_entitled: 'machine_replacement' });
		// Within its 30 working days the same fault on another unit gets a repair first.
		const other = await createUnit('D001', 200, 5);
		const inTime = await post(admin, '/items/repair_records', { ...body, unit: other.id, received_at: new Date().toISOString(), remedy: 'machine_replacement' });
		expect(inTime.status).toBe(400);
		expect(inTime.body.errors[0].extensions.field).toBe('remedy');
	});
});
