// Issue 3 on a real Directus: timers from the record's own time, the sweep (ESC-2..4), policy
// validation (ESC-1) and acknowledgement. The scheduled sweep also runs every minute inside the
// same Directus, so assertions are about the log and the records, which are the same whichever
// sweep got there first (that is the point of ESC-4).
import { describe, expect, test } from 'vitest';
import { call, json, loginAdmin } from './helpers';
import { agent, createComplaint, dealerUser, escalationsOf, manager, sweep, userId, waitForTimers } from './sla-helpers';

describe('timers (ESC-1)', () => {
	test('ESC-1: when a complaint received 3 h ago is entered, then its clocks run from received_at and it is already due', async () => {
		const complaint = await createComplaint();
		const timers = await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		const byMilestone = Object.fromEntries(timers.map((t) => [t.milestone, t]));
		expect(Object.keys(byMilestone).sort()).toEqual(['first_response', 'manager_informed', 'reply']);
		const first = byMilestone['first_response'];
		expect(first.timer_key).toBe(`complaints:${complaint.id}:first_response`);
		expect(new Date(first.due_at).getTime()).toBe(new Date(complaint.received_at).getTime() + 3_600_000);
		expect(new Date(first.next_check_at).getTime()).toBeLessThanOrEqual(Date.now());
		expect(new Date(byMilestone['reply'].next_check_at).getTime()).toBeGreaterThan(Date.now());
	});

	test('ESC-1: when the customer is contacted, then the first-response timer is fulfilled and never checked again', async () => {
		const complaint = await createComplaint({ received_at: new Date(Date.now() - 10 * 60_000).toISOString() });
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		const a = await agent();
		const { status } = await a.call(`/items/complaints/${complaint.id}`, { method: 'PATCH', body: json({ status: 'contacting' }) });
		expect(status).toBe(200);
		const timers = await waitForTimers('complaints', complaint.id, (t) => t.find((x) => x.milestone === 'first_response')?.state === 'fulfilled');
		const first = timers.find((t) => t.milestone === 'first_response');
		expect(first.next_check_at).toBeNull();
		expect(first.fulfilled_at).not.toBeNull();
	});
});

describe('warranty repairs (WTY-11)', () => {
	test('WTY-11: when a warranty repair is registered, then it gets the 30-business-day finish timer; a paid repair gets none', async () => {
		const admin = await loginAdmin();
		const [sample] = (await admin.call('/items/repair_records?limit=1&fields=fault_category')).body.data;
		// A unit in warranty, so the coverage check (WTY-3) keeps the repair a warranty repair.
		const [unit] = (await admin.call('/items/units?filter[warranty_status][_eq]=active&limit=1&fields=id')).body.data;
		const create = (coverage: string) => admin.call('/items/repair_records', {
			method: 'POST',
			// REQ-4: a paid repair is quoted first.
			body: json({ unit: unit.id, fault_category: sample.fault_category, fault_description: '发动机异响', coverage, status: 'in_progress', received_at: new Date().toISOString(), ...(coverage === 'paid' ? { quote_amount: '300.00' } : {}) }),
		});
		const warranty = await create('warranty');
		expect(warranty.status, JSON.stringify(warranty.body)).toBe(200);
		expect(warranty.body.data.coverage).toBe('warranty');
		const timers = await waitForTimers('repair_records', warranty.body.data.id);
		expect(timers.map((t) => t.milestone)).toEqual(['repair_finished']);
		expect(timers[0]).toMatchObject({ clock: 'business', state: 'running' });
		// 30 business days of 8 h, Monday to Friday: six weeks less the last weekend, at the least.
		expect(new Date(timers[0].due_at).getTime() - Date.now()).toBeGreaterThan(37 * 86_400_000);

		const paid = await create('paid');
		expect(paid.status).toBe(200);
		await new Promise((r) => setTimeout(r, 500));
		const { body } = await admin.call(`/items/sla_timers?filter[collection][_eq]=repair_records&filter[item][_eq]=${paid.body.data.id}`);
		expect(body.data).toEqual([]);
	});
});

describe('the sweep (ESC-2, ESC-3, ESC-4)', () => {
	test('ESC-2: when a complaint received 3 h ago is swept, then it is warned and escalated to L2 and the service manager sees an in-app notification', async () => {
		const complaint = await createComplaint();
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		const { status, body } = await sweep();
		expect(status).toBe(200);
		expect(body.data).toMatchObject({ failed_records: 0 });
		const log = await escalationsOf('complaints', complaint.id);
		expect(log.map((e) => e.escalation_key)).toEqual([
			`complaints:${complaint.id}:first_response:L1:warning`,
			`complaints:${complaint.id}:first_response:L2:breach`,
		]);
		const managerId = await userId(manager());
		expect(log[1].notified_users).toContain(managerId);

		const admin = await loginAdmin();
		const record = await admin.call(`/items/complaints/${complaint.id}?fields=handling_level`);
		expect(record.body.data.handling_level).toBe(2);

		const m = await manager();
		const inbox = await m.call(`/notifications?filter[recipient][_eq]=${managerId}&sort=-id&limit=50`);
		expect(inbox.status).toBe(200);
		expect(inbox.body.data.some((n: any) => String(n.message).includes(`#${complaint.id}`))).toBe(true);

		const timers = await waitForTimers('complaints', complaint.id);
		const first = timers.find((t) => t.milestone === 'first_response');
		expect(first).toMatchObject({ state: 'breached', level: 2, next_check_at: null });
		// ESC-2: the other clocks of the record now run at the raised level.
		expect(timers.find((t) => t.milestone === 'reply').level).toBe(2);
	});

	test('ESC-4: when the sweep runs again, then nothing is logged twice', async () => {
		const complaint = await createComplaint();
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		await sweep();
		const before = await escalationsOf('complaints', complaint.id);
		expect(before).toHaveLength(2);
		const again = await sweep();
		expect(again.status).toBe(200);
		expect(await escalationsOf('complaints', complaint.id)).toEqual(before);
	});

	test('ESC-4: when two sweeps run at the same time, then each escalation is logged exactly once', async () => {
		const complaints = await Promise.all([createComplaint(), createComplaint({ received_at: new Date(Date.now() - 30 * 3_600_000).toISOString() })]);
		for (const c of complaints) await waitForTimers('complaints', c.id, (t) => t.length === 3);
		const m = await manager();
		const admin = await loginAdmin();
		const [a, b] = await Promise.all([
			call('/after-sales/sla/sweep', m.token, { method: 'POST' }),
			call('/after-sales/sla/sweep', admin.token, { method: 'POST' }),
		]);
		expect([a.status, b.status]).toEqual([200, 200]);
		const first = await escalationsOf('complaints', complaints[0].id);
		expect(first.map((e) => e.escalation_key).sort()).toEqual([
			`complaints:${complaints[0].id}:first_response:L1:warning`,
			`complaints:${complaints[0].id}:first_response:L2:breach`,
		]);
		// 30 h late: first response and both 24 h milestones, each warning and breach once.
		const second = await escalationsOf('complaints', complaints[1].id);
		const keys = second.map((e) => e.escalation_key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys).toHaveLength(6);
		expect(keys.filter((k) => k.endsWith(':breach')).sort()).toEqual([
			`complaints:${complaints[1].id}:first_response:L2:breach`,
			`complaints:${complaints[1].id}:manager_informed:L3:breach`,
			`complaints:${complaints[1].id}:reply:L3:breach`,
		].sort());
	});

	test('ESC-4: when three sweeps race over many late complaints, then no milestone is escalated twice, at any level', async () => {
		const late = await Promise.all(Array.from({ length: 12 }, () => createComplaint({ received_at: new Date(Date.now() - 30 * 3_600_000).toISOString() })));
		for (const c of late) await waitForTimers('complaints', c.id, (t) => t.length === 3);
		const m = await manager();
		const admin = await loginAdmin();
		const results = await Promise.all([m.token, admin.token, m.token].map((token) => call('/after-sales/sla/sweep', token, { method: 'POST' })));
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(results.reduce((n, r) => n + r.body.data.failed_records, 0)).toBe(0);
		for (const c of late) {
			const log = await escalationsOf('complaints', c.id);
			// Unique per (milestone, kind): a race must not log the same breach once at L2 and once at L3.
			const perMilestone = log.map((e) => `${e.milestone}:${e.kind}`);
			expect(new Set(perMilestone).size, JSON.stringify(log.map((e) => e.escalation_key))).toBe(perMilestone.length);
			expect(log).toHaveLength(6);
		}
	});

	test.each([
		['a service agent', () => agent(), 403],
		['a dealer', () => dealerUser(1), 403],
	])('ESC-2: when %s asks for a sweep, then it is refused', async (_label, who, expected) => {
		const { status, body } = await sweep(who());
		expect(status).toBe(expected);
		expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
	});

	test('ESC-2: when nobody is signed in, then the sweep is refused', async () => {
		const { status } = await call('/after-sales/sla/sweep', null, { method: 'POST' });
		expect(status).toBe(403);
	});
});

describe('policies (ESC-1)', () => {
	const milestone = (overrides: Record<string, unknown> = {}) => ({
		key: 'first_response', label: '首次响应', duration_minutes: 60, clock: '24x7', fulfil_states: ['contacting'], escalate_to_level: 2, ...overrides,
	});

	test.each([
		['a zero duration on the second milestone', { milestones: [milestone(), milestone({ key: 'reply', duration_minutes: 0 })] }, 'milestones.1.duration_minutes'],
		['an unknown clock', { milestones: [milestone({ clock: 'weekly' })] }, 'milestones.0.clock'],
		['an escalation to level 4', { milestones: [milestone({ escalate_to_level: 4 })] }, 'milestones.0.escalate_to_level'],
		['a misspelt condition', { condition: { severty: ['critical'] }, milestones: [milestone()] }, 'condition.severty'],
	])('ESC-1: when a policy with %s is saved, then it is a 400 naming %s', async (_label, overrides, field) => {
		const admin = await loginAdmin();
		const before = await admin.call('/items/sla_policies?aggregate[count]=*');
		const { status, body } = await admin.call('/items/sla_policies', { method: 'POST', body: json({ name: 'bad', collection: 'complaints', ...overrides }) });
		expect(status).toBe(400);
		expect(body.errors[0].extensions.field).toBe(field);
		expect(body.errors[0].message).toContain('ESC-1');
		const after = await admin.call('/items/sla_policies?aggregate[count]=*');
		expect(after.body.data[0].count).toEqual(before.body.data[0].count);
	});

	test('ESC-1: when an existing policy is edited with a bad milestone, then it is a 400 and the policy is unchanged', async () => {
		const admin = await loginAdmin();
		const [policy] = (await admin.call('/items/sla_policies?filter[key][_eq]=default_complaints_1')).body.data;
		const broken = policy.milestones.map((m: any, i: number) => (i === 1 ? { ...m, duration_minutes: -5 } : m));
		const { status, body } = await admin.call(`/items/sla_policies/${policy.id}`, { method: 'PATCH', body: json({ milestones: broken }) });
		expect(status).toBe(400);
		expect(body.errors[0].extensions.field).toBe('milestones.1.duration_minutes');
	});

	test('ESC-1: when a policy duration is edited, then open timers are recomputed', async () => {
		const admin = await loginAdmin();
		const complaint = await createComplaint({ received_at: new Date(Date.now() - 5 * 60_000).toISOString() });
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		const [policy] = (await admin.call('/items/sla_policies?filter[key][_eq]=default_complaints_1')).body.data;
		const longer = policy.milestones.map((m: any) => (m.key === 'first_response' ? { ...m, duration_minutes: 120 } : m));
		try {
			expect((await admin.call(`/items/sla_policies/${policy.id}`, { method: 'PATCH', body: json({ milestones: longer }) })).status).toBe(200);
			const expected = new Date(complaint.received_at).getTime() + 120 * 60_000;
			const timers = await waitForTimers('complaints', complaint.id, (t) => new Date(t.find((x) => x.milestone === 'first_response').due_at).getTime() === expected);
			expect(timers.find((t) => t.milestone === 'first_response').state).toBe('running');
		} finally {
			await admin.call(`/items/sla_policies/${policy.id}`, { method: 'PATCH', body: json({ milestones: policy.milestones }) });
		}
	});
});

describe('acknowledgement (ESC-4)', () => {
	test('ESC-4: when a notified manager acknowledges, then who and when are kept, and a second acknowledgement changes nothing', async () => {
		const complaint = await createComplaint();
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		await sweep();
		const breach = (await escalationsOf('complaints', complaint.id)).find((e) => e.kind === 'breach');
		const m = await manager();
		const first = await m.call(`/after-sales/escalations/${breach.id}/acknowledge`, { method: 'POST' });
		expect(first.status).toBe(200);
		expect(first.body.data.acknowledged_by).toBe(await userId(manager()));
		const second = await m.call(`/after-sales/escalations/${breach.id}/acknowledge`, { method: 'POST' });
		expect(second.body.data).toEqual(first.body.data);
	});

	test('ESC-4: when a dealer who was not notified acknowledges, then the escalation is not found', async () => {
		const complaint = await createComplaint();
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		await sweep();
		const [escalation] = await escalationsOf('complaints', complaint.id);
		const d = await dealerUser(2);
		const { status } = await d.call(`/after-sales/escalations/${escalation.id}/acknowledge`, { method: 'POST' });
		expect(status).toBe(404);
	});
});
