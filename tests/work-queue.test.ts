// Issue #12 item 3 over REST: GET /after-sales/me/work-queue is the signed-in staff member's desk —
// own open records by next deadline, warned and breached at their level, escalations to acknowledge,
// calls due today — and install puts the module 售后工作台 first and staff start on it.
import { describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { agent, createComplaint, dealerUser, hoursAgo, manager, sweep, userId, waitForTimers } from './sla-helpers';

describe('the work queue (ESC-3, ESC-4, FUP-3)', () => {
	test('ESC-3: when a complaint handled by the agent is late, then it heads the agent’s queue with a negative countdown, and the manager sees it at L2 to acknowledge', async () => {
		const agentId = await userId(agent());
		const complaint = await createComplaint({ received_at: hoursAgo(3), handler: agentId });
		await waitForTimers('complaints', complaint.id);
		expect((await sweep()).status).toBe(200);

		const mine = (await (await agent()).call('/after-sales/me/work-queue?limit=500')).body.data;
		const row = mine.mine.find((r: any) => r.collection === 'complaints' && r.item === String(complaint.id));
		expect(row).toBeTruthy();
		expect(row.minutes_left).toBeLessThan(0);
		expect(mine.mine[0].minutes_left).toBeLessThanOrEqual(row.minutes_left);
		expect(mine.levels).toEqual([1]);

		const boss = await manager();
		const queue = (await boss.call('/after-sales/me/work-queue?limit=500')).body.data;
		expect(queue.levels).toEqual([2]);
		expect(queue.at_my_level.some((r: any) => r.collection === 'complaints' && r.item === String(complaint.id) && ['warned', 'breached'].includes(r.state))).toBe(true);
		const ack = queue.to_acknowledge.find((r: any) => r.collection === 'complaints' && r.item === String(complaint.id));
		expect(ack?.escalation).toBeTruthy();
		expect((await boss.call(`/after-sales/escalations/${ack.escalation}/acknowledge`, { method: 'POST', body: json({}) })).status).toBe(200);
		const after = (await boss.call('/after-sales/me/work-queue?limit=500')).body.data;
		expect(after.to_acknowledge.some((r: any) => r.escalation === ack.escalation)).toBe(false);
	});

	test('FUP-3: when a call is due today, then it is on the calls list; a closed complaint leaves the agent’s own list', async () => {
		const admin = await loginAdmin();
		const customer = (await admin.call('/items/customers', { method: 'POST', body: json({ name: `回访客户 ${Date.now().toString(36)}`, phone: '13900002222' }) })).body.data;
		const call = await admin.call('/items/follow_ups', { method: 'POST', body: json({ kind: 'satisfaction_call', customer: customer.id, status: 'planned', due_at: new Date(Date.now() - 60_000).toISOString() }) });
		expect(call.status, JSON.stringify(call.body)).toBe(200);
		const queue = (await (await agent()).call('/after-sales/me/work-queue')).body.data;
		expect(queue.calls_today.some((r: any) => r.item === String(call.body.data.id) && r.title.includes('回访客户'))).toBe(true);

		const agentId = await userId(agent());
		const complaint = await createComplaint({ received_at: hoursAgo(1), handler: agentId });
		expect((await (await agent()).call('/after-sales/me/work-queue')).body.data.mine.some((r: any) => r.item === String(complaint.id))).toBe(true);
		await admin.call(`/items/complaints/${complaint.id}`, { method: 'PATCH', body: json({ status: 'rejected', rejection_reason: '重复投诉' }) });
		expect((await (await agent()).call('/after-sales/me/work-queue')).body.data.mine.some((r: any) => r.item === String(complaint.id))).toBe(false);
	});

	test('ESC-4: when a dealer asks for the work queue, then it is refused (dealers work in the portal); a bad limit is a 400 naming it', async () => {
		const res = await (await dealerUser(1)).call('/after-sales/me/work-queue');
		expect(res.status).toBe(403);
		const bad = await (await agent()).call('/after-sales/me/work-queue?limit=0');
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].extensions.field).toBe('limit');
	});

	test('ESC-4: when the pack is installed, then 售后工作台 is first in the module bar and a new staff user starts on it', async () => {
		const admin = await loginAdmin();
		const bar = (await admin.call('/settings?fields=module_bar')).body.data.module_bar;
		expect(bar[0]).toMatchObject({ type: 'module', id: 'after-sales', enabled: true });
		const agentRole = (await admin.call('/roles?filter[name][_contains]=Agent&fields=id')).body.data[0].id;
		const created = await admin.call('/users', { method: 'POST', body: json({ email: `wq-${Date.now().toString(36)}@example.com`, password: 'service-demo', role: agentRole, status: 'suspended' }) });
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		expect((await admin.call(`/users/${created.body.data.id}?fields=last_page`)).body.data.last_page).toBe('/after-sales');
		// The working lists beside it: bookmarks of the service desk's roles, whose filters the API accepts.
		const boss = await manager();
		// Issue 12 item 5: each named by a $t: key the Studio translates.
		for (const [collection, name] of [['complaints', 'open_complaints'], ['service_requests', 'open_requests'], ['sla_timers', 'warned_deadlines'], ['sla_timers', 'breached_deadlines']] as const) {
			const preset = (await boss.call(`/presets?filter[collection][_eq]=${collection}&filter[bookmark][_eq]=${encodeURIComponent(`$t:as_app_bookmark_${name}`)}&fields=id,filter`)).body.data[0];
			expect(preset, `${collection} ${name}`).toBeTruthy();
			const listed = await boss.call(`/items/${collection}?filter=${encodeURIComponent(JSON.stringify(preset.filter))}&limit=5`);
			expect(listed.status, JSON.stringify(listed.body)).toBe(200);
		}
	});
});
