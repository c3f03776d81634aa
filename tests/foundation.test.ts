// Issue 2 on a real Directus: the install path, the data model, bad input and WTY-3 over REST.
import { readItems } from '@directus/sdk';
import { describe, expect, test } from 'vitest';
import { call, json, loginAdmin } from './helpers';

const PACK = ['service_settings', 'dealers', 'customers', 'products', 'units', 'service_requests', 'complaints', 'repair_records', 'repair_parts',
	'parts_returns', 'warranty_claims', 'dealer_ledger', 'follow_ups', 'sla_policies', 'sla_timers', 'escalations', 'quality_alerts'];

describe('data model', () => {
	test('the 17 pack collections exist in the after_sales folder, with zh-CN and en-US names', async () => {
		const admin = await loginAdmin();
		const { body } = await admin.call('/collections');
		const mine = body.data.filter((c: any) => c.meta?.group === 'after_sales');
		expect(mine.map((c: any) => c.collection).sort()).toEqual([...PACK].sort());
		for (const c of mine) {
			const languages = c.meta.translations.map((t: any) => t.language).sort();
			expect(languages, c.collection).toEqual(['en-US', 'zh-CN']);
		}
	});

	test('every pack field is labelled in both languages', async () => {
		const admin = await loginAdmin();
		const { body } = await admin.call('/fields');
		const fields = body.data.filter((f: any) => PACK.includes(f.collection));
		expect(fields.length).toBeGreaterThan(300);
		const unlabelled = fields.filter((f: any) => (f.meta?.translations ?? []).length !== 2).map((f: any) => `${f.collection}.${f.field}`);
		expect(unlabelled).toEqual([]);
	});

	test('choice labels resolve through directus_translations in zh-CN', async () => {
		const admin = await loginAdmin();
		const { body } = await admin.call('/translations?filter[key][_eq]=as_complaints_severity_critical&limit=-1');
		const byLanguage = Object.fromEntries(body.data.map((t: any) => [t.language, t.value]));
		expect(byLanguage).toEqual({ 'zh-CN': '重大', 'en-US': 'Critical' });
	});

	test('directus_users has the dealer field (the dealer a portal user belongs to)', async () => {
		const admin = await loginAdmin();
		const { status, body } = await admin.call('/fields/directus_users/dealer');
		expect(status).toBe(200);
		expect(body.data.schema.foreign_key_table).toBe('dealers');
	});
});

describe('demo data', () => {
	test('dealers, customers, products and units are present and warranty status is computed (WTY-1, WTY-2)', async () => {
		const admin = await loginAdmin();
		// Other test files add their own dealers and units to this shared database; count the demo set.
		const dealers = await admin.client.request(readItems('dealers', { limit: -1, filter: { code: { _in: Array.from({ length: 10 }, (_, i) => `D${String(i + 1).padStart(3, '0')}`) } } }));
		expect(dealers).toHaveLength(10);
		const units = await admin.client.request(readItems('units', { aggregate: { count: '*' }, groupBy: ['warranty_status'] } as never)) as any[];
		const byStatus = Object.fromEntries(units.map((u) => [u.warranty_status, Number(u.count)]));
		expect(Object.values(byStatus).reduce((a: number, b) => a + Number(b), 0)).toBeGreaterThanOrEqual(500);
		expect(byStatus['card_late']).toBeGreaterThan(0);
		expect(byStatus['active']).toBeGreaterThan(0);
	});
});

describe('bad input is a 400 naming the field, and nothing is half-written', () => {
	test.each([
		['an unknown choice value', 'dealers', { code: 'BAD-1', name: 'x', tier: 'Z', status: 'active' }, 'tier'],
		['a missing required field', 'dealers', { name: 'no code', tier: 'A', status: 'active' }, 'code'],
		['a warranty shorter than 12 months (WTY-10)', 'products', { model: 'BAD-P', name: 'x', category: 'tractor', warranty_months: 6, main_parts_warranty_months: 12 }, 'warranty_months'],
		['a negative part price', 'repair_parts', { repair_record: 1, part_no: 'X', quantity: 1, unit_price: -5 }, 'unit_price'],
		['a zero quantity', 'repair_parts', { repair_record: 1, part_no: 'X', quantity: 0, unit_price: 5 }, 'quantity'],
		['a satisfaction of 9', 'follow_ups', { kind: 'survey', customer: 1, due_at: '2026-01-01T00:00:00Z', status: 'planned', satisfaction: 9 }, 'satisfaction'],
	])('%s', async (_label, collection, payload, field) => {
		const admin = await loginAdmin();
		const before = await admin.call(`/items/${collection}?aggregate[count]=*`);
		const { status, body } = await admin.call(`/items/${collection}`, { method: 'POST', body: json(payload) });
		expect(status).toBe(400);
		expect(JSON.stringify(body.errors[0])).toContain(field);
		const after = await admin.call(`/items/${collection}?aggregate[count]=*`);
		expect(after.body.data[0].count).toEqual(before.body.data[0].count);
	});

	test('a duplicate serial number is refused', async () => {
		const admin = await loginAdmin();
		const [unit] = (await admin.call('/items/units?limit=1&fields=serial_no,product,sold_on')).body.data;
		const { status } = await admin.call('/items/units', { method: 'POST', body: json({ serial_no: unit.serial_no, product: unit.product, sold_on: unit.sold_on }) });
		expect(status).toBe(400);
	});
});

describe('WTY-3 coverage endpoint', () => {
	test('WTY-3: an unknown serial is a 404 with a message', async () => {
		const admin = await loginAdmin();
		const { status, body } = await admin.call('/after-sales/units/NO-SUCH-SERIAL/coverage');
		expect(status).toBe(404);
		expect(body.errors[0].message).toContain('NO-SUCH-SERIAL');
	});

	test('WTY-3: a malformed `at` is a 400 naming `at`', async () => {
		const admin = await loginAdmin();
		const [unit] = (await admin.call('/items/units?limit=1&fields=serial_no')).body.data;
		const { status, body } = await admin.call(`/after-sales/units/${unit.serial_no}/coverage?at=yesterday`);
		expect(status).toBe(400);
		expect(body.errors[0].extensions.field).toBe('at');
	});

	test('WTY-2: a card returned on day 23 is not covered, with the card reason; the same unit with a day-5 card is covered', async () => {
		const admin = await loginAdmin();
		const product = (await admin.call('/items/products', { method: 'POST', body: json({ model: 'T-WTY2', name: '测试拖拉机', category: 'tractor', warranty_months: 12, main_parts_warranty_months: 24 }) })).body.data;
		const late = (await admin.call('/items/units', { method: 'POST', body: json({ serial_no: 'WTY2-LATE', product: product.id, sold_on: '2026-06-01', card_received_on: '2026-06-24' }) })).body.data;
		const onTime = (await admin.call('/items/units', { method: 'POST', body: json({ serial_no: 'WTY2-OK', product: product.id, sold_on: '2026-06-01', card_received_on: '2026-06-06' }) })).body.data;
		expect(late.serial_no).toBe('WTY2-LATE');
		const a = await admin.call('/after-sales/units/WTY2-LATE/coverage?at=2026-09-01');
		expect(a.status).toBe(200);
		expect(a.body.data.covered).toBe(false);
		expect(a.body.data.reasons.map((r: any) => r.code)).toContain('card_late');
		expect(a.body.data.card.late_by_days).toBe(3);
		const b = await admin.call('/after-sales/units/WTY2-OK/coverage?at=2026-09-01');
		expect(b.body.data.covered).toBe(true);
		expect(b.body.data.whole_machine_until).toBe('2027-06-01');
		const stored = (await admin.call(`/items/units/${onTime.id}?fields=warranty_status,warranty_until`)).body.data;
		expect(stored.warranty_until).toBe('2027-06-01');
	});

	test('WTY-3: coverage needs a signed-in user', async () => {
		const { status } = await call('/after-sales/units/WTY2-OK/coverage', null);
		expect(status).toBe(403);
	});
});
