// REQ-1..3, NTF-1..3 on a real Directus: the service-request workflow on the items API (the
// Studio's path), dispatch to a technician who is told at once — in the portal inbox and by a
// group robot @-mentioning their mobile — and the technician's day on the pack's endpoints:
// accept, check in, wait for parts (the clocks pause), resolve. Bad steps are 4xx naming the
// field and the rule, and write nothing.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, login, loginAdmin } from './helpers';
import { freePort } from './setup/global-setup';
import { agent, sweep, waitFor, waitForTimers } from './sla-helpers';
import { createUnit, DEMO_PASSWORD } from './warranty-fixtures';

type Hit = { path: string; key: string | null; body: any };
const hits: Hit[] = [];
let sink: Server;
let admin: Awaited<ReturnType<typeof loginAdmin>>;
let desk: Awaited<ReturnType<typeof agent>>;
let tech1: Awaited<ReturnType<typeof login>>;
let tech2: Awaited<ReturnType<typeof login>>;
let tech1Id = '';
let customer = 0;
let unitId = 0;
const TECH1_MOBILE = '13912345678';

const post = (who: { call: (p: string, i?: RequestInit) => Promise<any> }, path: string, body: unknown) => who.call(path, { method: 'POST', body: json(body) });
const patch = (who: { call: (p: string, i?: RequestInit) => Promise<any> }, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });
const row = async (id: number) => (await admin.call(`/items/service_requests/${id}`)).body.data;
const error = (res: { body: any }) => res.body.errors?.[0]?.extensions ?? {};

async function register(extra: Record<string, unknown> = {}) {
	const res = await post(desk, '/items/service_requests', { type: 'repair', channel: 'phone', customer, unit: unitId, problem: '液压油管渗漏', received_at: new Date(Date.now() - 60_000).toISOString(), ...extra });
	expect(res.status, JSON.stringify(res.body)).toBe(200);
	return res.body.data as Record<string, any>;
}

beforeAll(async () => {
	admin = await loginAdmin();
	desk = await agent();
	tech1 = await login('tech1@example.com', DEMO_PASSWORD);
	tech2 = await login('tech2@example.com', DEMO_PASSWORD);
	tech1Id = (await admin.call('/users?filter[email][_eq]=tech1@example.com&fields=id')).body.data[0].id;
	expect((await patch(admin, `/users/${tech1Id}`, { mobile: TECH1_MOBILE })).status).toBe(200);
	customer = (await admin.call('/items/customers?limit=1&sort=id&fields=id')).body.data[0].id;
	unitId = (await createUnit('D001', 40, 10)).id;

	const port = await freePort();
	sink = createServer((req, res) => {
		let text = '';
		req.on('data', (c) => (text += c));
		req.on('end', () => {
			hits.push({ path: req.url ?? '', key: (req.headers['x-idempotency-key'] as string | undefined) ?? null, body: JSON.parse(text || 'null') });
			res.setHeader('content-type', 'application/json');
			res.end('{"errcode":0,"errmsg":"ok"}');
		});
	});
	await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', () => resolve()));
	const settings = await patch(admin, '/items/service_settings', {
		notification_channels: { in_app: true, email: false, webhooks: [{ name: 'field-team', url: `http://127.0.0.1:${port}/dingtalk?access_token=t`, format: 'dingtalk', events: ['assignment', 'reassignment', 'dealer_task'] }] },
	});
	expect(settings.status, JSON.stringify(settings.body)).toBe(200);
});

afterAll(async () => {
	await patch(admin, '/items/service_settings', { notification_channels: { in_app: true, email: false, webhooks: [] } });
	await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe('REQ-1..3: the service-request workflow on the items API', () => {
	test('REQ-1: when an agent registers a call, then the agent is its recorder and the history starts', async () => {
		const me = (await desk.call('/users/me?fields=id')).body.data.id;
		const created = await register();
		expect(created).toMatchObject({ status: 'new', recorder: me });
		expect(created.history).toHaveLength(1);
		expect(created.history[0]).toMatchObject({ by: me, from: null, to: 'new' });
	});

	test.each([
		['a state reached only through the workflow', { status: 'resolved' }, 'status', 'REQ-1'],
		['an unknown status', { status: 'done' }, 'status', 'REQ-1'],
		['a dispatch without technician or dealer', { status: 'dispatched' }, 'assignee', 'REQ-3'],
	])('REQ-1: when a call is registered with %s, then it is a 400 naming %s and nothing is written', async (_label, extra, field, rule) => {
		const before = (await admin.call('/items/service_requests?aggregate[count]=id')).body.data[0].count.id;
		const res = await post(desk, '/items/service_requests', { type: 'repair', channel: 'phone', customer, problem: 'x', received_at: new Date().toISOString(), ...extra });
		expect(res.status).toBe(400);
		expect(error(res)).toMatchObject({ field, rule });
		expect((await admin.call('/items/service_requests?aggregate[count]=id')).body.data[0].count.id).toBe(before);
	});

	test('REQ-2: when the desk answers a call, then the first response is stamped; closing it from new is refused naming the next steps', async () => {
		const created = await register();
		const skip = await patch(desk, `/items/service_requests/${created.id}`, { status: 'closed' });
		expect(skip.status).toBe(400);
		expect(error(skip)).toMatchObject({ field: 'status', rule: 'REQ-2' });
		expect(skip.body.errors[0].extensions.reason).toContain('answered');
		const answered = await patch(desk, `/items/service_requests/${created.id}`, { status: 'answered' });
		expect(answered.status, JSON.stringify(answered.body)).toBe(200);
		expect(answered.body.data.first_response_at).toBeTruthy();
		expect(answered.body.data.history.at(-1)).toMatchObject({ from: 'new', to: 'answered' });
		expect((await patch(desk, `/items/service_requests/${created.id}`, { status: 'closed' })).status).toBe(200);
		const reopen = await patch(desk, `/items/service_requests/${created.id}`, { status: 'new' });
		expect(reopen.status).toBe(400);
		expect(error(reopen)).toMatchObject({ field: 'status' });
	});

	test('REQ-2: when a request reported to the engineering manager is dispatched, then the plan must be written and its telling is stamped', async () => {
		const created = await register();
		expect((await patch(desk, `/items/service_requests/${created.id}`, { status: 'reported' })).status).toBe(200);
		const noPlan = await patch(desk, `/items/service_requests/${created.id}`, { status: 'answered' });
		expect(noPlan.status).toBe(400);
		expect(error(noPlan)).toMatchObject({ field: 'plan', rule: 'REQ-2' });
		const told = await patch(desk, `/items/service_requests/${created.id}`, { status: 'answered', plan: '更换液压油管，明日上门' });
		expect(told.status, JSON.stringify(told.body)).toBe(200);
		expect(told.body.data.plan_told_at).toBeTruthy();
	});

	test('REQ-1: when a request is cancelled without a reason, then it is a 400 naming cancel_reason; with one it is cancelled', async () => {
		const created = await register();
		const bare = await patch(desk, `/items/service_requests/${created.id}`, { status: 'cancelled' });
		expect(bare.status).toBe(400);
		expect(error(bare)).toMatchObject({ field: 'cancel_reason', rule: 'REQ-1' });
		expect((await row(created.id)).status).toBe('new');
		const done = await patch(desk, `/items/service_requests/${created.id}`, { status: 'cancelled', cancel_reason: '客户自行解决' });
		expect(done.status).toBe(200);
	});

	test('REQ-1: when a client sends the history, then its value is ignored and the workflow writes its own', async () => {
		const created = await register({ history: [{ at: '2020-01-01T00:00:00Z', by: null, from: null, to: 'closed', summary: 'forged' }] });
		expect(created.history).toHaveLength(1);
		expect(created.history[0].summary).not.toBe('forged');
	});
});

describe('NTF-1..3 and the technician’s day', () => {
	test('NTF-1, NTF-2: when the desk dispatches a call to tech1, then tech1 has an unread notice about it and the robot @-mentions tech1’s mobile', async () => {
		const created = await register();
		const before = (await tech1.call('/after-sales/me/notifications?unread=1')).body.data;
		const dispatched = await patch(desk, `/items/service_requests/${created.id}`, { status: 'dispatched', assignee: tech1Id });
		expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
		expect(dispatched.body.data).toMatchObject({ status: 'dispatched', assignee: tech1Id });
		expect(dispatched.body.data.dispatched_at).toBeTruthy();

		const inbox = await waitFor('the in-app notice', async () => {
			const data = (await tech1.call('/after-sales/me/notifications?unread=1')).body.data;
			return data.notifications.some((n: any) => n.collection === 'service_requests' && String(n.item) === String(created.id)) ? data : null;
		});
		expect(inbox.unread).toBe(before.unread + 1);
		const notice = inbox.notifications.find((n: any) => String(n.item) === String(created.id));
		expect(notice.subject).toContain(`#${created.id}`);
		expect(notice.message).toContain('液压油管渗漏');

		const hit = await waitFor('the robot message', async () => hits.find((h) => JSON.stringify(h.body).includes(`#${created.id}`)));
		expect(hit.body.at.atMobiles).toEqual([TECH1_MOBILE]);
		expect(hit.body.markdown.text).toContain(`@${TECH1_MOBILE}`);
		expect(hit.key).toBeTruthy();

		// NTF-3: a sweep (which retries what is owed) sends nothing again.
		expect((await sweep()).status).toBe(200);
		const after = (await tech1.call('/after-sales/me/notifications')).body.data.notifications.filter((n: any) => String(n.item) === String(created.id));
		expect(after).toHaveLength(1);
		expect(hits.filter((h) => JSON.stringify(h.body).includes(`#${created.id}`))).toHaveLength(1);

		// NTF-2: reading it takes one off the badge (the sweep may have told tech1 of demo escalations meanwhile).
		const unread = (await tech1.call('/after-sales/me/notifications?unread=1')).body.data;
		const read = await post(tech1, `/after-sales/me/notifications/${notice.id}/read`, {});
		expect(read.status).toBe(200);
		const left = (await tech1.call('/after-sales/me/notifications?unread=1')).body.data;
		expect(left.unread).toBe(unread.unread - 1);
		expect(left.notifications.map((n: any) => n.id)).not.toContain(notice.id);
		expect((await post(tech2, `/after-sales/me/notifications/${notice.id}/read`, {})).status).toBe(403);
	});

	test('REQ-3: when tech1 accepts, checks in, waits for parts and resolves, then each step is stamped and recorded; tech2 may do none of it', async () => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const id = created.id;
		// The milestones are synced right after the write's commit.
		await waitForTimers('service_requests', id);
		const list = (await tech1.call('/after-sales/technician/requests')).body.data;
		const job = list.find((r: any) => r.id === id);
		expect(job).toMatchObject({ status: 'dispatched', problem: '液压油管渗漏' });
		expect(job.customer_name).toBeTruthy();
		expect(job.next_deadline).toMatchObject({ due_at: expect.any(String), minutes_left: expect.any(Number) });

		expect((await post(tech2, `/after-sales/technician/requests/${id}/accept`, {})).status).toBe(403);
		const accepted = await post(tech1, `/after-sales/technician/requests/${id}/accept`, { scheduled_for: new Date(Date.now() + 3_600_000).toISOString() });
		expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
		expect(accepted.body.data).toMatchObject({ from: 'dispatched', to: 'scheduled' });
		expect((await row(id)).accepted_at).toBeTruthy();

		const arrived = await post(tech1, `/after-sales/technician/requests/${id}/arrive`, { location: '山东省潍坊市奎文区 工地北门' });
		expect(arrived.status, JSON.stringify(arrived.body)).toBe(200);
		expect(await row(id)).toMatchObject({ status: 'on_site', arrival_location: '山东省潍坊市奎文区 工地北门' });

		const waiting = await post(tech1, `/after-sales/technician/requests/${id}/status`, { status: 'waiting_parts', note: '等油管到货' });
		expect(waiting.status, JSON.stringify(waiting.body)).toBe(200);
		expect(waiting.body.data.timers.filter((t: any) => t.state !== 'fulfilled').every((t: any) => t.state === 'paused')).toBe(true);

		const bad = await post(tech1, `/after-sales/technician/requests/${id}/status`, { status: 'closed' });
		expect(bad.status).toBe(400);
		expect(error(bad)).toMatchObject({ field: 'status', rule: 'REQ-3' });

		const resolved = await post(tech1, `/after-sales/technician/requests/${id}/status`, { status: 'resolved', note: '已更换油管，试机正常' });
		expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
		const done = await row(id);
		expect(done.status).toBe('resolved');
		expect(done.resolved_at).toBeTruthy();
		expect(done.history.map((h: any) => h.to)).toEqual(['dispatched', 'scheduled', 'on_site', 'waiting_parts', 'resolved']);
		expect(done.history.at(-1)).toMatchObject({ by: tech1Id, note: '已更换油管，试机正常' });

		// A resolved job is off the technician's list; the desk closes it; a check-in on a closed job is refused.
		expect((await tech1.call('/after-sales/technician/requests')).body.data.map((r: any) => r.id)).not.toContain(id);
		expect((await patch(desk, `/items/service_requests/${id}`, { status: 'closed' })).status).toBe(200);
		const late = await post(tech1, `/after-sales/technician/requests/${id}/arrive`, {});
		expect(late.status).toBe(400);
		expect(error(late)).toMatchObject({ field: 'status' });
		expect((await row(id)).status).toBe('closed');
	});

	test('NTF-1: when the desk reassigns a job to tech2, then tech2 is told it was reassigned', async () => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const tech2Id = (await admin.call('/users?filter[email][_eq]=tech2@example.com&fields=id')).body.data[0].id;
		expect((await patch(desk, `/items/service_requests/${created.id}`, { assignee: tech2Id })).status).toBe(200);
		const notice = await waitFor('the reassignment notice', async () => (await tech2.call('/after-sales/me/notifications?unread=1')).body.data.notifications.find((n: any) => String(n.item) === String(created.id)));
		expect(notice.subject).toContain('改派');
	});

	test.each([
		['en-US', /^New job assigned to you #\d+$/, 'Customer: ', /[\u4e00-\u9fff]{2,}：/],
		['zh-CN', /^新派工单 #\d+$/, '客户：', /Customer|Phone|Due/],
	] as const)('NTF-1: when the desk dispatches a call to a technician whose Directus language is %s, then the notice is in that language only', async (language, subject, customerLine, foreign) => {
		const email = `notice-${language.toLowerCase()}-${Date.now().toString(36)}@example.com`;
		const created = await admin.call('/users', { method: 'POST', body: json({ email, password: 'notice-language-pw', role: 'a5a1e5a1-0000-4000-8000-000000000007', status: 'active', language }) });
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		const tech = await login(email, 'notice-language-pw');
		const request = await register();
		expect((await patch(desk, `/items/service_requests/${request.id}`, { status: 'dispatched', assignee: created.body.data.id })).status).toBe(200);
		const notice = await waitFor('the notice', async () => (await tech.call('/after-sales/me/notifications')).body.data.notifications.find((n: any) => String(n.item) === String(request.id)));
		expect(notice.subject).toMatch(subject);
		expect(notice.message).toContain(customerLine);
		expect(notice.message).toContain('液压油管渗漏');
		expect(`${notice.subject}\n${notice.message}`).not.toMatch(foreign);
		expect(`${notice.subject}\n${notice.message}`).not.toContain(' / ');
		await admin.call(`/users/${created.body.data.id}`, { method: 'DELETE' });
	});

	test.each([
		['an unknown field', { status: 'on_site', when: 'now' }, 'when'],
		['a status the technician does not set', { status: 'cancelled' }, 'status'],
		['a note of the wrong type', { status: 'on_site', note: 5 }, 'note'],
	])('REQ-3: when a technician sends %s, then it is a 400 naming %s', async (_label, body, field) => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const res = await post(tech1, `/after-sales/technician/requests/${created.id}/status`, body);
		expect(res.status).toBe(400);
		expect(error(res).field).toBe(field);
		expect((await row(created.id)).status).toBe('dispatched');
	});

	test('REQ-3: when a technician tries to reassign a job through the items API, then it is refused', async () => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const res = await patch(tech1, `/items/service_requests/${created.id}`, { assignee: null });
		expect([400, 403]).toContain(res.status);
		expect((await row(created.id)).assignee).toBe(tech1Id);
	});
});

describe('REQ-4, REQ-5: a paid repair order stays within its quote plus the work the customer consented to', () => {
	test('REQ-4: when a completed paid repair is charged above its quote, then it is refused until the customer’s consent to the difference is recorded', async () => {
		const old = await createUnit('D001', 2000, 10);
		const created = await post(desk, '/items/repair_records', {
			unit: old.id, fault_category: 'hydraulic', fault_description: '油缸漏油', status: 'in_progress', received_at: new Date(Date.now() - 3_600_000).toISOString(),
			quote_amount: '300.00', labour_cost: '200.00', travel_cost: '50.00',
		});
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		expect(created.body.data.coverage).toBe('paid');
		const id = created.body.data.id;
		const done = await patch(desk, `/items/repair_records/${id}`, { status: 'completed', completed_at: new Date().toISOString() });
		expect(done.status, JSON.stringify(done.body)).toBe(200);

		const over = await patch(desk, `/items/repair_records/${id}`, { labour_cost: '400.00' });
		expect(over.status).toBe(400);
		expect(error(over)).toMatchObject({ field: 'extra_work', rule: 'REQ-4' });
		expect(Number((await admin.call(`/items/repair_records/${id}?fields=labour_cost`)).body.data.labour_cost)).toBe(200);

		const nobody = await patch(desk, `/items/repair_records/${id}`, { labour_cost: '400.00', extra_work: [{ description: '更换密封件', amount: '150.00', consented_at: new Date().toISOString() }] });
		expect(nobody.status).toBe(400);
		expect(error(nobody)).toMatchObject({ field: 'extra_work.0.consented_by', rule: 'REQ-5' });

		const consented = await patch(desk, `/items/repair_records/${id}`, { labour_cost: '400.00', extra_work: [{ description: '更换密封件', amount: '150.00', consented_by: '王建国（电话同意）', consented_at: new Date().toISOString() }] });
		expect(consented.status, JSON.stringify(consented.body)).toBe(200);
	});
});
