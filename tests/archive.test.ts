// ARC-2, ARC-3, ARC-5 over REST, as a service agent would work in the Studio.
import { describe, expect, test } from 'vitest';
import { eventually, json, loginAdmin, session } from './helpers';

const agent = () => session('agent@example.com', 'service-demo');

describe('customer archive', () => {
	test('ARC-2: when a call names a new caller, then an archive is created the same day and the request linked to it', async () => {
		const a = await agent();
		const phone = `139${String(Date.now()).slice(-8)}`;
		const created = await a.call('/items/service_requests', { method: 'POST', body: json({
			type: 'repair', channel: 'phone', received_at: new Date().toISOString(), caller_name: '赵新农', caller_phone: phone,
			problem: '拖拉机启动困难', status: 'new',
		}) });
		expect(created.status).toBe(200);
		const request = (await a.call(`/items/service_requests/${created.body.data.id}?fields=customer.id,customer.name,customer.phone,customer.date_created`)).body.data;
		expect(request.customer.name).toBe('赵新农');
		expect(request.customer.phone).toBe(phone);
		expect(request.customer.date_created.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));

		// A second call from the same number (written differently) finds the same archive.
		const spaced = `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
		const again = await a.call('/items/complaints', { method: 'POST', body: json({
			received_at: new Date().toISOString(), channel: 'phone', recorder: (await a.call('/users/me')).body.data.id,
			caller_name: '赵先生', caller_phone: spaced, category: 'other', severity: 'normal', description: '回访电话未接通', status: 'received',
		}) });
		expect(again.status).toBe(200);
		const complaint = (await a.call(`/items/complaints/${again.body.data.id}?fields=customer`)).body.data;
		expect(complaint.customer).toBe(request.customer.id);
	});

	test('ARC-3: when archive fields change, then the change is kept in the archive history with who and when', async () => {
		const a = await agent();
		const customer = (await a.call('/items/customers', { method: 'POST', body: json({ name: '沃土家庭农场', type: 'company', phone: '13800000001' }) })).body.data;
		await a.call(`/items/customers/${customer.id}`, { method: 'PATCH', body: json({ phone: '13800000002', address: '山东省济南市章丘区' }) });
		const { history } = (await a.call(`/items/customers/${customer.id}?fields=history`)).body.data;
		const last = history[history.length - 1];
		expect(last.changes.phone).toEqual({ from: '13800000001', to: '13800000002' });
		expect(last.changes.address.to).toBe('山东省济南市章丘区');
		expect(last.by).toBe((await a.call('/users/me')).body.data.id);
	});

	test('ARC-5: when units and open requests are added, then the customer overview counts them', async () => {
		const admin = await loginAdmin();
		const customer = (await admin.call('/items/customers', { method: 'POST', body: json({ name: '金穗农机合作社', type: 'company' }) })).body.data;
		const product = (await admin.call('/items/products?limit=1&fields=id')).body.data[0];
		await admin.call('/items/units', { method: 'POST', body: json({ serial_no: `ARC5-${Date.now()}`, product: product.id, sold_on: '2026-01-10', customer: customer.id }) });
		const request = await admin.call('/items/service_requests', { method: 'POST', body: json({ type: 'repair', channel: 'visit', received_at: new Date().toISOString(), customer: customer.id, problem: '液压提升无力', status: 'new' }) });
		expect(request.status).toBe(200);
		const survey = await admin.call('/items/follow_ups', { method: 'POST', body: json({ kind: 'survey', customer: customer.id, due_at: new Date().toISOString(), status: 'done', satisfaction: 4 }) });
		expect(survey.status).toBe(200);
		const overview = await eventually(
			async () => (await admin.call(`/items/customers/${customer.id}?fields=units_owned,open_requests,open_complaints,avg_satisfaction`)).body.data,
			(o) => o.units_owned === 1 && o.open_requests === 1 && Number(o.avg_satisfaction) === 4,
		);
		expect(overview.units_owned).toBe(1);
		expect(overview.open_requests).toBe(1);
		expect(overview.open_complaints).toBe(0);
		expect(Number(overview.avg_satisfaction)).toBe(4);
	});

	test('wrong types are a 400 naming the field, not a 500', async () => {
		const admin = await loginAdmin();
		const product = (await admin.call('/items/products?limit=1&fields=id')).body.data[0];
		const res = await admin.call('/items/units', { method: 'POST', body: json({ serial_no: `BAD-${Date.now()}`, product: product.id, sold_on: 'last spring' }) });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.body.errors[0])).toContain('sold_on');
	});
});
