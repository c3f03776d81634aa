// CMP-7 on a real Directus: complaints of the same kind (same category and product; attitude: the
// same staff member) within the window are counted when registered; from the threshold on the
// complaint is marked repeated, the service managers are told once, and it is not closed before
// its preventive action is recorded. The window and the threshold are settings.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { agent, createComplaint, manager, uploadAgreementFile, waitFor } from './sla-helpers';

type Who = { call: (p: string, i?: RequestInit) => Promise<any> };
let admin: Who;
let product = 0;
const tag = `C${Date.now().toString(36).toUpperCase()}`;
const patch = (who: Who, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });
const row = async (id: number) => (await admin.call(`/items/complaints/${id}?fields=repeat_count,repeated,status,preventive_action`)).body.data;

beforeAll(async () => {
	admin = await loginAdmin();
	const p = await admin.call('/items/products', { method: 'POST', body: json({ model: `${tag}-M`, name: `${tag} 联合收割机`, category: 'harvester' }) });
	expect(p.status, JSON.stringify(p.body)).toBe(200);
	product = p.body.data.id;
});

afterAll(async () => {
	await patch(admin, '/items/service_settings', { complaint_repeat_threshold: 3, complaint_repeat_window_days: 90 });
});

describe('CMP-7: repeated complaints', () => {
	test('CMP-7: when the third quality complaint about one product arrives within 90 days, then it is marked repeated and the managers are told once', async () => {
		const first = await createComplaint({ product, received_at: new Date(Date.now() - 40 * 86_400_000).toISOString() });
		const second = await createComplaint({ product, received_at: new Date(Date.now() - 10 * 86_400_000).toISOString() });
		await waitFor('the second counted', async () => ((await row(second.id)).repeat_count === 2 ? true : null));
		expect(await row(first.id)).toMatchObject({ repeat_count: 1, repeated: false });
		expect(await row(second.id)).toMatchObject({ repeated: false });
		const third = await createComplaint({ product, received_at: new Date().toISOString() });
		const marked = await waitFor('the third marked', async () => ((await row(third.id)).repeated ? row(third.id) : null));
		expect(marked).toMatchObject({ repeat_count: 3, repeated: true });
		const m = await manager();
		const told = (await m.call(`/notifications?filter[collection][_eq]=complaints&filter[item][_eq]=${third.id}&fields=subject,message&limit=-1`)).body.data;
		expect(told).toHaveLength(1);
		expect(told[0].subject).toContain('重复投诉');
		// A client cannot write the marks itself.
		expect((await patch(admin, `/items/complaints/${third.id}`, { repeated: false, repeat_count: 0 })).status).toBe(200);
		expect(await row(third.id)).toMatchObject({ repeat_count: 3, repeated: true });
	});

	test('CMP-7: when a repeated complaint is closed without a preventive action, then it is a 400 naming preventive_action; with one it closes', async () => {
		for (const days of [20, 10]) await createComplaint({ product, category: 'delivery', received_at: new Date(Date.now() - days * 86_400_000).toISOString() });
		const c = await createComplaint({ product, category: 'delivery', received_at: new Date().toISOString() });
		await waitFor('marked', async () => ((await row(c.id)).repeated ? true : null));
		const desk = await agent();
		const boss = await manager();
		const agreement = await uploadAgreementFile(desk);
		for (const [who, status, extra] of [[desk, 'contacting', {}], [desk, 'analysing', {}], [desk, 'proposed', {}], [boss, 'approved', {}], [desk, 'agreed', { agreement_file: agreement }], [desk, 'implementing', {}], [desk, 'tracking', {}]] as const) {
			const res = await patch(who, `/items/complaints/${c.id}`, { status, ...extra });
			expect(res.status, `${status}: ${JSON.stringify(res.body)}`).toBe(200);
		}
		const refused = await patch(desk, `/items/complaints/${c.id}`, { status: 'closed' });
		expect(refused.status).toBe(400);
		expect(refused.body.errors[0].extensions).toMatchObject({ field: 'preventive_action', rule: 'CMP-7' });
		expect((await row(c.id)).status).toBe('tracking');
		const closed = await patch(desk, `/items/complaints/${c.id}`, { status: 'closed', preventive_action: '发运前增加包装检查，物流商考核' });
		expect(closed.status, JSON.stringify(closed.body)).toBe(200);
	});

	test('CMP-7: the threshold and the window are settings, and a complaint without a product is never a repeat', async () => {
		expect((await patch(admin, '/items/service_settings', { complaint_repeat_threshold: 2, complaint_repeat_window_days: 5 })).status).toBe(200);
		await createComplaint({ product, category: 'billing', received_at: new Date(Date.now() - 8 * 86_400_000).toISOString() });
		const outside = await createComplaint({ product, category: 'billing', received_at: new Date().toISOString() });
		await waitFor('counted', async () => ((await row(outside.id)).repeat_count === 1 ? true : null));
		const inside = await createComplaint({ product, category: 'billing', received_at: new Date().toISOString() });
		await waitFor('marked at 2', async () => ((await row(inside.id)).repeated ? true : null));
		const anonymous = await createComplaint({ category: 'billing', received_at: new Date().toISOString() });
		await new Promise((r) => setTimeout(r, 300));
		expect((await row(anonymous.id)).repeated).toBeFalsy();
		expect((await patch(admin, '/items/service_settings', { complaint_repeat_threshold: 1 })).status).toBe(400);
	});

	test('CMP-6: when service-attitude complaints name a staff member, then the service summary counts them against that person, and counts the repeated ones', async () => {
		const staff = (await admin.call('/users?filter[email][_eq]=tech2@example.com&fields=id,first_name,last_name')).body.data[0];
		const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
		const summary = async () => (await admin.call(`/after-sales/reports/summary?period=month&at=${month}`)).body.data.lines as any[];
		const count = (lines: any[], key: string) => lines.find((l) => l.key === key)?.value ?? 0;
		const before = await summary();
		for (let i = 0; i < 2; i++) await createComplaint({ category: 'attitude', subject_staff: staff.id, description: '上门服务态度差', received_at: new Date().toISOString() });
		const after = await summary();
		const key = `complaints_attitude_staff_${staff.id}`;
		expect(count(after, key)).toBe(count(before, key) + 2);
		expect(after.find((l) => l.key === key).label_zh).toContain(`${staff.last_name}${staff.first_name}`);
		expect(count(after, 'complaints_repeated')).toBeGreaterThanOrEqual(3);
	});
});
