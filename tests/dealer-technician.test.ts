// ESC-2 / REQ-5 on the technician API: a technician sees only the requests assigned to them and logs
// repairs on those only.
import { describe, expect, test } from 'vitest';
import { json, login, loginAdmin } from './helpers';
import { createUnit, DEMO_PASSWORD } from './warranty-fixtures';

describe('technician API', () => {
	test('ESC-2: when a request is assigned to tech1, then tech1 sees it and logs a repair on it; tech2 can do neither', async () => {
		const admin = await loginAdmin();
		const tech1 = await login('tech1@example.com', DEMO_PASSWORD);
		const tech2 = await login('tech2@example.com', DEMO_PASSWORD);
		const tech1Id = (await tech1.call('/users/me?fields=id')).body.data?.id ?? (await admin.call('/users?filter[email][_eq]=tech1@example.com&fields=id')).body.data[0].id;
		const unit = await createUnit('D001', 40, 10);
		const customer = (await admin.call('/items/customers?limit=1&fields=id')).body.data[0].id;
		const created = await admin.call('/items/service_requests', { method: 'POST', body: json({ type: 'repair', channel: 'phone', customer, unit: unit.id, problem: '发动机冒黑烟', received_at: new Date().toISOString(), assignee: tech1Id, status: 'dispatched', dispatched_at: new Date().toISOString() }) });
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		const requestId = created.body.data.id;

		expect((await tech1.call('/after-sales/technician/requests')).body.data.map((r: any) => r.id)).toContain(requestId);
		expect((await tech2.call('/after-sales/technician/requests')).body.data.map((r: any) => r.id)).not.toContain(requestId);

		const body = { service_request: requestId, fault_category: 'engine', fault_description: '喷油器堵塞', labour_cost: '160', parts: [{ part_no: 'INJ-1', quantity: 1, unit_price: '320.00' }] };
		expect((await tech2.call('/after-sales/technician/repairs', { method: 'POST', body: json(body) })).status).toBe(403);
		const res = await tech1.call('/after-sales/technician/repairs', { method: 'POST', body: json(body) });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ coverage: 'warranty', total_cost: '480.00', serial_no: unit.serial_no });
		expect((await tech1.call('/after-sales/technician/repairs')).body.data.map((r: any) => r.id)).toContain(res.body.data.id);
		const bad = await tech1.call('/after-sales/technician/repairs', { method: 'POST', body: json({ ...body, labour_cost: 'lots' }) });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].extensions.field).toBe('labour_cost');
	});
});
