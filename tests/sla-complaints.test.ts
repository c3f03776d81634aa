// CMP-1..6 over REST: the complaint workflow is a state machine checked in a filter hook; every
// step allowed to the right role is accepted and recorded, every other one is a 400 naming CMP-3.
import { describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { agent, createComplaint, manager, memo, uploadAgreementFile, userId, waitForTimers } from './sla-helpers';

type Who = 'agent' | 'manager';
const as = (who: Who) => (who === 'agent' ? agent() : manager());

async function move(id: number, who: Who, status: string, extra: Record<string, unknown> = {}) {
	const s = await as(who);
	return s.call(`/items/complaints/${id}`, { method: 'PATCH', body: json({ status, ...extra }) });
}

async function statusOf(id: number) {
	const admin = await loginAdmin();
	return (await admin.call(`/items/complaints/${id}?fields=status,history,approved_by,approved_at,closed_at,first_response_at,handler`)).body.data;
}

const expectCmp3 = (result: { status: number; body: any }) => {
	expect(result.status, JSON.stringify(result.body)).toBe(400);
	expect(result.body.errors[0].extensions.rule).toBe('CMP-3');
	expect(result.body.errors[0].message).toContain('CMP-3');
};

describe('creating a complaint (CMP-1, CMP-2, CMP-5, CMP-6)', () => {
	test('CMP-2: when a complaint of each category is registered, then each is recorded and the month’s summary counts it under its category; an unknown category is refused', async () => {
		const admin = await loginAdmin();
		const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
		const counts = async () => Object.fromEntries(((await admin.call(`/after-sales/reports/summary?period=month&at=${month}`)).body.data.lines as any[]).map((l) => [l.key, l.value]));
		const before = await counts();
		const categories = ['quality', 'attitude', 'delivery', 'billing', 'other'];
		for (const category of categories) expect((await createComplaint({ category, received_at: new Date(Date.now() - 60_000).toISOString() })).category).toBe(category);
		const after = await counts();
		for (const category of categories) expect(after[`complaints_category_${category}`]).toBe((before[`complaints_category_${category}`] ?? 0) + 1);
		const bad = await admin.call('/items/complaints', { method: 'POST', body: json({ received_at: new Date().toISOString(), channel: 'phone', recorder: await memo('admin', () => userId(loginAdmin())), category: 'weather', severity: 'normal', description: 'x' }) });
		expect(bad.status).toBe(400);
		expect(JSON.stringify(bad.body.errors[0])).toContain('category');
	});


	test.each([
		['normal', 1],
		['serious', 2],
		['critical', 3],
	])('CMP-5: when a %s complaint is registered, then it starts at level %i', async (severity, level) => {
		const complaint = await createComplaint({ severity });
		expect(complaint.handling_level).toBe(level);
		expect(complaint.status).toBe('received');
		expect(complaint.history).toHaveLength(1);
	});

	test('ESC-1: when complaints are created through REST, then their timers are written in the create’s own transaction: there as the response arrives, and gone with a batch that is refused', async () => {
		const admin = await loginAdmin();
		for (let i = 0; i < 3; i++) {
			const complaint = await createComplaint({ severity: 'serious' });
			const { body } = await admin.call(`/items/sla_timers?filter[collection][_eq]=complaints&filter[item][_eq]=${complaint.id}&fields=milestone,level,due_at`);
			expect(body.data.length, `timers of complaint #${complaint.id} when its create answered`).toBeGreaterThan(0);
			expect(body.data.every((t: any) => t.level === 2 && t.due_at)).toBe(true);
		}
		const recorder = await memo('admin', () => userId(loginAdmin()));
		const before = (await admin.call('/items/sla_timers?aggregate[count]=id&filter[collection][_eq]=complaints')).body.data[0].count;
		const good = { received_at: new Date().toISOString(), channel: 'phone', recorder, category: 'quality', severity: 'normal', description: 'batch' };
		const refused = await admin.call('/items/complaints', { method: 'POST', body: json([good, { ...good, category: 'weather' }]) });
		expect(refused.status).toBe(400);
		const after = (await admin.call('/items/sla_timers?aggregate[count]=id&filter[collection][_eq]=complaints')).body.data[0].count;
		expect(Number(after)).toBe(Number(before));
	});

	test('CMP-5: when a clerk asks for a lower level than the severity demands, then the severity wins', async () => {
		expect((await createComplaint({ severity: 'critical', handling_level: 1 })).handling_level).toBe(3);
	});

	test.each([
		['no recorder', { recorder: null }, 'recorder', 'CMP-1'],
		['an unknown category', { category: 'weather' }, 'category', null],
		['a complaint that starts closed', { status: 'closed' }, 'status', 'CMP-3'],
	])('CMP-1: when a complaint with %s is registered, then it is a 400 naming the field', async (_label, overrides, field, rule) => {
		const admin = await loginAdmin();
		const recorder = await memo('admin', () => userId(loginAdmin()));
		const { status, body } = await admin.call('/items/complaints', {
			method: 'POST',
			body: json({ received_at: new Date().toISOString(), recorder, category: 'quality', description: 'x', ...overrides }),
		});
		expect(status).toBe(400);
		expect(JSON.stringify(body.errors[0])).toContain(field);
		if (rule) expect(body.errors[0].extensions.rule).toBe(rule);
	});

	test('CMP-6: when an attitude complaint is handed to the staff member it is about, then it is refused', async () => {
		const agentId = await userId(agent());
		const admin = await loginAdmin();
		const recorder = await memo('admin', () => userId(loginAdmin()));
		const created = await admin.call('/items/complaints', {
			method: 'POST',
			body: json({ received_at: new Date().toISOString(), recorder, category: 'attitude', description: '态度生硬', subject_staff: agentId, handler: agentId }),
		});
		expect(created.status).toBe(400);
		expect(created.body.errors[0].extensions.rule).toBe('CMP-6');

		const complaint = await createComplaint({ category: 'attitude', subject_staff: agentId });
		const handed = await admin.call(`/items/complaints/${complaint.id}`, { method: 'PATCH', body: json({ handler: agentId }) });
		expect(handed.status).toBe(400);
		expect(handed.body.errors[0].extensions.rule).toBe('CMP-6');
		// CMP-6: the subject takes it by moving it either: they would become its handler.
		expectCmp6(await move(complaint.id, 'agent', 'contacting'));
	});
});

const expectCmp6 = (result: { status: number; body: any }) => {
	expect(result.status).toBe(400);
	expect(result.body.errors[0].extensions.rule).toBe('CMP-6');
};

describe('the workflow (CMP-3)', () => {
	// The full path with every loop back, each step by the role allowed to make it at level 1.
	const path: [Who, string][] = [
		['agent', 'contacting'], ['agent', 'analysing'], ['agent', 'proposed'],
		['manager', 'analysing'], // leader sends the proposal back
		['agent', 'proposed'], ['manager', 'approved'],
		['agent', 'analysing'], // customer refuses the approved proposal
		['agent', 'proposed'], ['manager', 'approved'], ['agent', 'agreed'], ['agent', 'implementing'], ['agent', 'tracking'],
		['agent', 'analysing'], // still not satisfied
		['agent', 'proposed'], ['manager', 'approved'], ['agent', 'agreed'], ['agent', 'implementing'], ['agent', 'tracking'], ['agent', 'closed'],
	];
	// A skip attempted from each state on the way: never allowed, even to an administrator.
	const skips: Record<string, string> = {
		received: 'analysing', contacting: 'proposed', analysing: 'approved', proposed: 'agreed', approved: 'implementing',
		agreed: 'tracking', implementing: 'closed', tracking: 'received',
	};

	test('CMP-3: when a complaint walks the whole workflow, then every step is accepted, every skip refused, and each step is recorded with who and when', async () => {
		const complaint = await createComplaint({ received_at: new Date().toISOString() });
		const admin = await loginAdmin();
		// CMP-3: the customer agrees by signing the handling agreement, attached when moving to agreed.
		const agreement = await uploadAgreementFile(await agent());
		let from = 'received';
		for (const [who, to] of path) {
			const skip = skips[from]!;
			expectCmp3(await admin.call(`/items/complaints/${complaint.id}`, { method: 'PATCH', body: json({ status: skip }) }));
			const result = await move(complaint.id, who, to, to === 'agreed' ? { agreement_file: agreement } : {});
			expect(result.status, `${from} → ${to} by ${who}: ${JSON.stringify(result.body)}`).toBe(200);
			from = to;
		}
		const final = await statusOf(complaint.id);
		expect(final.status).toBe('closed');
		expect(final.history).toHaveLength(path.length + 1);
		expect(final.history.at(-1)).toMatchObject({ from: 'tracking', to: 'closed', by: await userId(agent()) });
		expect(final.approved_by).toBe(await userId(manager()));
		expect(final.approved_at).not.toBeNull();
		expect(final.closed_at).not.toBeNull();
		expect(final.first_response_at).not.toBeNull();
		// Closed is final.
		for (const to of ['received', 'tracking', 'rejected']) expectCmp3(await move(complaint.id, 'manager', to));
	});

	test('CMP-4: when a complaint is registered, then it must be answered within 24 h of receipt, and approving the handling proposal put to the customer is the answer', async () => {
		const complaint = await createComplaint({ received_at: new Date(Date.now() - 60_000).toISOString() });
		const timers = await waitForTimers('complaints', complaint.id, (t) => t.some((x: any) => x.milestone === 'reply'));
		const reply = timers.find((t: any) => t.milestone === 'reply');
		expect(new Date(reply.due_at).getTime() - new Date(complaint.received_at).getTime()).toBe(24 * 3_600_000);
		expect(reply.state).toBe('running');
		for (const [who, to] of [['agent', 'contacting'], ['agent', 'analysing'], ['agent', 'proposed'], ['manager', 'approved']] as const) {
			expect((await move(complaint.id, who, to)).status).toBe(200);
		}
		const after = await waitForTimers('complaints', complaint.id, (t) => t.some((x: any) => x.milestone === 'reply' && x.state === 'fulfilled'));
		expect(after.find((t: any) => t.milestone === 'reply').state).toBe('fulfilled');
	});

	test.each(['received', 'contacting', 'analysing', 'proposed'])('CMP-3: when a leader rejects a complaint that is %s with a reason, then it is rejected; without a reason it is refused', async (state) => {
		const complaint = await createComplaint({ received_at: new Date().toISOString() });
		const route = ['contacting', 'analysing', 'proposed'];
		for (const step of route.slice(0, route.indexOf(state) + 1)) expect((await move(complaint.id, 'agent', step)).status).toBe(200);
		const bare = await move(complaint.id, 'manager', 'rejected');
		expect(bare.status).toBe(400);
		expect(bare.body.errors[0].extensions.field).toBe('rejection_reason');
		// A handler may not reject: it is the leader's decision.
		expectCmp3(await move(complaint.id, 'agent', 'rejected', { rejection_reason: '使用不当' }));
		expect((await move(complaint.id, 'manager', 'rejected', { rejection_reason: '经核实为使用不当' })).status).toBe(200);
		expect((await statusOf(complaint.id)).status).toBe('rejected');
		expectCmp3(await move(complaint.id, 'manager', 'received'));
	});

	test('CMP-3: when an agent approves a proposal, then it is refused (approval is the leader’s)', async () => {
		const complaint = await createComplaint({ received_at: new Date().toISOString() });
		for (const step of ['contacting', 'analysing', 'proposed']) await move(complaint.id, 'agent', step);
		expectCmp3(await move(complaint.id, 'agent', 'approved'));
		expect((await statusOf(complaint.id)).status).toBe('proposed');
	});

	test('CMP-5: when a critical (L3) proposal is approved by the service manager, then it is refused: only leadership approves at L3', async () => {
		const complaint = await createComplaint({ severity: 'critical', received_at: new Date().toISOString() });
		for (const step of ['contacting', 'analysing', 'proposed']) expect((await move(complaint.id, 'agent', step)).status).toBe(200);
		expectCmp3(await move(complaint.id, 'manager', 'approved'));
	});

	test('CMP-3: when an unknown status is sent, then it is a 400 naming the status', async () => {
		const complaint = await createComplaint({ received_at: new Date().toISOString() });
		const result = await move(complaint.id, 'agent', 'teleported');
		expect(result.status).toBe(400);
		expect(JSON.stringify(result.body.errors[0])).toContain('status');
	});

	test('CMP-3: when a client writes the history or the approval stamp, then those are ignored', async () => {
		const complaint = await createComplaint({ received_at: new Date().toISOString() });
		const s = await agent();
		const result = await s.call(`/items/complaints/${complaint.id}`, { method: 'PATCH', body: json({ history: [], approved_by: null, closed_at: '2020-01-01T00:00:00Z', analysis: 'ok' }) });
		expect(result.status).toBe(200);
		const after = await statusOf(complaint.id);
		expect(after.history).toHaveLength(1);
		expect(after.closed_at).toBeNull();
	});
});
