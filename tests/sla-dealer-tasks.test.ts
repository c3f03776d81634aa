// DLR-2 over REST: a dealer schedules its own task through the pack's endpoint (dealers hold no
// Studio seat), which fulfils the 2 h milestone; a task nobody schedules escalates, and the clerk's
// 4 h check goes straight to company leadership (L3).
import { describe, expect, test } from 'vitest';
import { call, json, loginAdmin } from './helpers';
import { agent, dealerUser, escalationsOf, hoursAgo, sweep, waitForTimers } from './sla-helpers';

async function dealerOf(email: string): Promise<{ id: string; dealer: number }> {
	const admin = await loginAdmin();
	const { body } = await admin.call(`/users?filter[email][_eq]=${encodeURIComponent(email)}&fields=id,dealer`);
	return body.data[0];
}

async function createTask(dealer: number, dispatchedHoursAgo: number) {
	const admin = await loginAdmin();
	const { status, body } = await admin.call('/items/service_requests', {
		method: 'POST',
		body: json({
			type: 'dealer_task', channel: 'phone', received_at: hoursAgo(dispatchedHoursAgo + 0.25), problem: '拖拉机启动困难，需上门检修',
			status: 'dispatched', dealer, dispatched_at: hoursAgo(dispatchedHoursAgo), first_response_at: hoursAgo(dispatchedHoursAgo),
		}),
	});
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data as Record<string, any>;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

describe('dealer tasks (DLR-2)', () => {
	test('DLR-2: when a dealer lists its tasks, then it sees its own open tasks and no other dealer’s', async () => {
		const mine = await dealerOf('dealer1@example.com');
		const theirs = await dealerOf('dealer2@example.com');
		const own = await createTask(mine.dealer, 0.5);
		const other = await createTask(theirs.dealer, 0.5);
		const d = await dealerUser(1);
		const { status, body } = await d.call('/after-sales/dealer/tasks');
		expect(status).toBe(200);
		const ids = body.data.map((t: any) => t.id);
		expect(ids).toContain(own.id);
		expect(ids).not.toContain(other.id);
	});

	test('DLR-2: when the dealer schedules a task within 2 h, then the scheduling milestone is fulfilled and the clerk check with it', async () => {
		const mine = await dealerOf('dealer1@example.com');
		const task = await createTask(mine.dealer, 0.5);
		await waitForTimers('service_requests', task.id, (t) => t.some((x) => x.milestone === 'dealer_scheduled'));
		const d = await dealerUser(1);
		const { status, body } = await d.call(`/after-sales/dealer/tasks/${task.id}/schedule`, { method: 'POST', body: json({ scheduled_for: tomorrow(), note: '明早九点上门' }) });
		expect(status, JSON.stringify(body)).toBe(200);
		expect(body.data.status).toBe('scheduled');
		const timers = Object.fromEntries(body.data.timers.map((t: any) => [t.milestone, t]));
		expect(timers['dealer_scheduled'].state).toBe('fulfilled');
		expect(timers['clerk_check'].state).toBe('fulfilled');
		const admin = await loginAdmin();
		const stored = (await admin.call(`/items/service_requests/${task.id}?fields=scheduled_at,scheduled_for,history`)).body.data;
		expect(Math.abs(new Date(stored.scheduled_at).getTime() - Date.now())).toBeLessThan(60_000);
		expect(JSON.stringify(stored.history)).toContain('明早九点上门');
	});

	test.each([
		['another dealer (ARC-4: answered like a missing task)', () => dealerUser(2), 403],
		['a service agent (no dealership)', () => agent(), 403],
	])('DLR-2: when %s tries to schedule the task, then it is refused', async (_label, who, expected) => {
		const mine = await dealerOf('dealer1@example.com');
		const task = await createTask(mine.dealer, 0.5);
		const s = await who();
		const { status } = await s.call(`/after-sales/dealer/tasks/${task.id}/schedule`, { method: 'POST', body: json({ scheduled_for: tomorrow() }) });
		expect(status).toBe(expected);
	});

	test('DLR-2: when nobody is signed in, then the task list is refused', async () => {
		expect((await call('/after-sales/dealer/tasks', null)).status).toBe(403);
	});

	test.each([
		['no date', {}, 'scheduled_for'],
		['a date that is not a date-time', { scheduled_for: 'tomorrow morning' }, 'scheduled_for'],
		['an unknown field', { scheduled_for: tomorrow(), status: 'closed' }, 'status'],
	])('DLR-2: when the schedule request has %s, then it is a 400 naming the field', async (_label, payload, field) => {
		const mine = await dealerOf('dealer1@example.com');
		const task = await createTask(mine.dealer, 0.5);
		const d = await dealerUser(1);
		const { status, body } = await d.call(`/after-sales/dealer/tasks/${task.id}/schedule`, { method: 'POST', body: json(payload) });
		expect(status).toBe(400);
		expect(JSON.stringify(body.errors[0])).toContain(field);
	});

	test('DLR-2: when a task dispatched 5 h ago was never scheduled, then the sweep escalates the schedule to L2, the clerk check to L3 (leadership) and tells the dealer', async () => {
		const mine = await dealerOf('dealer1@example.com');
		const task = await createTask(mine.dealer, 5);
		await waitForTimers('service_requests', task.id, (t) => t.some((x) => x.milestone === 'clerk_check'));
		expect((await sweep()).status).toBe(200);
		const log = await escalationsOf('service_requests', task.id);
		const keys = log.map((e) => e.escalation_key);
		expect(keys).toEqual(expect.arrayContaining([
			`service_requests:${task.id}:dealer_scheduled:L1:warning`,
			`service_requests:${task.id}:dealer_scheduled:L2:breach`,
			`service_requests:${task.id}:clerk_check:L3:breach`,
		]));
		const scheduleBreach = log.find((e) => e.escalation_key.endsWith('dealer_scheduled:L2:breach'));
		expect(scheduleBreach.notified_users).toContain(mine.id);
		const admin = await loginAdmin();
		expect((await admin.call(`/items/service_requests/${task.id}?fields=handling_level`)).body.data.handling_level).toBe(3);

		// ESC-4: the dealer user was notified, so they may acknowledge through the endpoint.
		const d = await dealerUser(1);
		const ack = await d.call(`/after-sales/escalations/${scheduleBreach.id}/acknowledge`, { method: 'POST' });
		expect(ack.status).toBe(200);
		expect(ack.body.data.acknowledged_by).toBe(mine.id);
	});
});
