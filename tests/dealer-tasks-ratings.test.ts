// DLR-2 and DLR-4 over REST. DLR-2: the sales clerk's 4 h check of a dealer task is recorded (in the
// Studio or by the pack's endpoint) and meets the `clerk_check` milestone; a task not in hand goes
// to company leadership naming the person responsible, who must be named before such an escalation
// is acknowledged; when the dealer schedules, the customer and the technical department are told,
// once per scheduled time; a dealer cannot hand a task back. DLR-4: the monthly rating review
// stores a proposal on the dealer and tells the managers once; a manager approves or dismisses it,
// which changes tier / status (DLR-1 then stops a suspended dealer logging warranty repairs).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { asStaff, restoreDemoStaff } from './warranty-fixtures';
import { agent, dealerUser, escalationsOf, hoursAgo, manager, sweep, userId, waitFor, waitForTimers } from './sla-helpers';

const tag = `DT${Date.now().toString(36)}`;
type Session = Awaited<ReturnType<typeof loginAdmin>>;

let admin: Session;
let customer: number;
let unit: number;
let dealer1: { id: string; dealer: number };

const post = (who: Session, path: string, body: unknown = {}) => who.call(path, { method: 'POST', body: json(body) });
const patch = (who: Session, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });

async function dealerOf(email: string): Promise<{ id: string; dealer: number }> {
	const { body } = await admin.call(`/users?filter[email][_eq]=${encodeURIComponent(email)}&fields=id,dealer`);
	return body.data[0];
}

async function createTask(dealer: number, dispatchedAt: string, withCustomer = true) {
	const { status, body } = await post(admin, '/items/service_requests', {
		type: 'dealer_task', channel: 'phone', received_at: new Date(Date.parse(dispatchedAt) - 15 * 60_000).toISOString(), problem: `${tag} 拖拉机启动困难，需上门检修`,
		status: 'dispatched', dealer, dispatched_at: dispatchedAt, first_response_at: dispatchedAt, ...(withCustomer ? { customer } : {}),
	});
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data as Record<string, any>;
}

async function request(id: number, fields: string) {
	return (await admin.call(`/items/service_requests/${id}?fields=${fields}`)).body.data as Record<string, any>;
}

async function visitNotices(id: number) {
	return (await admin.call(`/items/follow_ups?filter[service_request][_eq]=${id}&filter[kind][_eq]=visit_notice&sort=id&limit=-1`)).body.data as any[];
}

async function staffNotices(recipient: string, id: number) {
	return (await admin.call(`/notifications?filter[recipient][_eq]=${recipient}&filter[collection][_eq]=service_requests&filter[item][_eq]=${id}&limit=-1&sort=id`)).body.data as any[];
}

async function createDealer(code: string, tier: string, status: string) {
	const { status: s, body } = await post(admin, '/items/dealers', { code, name: `${tag} 测试经销商 ${code}`, tier, status, region: `${tag}-region` });
	expect(s, JSON.stringify(body)).toBe(200);
	return body.data.id as number;
}

const inMonth = (month: string, day: number, hour = 2) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day, hour)).toISOString();

async function dealerRow(id: number) {
	return (await admin.call(`/items/dealers/${id}?fields=tier,status,rating_proposal,rating_history,rating_decision`)).body.data as Record<string, any>;
}

beforeAll(async () => {
	admin = await loginAdmin();
	const c = await post(admin, '/items/customers', { name: `${tag} 农机合作社`, phone: '13900000077', region: `${tag}-region` });
	expect(c.status, JSON.stringify(c.body)).toBe(200);
	customer = c.body.data.id;
	const product = (await admin.call('/items/products?limit=1&sort=id&fields=id')).body.data[0].id;
	const u = await post(admin, '/items/units', { serial_no: `${tag}-001`, product, customer, sold_on: new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10) });
	expect(u.status, JSON.stringify(u.body)).toBe(200);
	unit = u.body.data.id;
	dealer1 = await dealerOf('dealer1@example.com');
});

describe('the sales clerk checks dealer tasks (DLR-2)', () => {
	test('DLR-2: when the clerk records "in hand" in the Studio, then who and when are stamped by the system, the history logs it and the clerk-check milestone is met', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		await waitForTimers('service_requests', task.id, (t) => t.some((x) => x.milestone === 'clerk_check'));
		const clerk = await agent();
		const clerkId = await userId(agent());
		const res = await patch(clerk, `/items/service_requests/${task.id}`, { clerk_check_result: 'in_hand', clerk_check_note: '已电话确认，经销商明早上门', clerk_checked_at: '2020-01-01T00:00:00Z', clerk_checked_by: dealer1.id });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const stored = await request(task.id, 'clerk_check_result,clerk_checked_at,clerk_checked_by,clerk_check_note,history');
		expect(stored).toMatchObject({ clerk_check_result: 'in_hand', clerk_checked_by: clerkId, clerk_check_note: '已电话确认，经销商明早上门' });
		expect(Math.abs(Date.parse(stored.clerk_checked_at) - Date.now())).toBeLessThan(60_000);
		expect(stored.history.at(-1)).toMatchObject({ by: clerkId, summary: 'clerk check: in hand (DLR-2)' });
		const timers = await waitForTimers('service_requests', task.id, (t) => t.some((x) => x.milestone === 'clerk_check' && x.state === 'fulfilled'));
		expect(timers.find((t) => t.milestone === 'dealer_scheduled').state).not.toBe('fulfilled');
	});

	test('DLR-2: when the clerk finds a task not in hand, then it needs the person responsible, goes to leadership at once naming them, and a repeat adds no second escalation', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(1));
		const clerk = await agent();
		const missing = await post(clerk, `/after-sales/dealer-tasks/${task.id}/clerk-check`, { result: 'not_in_hand' });
		expect(missing.status).toBe(400);
		expect(missing.body.errors[0].extensions).toMatchObject({ rule: 'DLR-2', field: 'responsible_person' });
		expect((await request(task.id, 'clerk_checked_at')).clerk_checked_at).toBeNull();

		const res = await post(clerk, `/after-sales/dealer-tasks/${task.id}/clerk-check`, { result: 'not_in_hand', responsible_person: '李站长（经销商服务站）', note: '经销商电话无人接听' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ clerk_check_result: 'not_in_hand', responsible_person: '李站长（经销商服务站）', handling_level: 3 });
		expect(res.body.data.timers.find((t: any) => t.milestone === 'clerk_check').state).toBe('fulfilled');
		const log = (await escalationsOf('service_requests', task.id)).filter((e) => e.milestone === 'clerk_check' && e.kind === 'breach');
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ escalation_key: `service_requests:${task.id}:clerk_check:L3:breach`, level: 3, responsible: '李站长（经销商服务站）' });
		expect(log[0].message).toContain('李站长（经销商服务站）');
		expect(log[0].notified_users).toContain(await userId(agent()));

		expect((await post(clerk, `/after-sales/dealer-tasks/${task.id}/clerk-check`, { result: 'not_in_hand' })).status).toBe(200);
		expect((await escalationsOf('service_requests', task.id)).filter((e) => e.milestone === 'clerk_check' && e.kind === 'breach')).toHaveLength(1);
	});

	test('DLR-2: when the 4 h pass unchecked, then the leadership escalation must name the person responsible before it is acknowledged, and the name lands on the task', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(5));
		await waitForTimers('service_requests', task.id, (t) => t.some((x) => x.milestone === 'clerk_check'));
		expect((await sweep()).status).toBe(200);
		const breach = (await escalationsOf('service_requests', task.id)).find((e) => e.escalation_key.endsWith('clerk_check:L3:breach'));
		expect(breach.responsible).toBeNull();
		const clerk = await agent();
		const refused = await post(clerk, `/after-sales/escalations/${breach.id}/acknowledge`);
		expect(refused.status).toBe(400);
		expect(refused.body.errors[0].extensions).toMatchObject({ rule: 'DLR-2', field: 'responsible' });
		expect((await escalationsOf('service_requests', task.id)).find((e) => e.id === breach.id).acknowledged_at).toBeNull();

		const ack = await post(clerk, `/after-sales/escalations/${breach.id}/acknowledge`, { responsible: '赵经理' });
		expect(ack.status, JSON.stringify(ack.body)).toBe(200);
		expect(ack.body.data).toMatchObject({ responsible: '赵经理', acknowledged_by: await userId(agent()) });
		expect((await request(task.id, 'responsible_person')).responsible_person).toBe('赵经理');
		const after = (await escalationsOf('service_requests', task.id)).find((e) => e.id === breach.id);
		expect(after.message).toContain('赵经理');
		// ESC-4: the scheduling breach of the same task needs no name.
		const scheduleBreach = (await escalationsOf('service_requests', task.id)).find((e) => e.escalation_key.endsWith('dealer_scheduled:L2:breach'));
		expect((await post(clerk, `/after-sales/escalations/${scheduleBreach.id}/acknowledge`)).status).toBe(200);
	});

	test('DLR-2: when a person responsible is recorded after the sweep escalated, then the open escalation names them', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(5));
		await waitForTimers('service_requests', task.id, (t) => t.some((x) => x.milestone === 'clerk_check'));
		expect((await sweep()).status).toBe(200);
		expect((await patch(await agent(), `/items/service_requests/${task.id}`, { responsible_person: '孙站长' })).status).toBe(200);
		const named = await waitFor('the escalation naming the person responsible', async () => {
			const e = (await escalationsOf('service_requests', task.id)).find((x) => x.escalation_key.endsWith('clerk_check:L3:breach'));
			return e?.responsible === '孙站长' ? e : null;
		});
		expect(named.message).toContain('孙站长');
	});

	test('DLR-2: when a dealer user records a clerk check, then it is a 403', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const res = await post(await dealerUser(1), `/after-sales/dealer-tasks/${task.id}/clerk-check`, { result: 'in_hand' });
		expect(res.status).toBe(403);
		expect(JSON.stringify(res.body)).toContain('DLR-2');
		expect((await request(task.id, 'clerk_checked_at')).clerk_checked_at).toBeNull();
	});

	test.each([
		['an unknown result', { result: 'maybe' }, 'result'],
		['an unknown field', { result: 'in_hand', clerk_checked_by: 'x' }, 'clerk_checked_by'],
	])('DLR-2: when the clerk check has %s, then it is a 400 naming the field', async (_label, body, field) => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const res = await post(await agent(), `/after-sales/dealer-tasks/${task.id}/clerk-check`, body);
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.field).toBe(field);
	});

	test('DLR-2: when the clerk checks a request that is not a dealer task, then it is a 400 naming clerk_check_result', async () => {
		const { body } = await post(admin, '/items/service_requests', { type: 'repair', channel: 'phone', received_at: hoursAgo(1), problem: `${tag} 咨询保养`, status: 'new', customer });
		const res = await patch(await agent(), `/items/service_requests/${body.data.id}`, { clerk_check_result: 'in_hand' });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ rule: 'DLR-2', field: 'clerk_check_result' });
	});
});

// The core tier's three Studio seats: the demo manager and agent step aside while a technical-dept user holds one.
describe('the customer and the technical department are told when a dealer schedules (DLR-2)', () => {
	let techDept: string;
	let tech: Session;
	beforeAll(async () => {
		const t = await asStaff('technical_dept');
		techDept = t.id;
		tech = t as unknown as Session;
	});
	afterAll(() => restoreDemoStaff());

	const inDays = (days: number) => new Date(Math.round((Date.now() + days * 86_400_000) / 60_000) * 60_000).toISOString();

	test('DLR-2: when the dealer schedules in the portal, then the customer gets one visit notice and the technical dept one notice; a retry adds none, a reschedule tells again with the new time', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const d = await dealerUser(1);
		const first = inDays(1);
		expect((await post(d, `/after-sales/dealer/tasks/${task.id}/schedule`, { scheduled_for: first })).status).toBe(200);
		const notices = await visitNotices(task.id);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ follow_up_key: `service_requests:${task.id}:visit_notice:${new Date(first).toISOString()}`, status: 'planned', customer });
		expect(Date.parse(notices[0].due_until)).toBe(Date.parse(first));
		const told = await staffNotices(techDept, task.id);
		expect(told).toHaveLength(1);
		expect(told[0].subject).toContain(`#${task.id}`);

		expect((await post(d, `/after-sales/dealer/tasks/${task.id}/schedule`, { scheduled_for: first })).status).toBe(200);
		expect(await visitNotices(task.id)).toHaveLength(1);
		expect(await staffNotices(techDept, task.id)).toHaveLength(1);

		const second = inDays(2);
		expect((await post(d, `/after-sales/dealer/tasks/${task.id}/schedule`, { scheduled_for: second, note: '客户改约' })).status).toBe(200);
		const after = await visitNotices(task.id);
		expect(after.map((n) => n.status)).toEqual(['cancelled', 'planned']);
		expect(Date.parse(after[1].due_until)).toBe(Date.parse(second));
		expect(await staffNotices(techDept, task.id)).toHaveLength(2);
	});

	test('DLR-2: when the desk moves the planned visit in the Studio, then the customer and the technical dept are told of the new time', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const visit = inDays(3);
		expect((await patch(admin, `/items/service_requests/${task.id}`, { scheduled_for: visit })).status).toBe(200);
		const notices = await waitFor('the visit notice', async () => ((await visitNotices(task.id)).length ? visitNotices(task.id) : null));
		expect(notices).toHaveLength(1);
		expect(Date.parse(notices[0].due_until)).toBe(Date.parse(visit));
		expect(await waitFor('the technical dept notice', async () => ((await staffNotices(techDept, task.id)).length ? staffNotices(techDept, task.id) : null))).toHaveLength(1);
	});

	test('DLR-2: when the technical department records a clerk check, then it is a 403 and nothing is stamped', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const res = await post(tech, `/after-sales/dealer-tasks/${task.id}/clerk-check`, { result: 'in_hand' });
		expect(res.status).toBe(403);
		expect(JSON.stringify(res.body)).toContain('DLR-2');
		expect((await request(task.id, 'clerk_checked_at')).clerk_checked_at).toBeNull();
	});
});

describe('dealers may not push warranty customers back (DLR-2)', () => {
	test.each([
		['clears the dealer', async () => ({ dealer: null })],
		['passes the task to another dealer', async () => ({ dealer: (await dealerOf('dealer2@example.com')).dealer })],
	])('DLR-2: when a dealer user %s through the items API, then it is refused naming DLR-2 and the task stays with the dealer', async (_label, change) => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const d = await dealerUser(1);
		const res = await patch(d, `/items/service_requests/${task.id}`, await change());
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ rule: 'DLR-2', field: 'dealer' });
		expect((await request(task.id, 'dealer')).dealer).toBe(dealer1.dealer);
	});

	test('DLR-2: when a dealer user clears the dealer through GraphQL, then it is refused and the task stays with the dealer', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const d = await dealerUser(1);
		const res = await d.call('/graphql', { method: 'POST', body: json({ query: `mutation { update_service_requests_item(id: ${task.id}, data: { dealer: null }) { id } }` }) });
		expect(res.body.errors?.length ?? 0).toBeGreaterThan(0);
		expect((await request(task.id, 'dealer')).dealer).toBe(dealer1.dealer);
	});

	test('DLR-2: when the service desk reassigns a dealer task, then it goes through', async () => {
		const task = await createTask(dealer1.dealer, hoursAgo(0.5));
		const other = await dealerOf('dealer2@example.com');
		const res = await patch(await agent(), `/items/service_requests/${task.id}`, { dealer: other.dealer });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect((await request(task.id, 'dealer')).dealer).toBe(other.dealer);
	});
});

describe('a dealer rating changes things (DLR-4)', () => {
	const MONTH = '2025-03';

	/** A month in which every task of the dealer was scheduled late (never): schedule compliance 0 %, grade C. */
	async function badMonth(dealer: number) {
		for (const day of [3, 10]) await createTask(dealer, inMonth(MONTH, day), false);
	}

	test('DLR-4: when a dealer falls below its tier\'s bar, then the review stores a proposal and tells the service managers once per period', async () => {
		const id = await createDealer(`${tag}A`, 'A', 'active');
		await badMonth(id);
		const m = await manager();
		const res = await post(m, `/after-sales/dealers/${id}/rating-review`, { at: MONTH });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ dealer: id, period: MONTH, proposed: true });
		const stored = await dealerRow(id);
		expect(stored.tier).toBe('A');
		expect(stored.rating_proposal).toMatchObject({ kind: 'demotion', from_tier: 'A', proposed_tier: 'C', proposed_status: 'probation', grade: 'C', period: MONTH });
		expect(stored.rating_proposal.reasons.length).toBeGreaterThan(0);
		const managerId = await userId(manager());
		const notices = async () => (await admin.call(`/notifications?filter[recipient][_eq]=${managerId}&filter[collection][_eq]=dealers&filter[item][_eq]=${id}&limit=-1`)).body.data as any[];
		expect(await notices()).toHaveLength(1);
		// NTF-1: the zh-CN manager reads tiers and standings by their labels, not their codes.
		expect((await notices())[0].message).toContain('A 级 · 正常 → C 级 · 考察期');

		const again = await post(m, `/after-sales/dealers/${id}/rating-review`, { at: MONTH });
		expect(again.body.data.proposed).toBe(false);
		expect(await notices()).toHaveLength(1);
	});

	test('DLR-4: when a manager approves in the Studio, then tier and status change, the proposal is cleared and the history says who, from → to and the score', async () => {
		const id = await createDealer(`${tag}B`, 'B', 'active');
		await badMonth(id);
		const m = await manager();
		expect((await post(m, `/after-sales/dealers/${id}/rating-review`, { at: MONTH })).body.data.proposed).toBe(true);
		const res = await patch(m, `/items/dealers/${id}`, { rating_decision: 'approve', rating_decision_note: '同意降级观察' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const stored = await dealerRow(id);
		expect(stored).toMatchObject({ tier: 'C', status: 'probation', rating_proposal: null, rating_decision: null });
		expect(stored.rating_history).toEqual([expect.objectContaining({ by: await userId(manager()), from: 'B · active', to: 'C · probation', decision: 'approve', period: MONTH, note: '同意降级观察' })]);
		expect(typeof stored.rating_history[0].score).toBe('number');
	});

	test('DLR-4: when a suspension is approved by the endpoint, then DLR-1 stops the dealer logging warranty repairs', async () => {
		const id = await createDealer(`${tag}C`, 'C', 'probation');
		await badMonth(id);
		const m = await manager();
		expect((await post(m, `/after-sales/dealers/${id}/rating-review`, { at: MONTH })).body.data.rating_proposal).toMatchObject({ proposed_status: 'suspended' });
		const res = await post(m, `/after-sales/dealers/${id}/rating-proposal/approve`);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ status: 'suspended', rating_proposal: null });
		const repair = await post(admin, '/items/repair_records', { unit, dealer: id, status: 'in_progress', fault_category: 'hydraulic', fault_description: `${tag} 液压泵异响`, received_at: hoursAgo(1) });
		expect(repair.status).toBe(403);
		expect(JSON.stringify(repair.body)).toContain('DLR-1');
	});

	test('DLR-4: when a manager dismisses, then a note is required, the tier stays, and the same period is not proposed again', async () => {
		const id = await createDealer(`${tag}D`, 'A', 'active');
		await badMonth(id);
		const m = await manager();
		await post(m, `/after-sales/dealers/${id}/rating-review`, { at: MONTH });
		const bare = await post(m, `/after-sales/dealers/${id}/rating-proposal/dismiss`);
		expect(bare.status).toBe(400);
		expect(bare.body.errors[0].extensions).toMatchObject({ rule: 'DLR-4', field: 'rating_decision_note' });
		const studio = await patch(m, `/items/dealers/${id}`, { rating_decision: 'dismiss' });
		expect(studio.status).toBe(400);
		expect(studio.body.errors[0].extensions).toMatchObject({ rule: 'DLR-4', field: 'rating_decision_note' });

		const res = await post(m, `/after-sales/dealers/${id}/rating-proposal/dismiss`, { note: '三月为系统切换期，数据不完整' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ tier: 'A', status: 'active', rating_proposal: null });
		expect(res.body.data.rating_history.at(-1)).toMatchObject({ decision: 'dismiss', note: '三月为系统切换期，数据不完整' });
		expect((await post(m, `/after-sales/dealers/${id}/rating-review`, { at: MONTH })).body.data.proposed).toBe(false);
		expect((await dealerRow(id)).rating_proposal).toBeNull();
	});

	test('DLR-4: when someone who is not a service manager or admin decides or reviews, then it is a 403 naming DLR-4 and nothing changes', async () => {
		const id = await createDealer(`${tag}E`, 'A', 'active');
		await badMonth(id);
		await post(await manager(), `/after-sales/dealers/${id}/rating-review`, { at: MONTH });
		const clerk = await agent();
		const res = await post(clerk, `/after-sales/dealers/${id}/rating-proposal/approve`);
		expect(res.status).toBe(403);
		expect(JSON.stringify(res.body)).toContain('DLR-4');
		expect((await post(clerk, `/after-sales/dealers/${id}/rating-review`, { at: MONTH })).status).toBe(403);
		expect((await post(await dealerUser(1), `/after-sales/dealers/${id}/rating-proposal/dismiss`, { note: 'x' })).status).toBe(403);
		const stored = await dealerRow(id);
		expect(stored.tier).toBe('A');
		expect(stored.rating_proposal).not.toBeNull();
	});

	test('DLR-4: when a manager demotes a dealer by hand (fraud), then it takes effect and the rating history logs it; the proposal fields cannot be written by hand', async () => {
		const id = await createDealer(`${tag}F`, 'A', 'active');
		const m = await manager();
		const res = await patch(m, `/items/dealers/${id}`, { status: 'suspended', rating_decision_note: '虚报三包索赔', rating_proposal: { proposed_tier: 'A' }, rating_history: [] });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const stored = await dealerRow(id);
		expect(stored).toMatchObject({ status: 'suspended', rating_proposal: null });
		expect(stored.rating_history).toEqual([expect.objectContaining({ decision: 'manual', from: 'A · active', to: 'A · suspended', note: '虚报三包索赔' })]);
	});

	test.each([
		['a month that is not YYYY-MM', { at: '2025-13' }, 'at'],
		['an unknown field', { period: 'month' }, 'period'],
	])('DLR-4: when the review request has %s, then it is a 400 naming the field', async (_label, body, field) => {
		const id = await createDealer(`${tag}G${field}`, 'B', 'active');
		const res = await post(await manager(), `/after-sales/dealers/${id}/rating-review`, body);
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.field).toBe(field);
	});
});
