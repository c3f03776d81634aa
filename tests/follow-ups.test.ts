// FUP-1..3, FUP-6, NTF-1, RPT-1 on a real Directus: follow-ups appear when a request is dispatched
// and resolved (and a repair completed), each exactly once; the agents' call list shows them;
// a call is logged; the customer answers the survey through a signed single-use link without an
// account; a low score opens a task and tells the technician and the managers; the sweep marks
// what was missed; the dealer report counts the survey's score. Refusals write nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { computeSurveyToken } from '../extensions/after-sales/src/domain/follow-ups';
import { baseUrl, call, json, login, loginAdmin } from './helpers';
import { closeTestDb, testDb } from './reports-db';
import { agent, manager, sweep, waitFor } from './sla-helpers';
import { DEMO_PASSWORD } from './warranty-fixtures';
import { followUpRequests, patch, post, shanghaiDate, type Who } from './follow-up-kit';

/** The test server's Directus SECRET (tests/setup/directus-env.ts): the survey links are signed with it. */
const SECRET = 'after-sales-test-secret-0123456789abcdef';
const tag = `F${Date.now().toString(36).toUpperCase()}`;
const HOUR = 3_600_000;

let admin: Who;
let desk: Who;
let boss: Who;
let tech1: Who;
let tech1Id = '';
let customer = 0;
let unitId = 0;
let dealer = 0;
let dealerCode = '';
let productId = 0;

const error = (res: { body: any }) => res.body?.errors?.[0]?.extensions ?? {};
const surveyPath = (url: string) => new URL(url).pathname;

const { followUpsOf, ofRequest, waitForKinds, register, resolvedRequest } = followUpRequests(() => ({ admin, desk, tech1, tech1Id, customer, unitId, tag }));
const row = async (id: number) => (await admin.call(`/items/follow_ups/${id}?fields=*`)).body.data;

/** A fingerprint of what a refused survey answer must not touch. */
async function surveyState(id: number) {
	const f = await row(id);
	const tasks = (await followUpsOf(`filter[customer][_eq]=${customer}`)).length;
	const notices = Number((await testDb()('directus_notifications').where({ collection: 'follow_ups' }).count({ n: '*' }))[0]!.n);
	return JSON.stringify({ status: f.status, satisfaction: f.satisfaction, notes: f.notes, done_at: f.done_at, channel: f.channel, tasks, notices });
}

beforeAll(async () => {
	admin = await loginAdmin();
	desk = await agent();
	boss = await manager();
	tech1 = await login('tech1@example.com', DEMO_PASSWORD);
	tech1Id = (await admin.call('/users?filter[email][_eq]=tech1@example.com&fields=id')).body.data[0].id;
	dealerCode = tag;
	dealer = (await post(admin, '/items/dealers', { code: dealerCode, name: `回访测试经销商 ${tag}`, tier: 'B', status: 'active', region: '测试' })).body.data.id;
	const created = await post(admin, '/items/customers', { name: `回访测试客户 ${tag}`, type: 'company', phone: '13700001111', contact_person: '王经理', dealer });
	expect(created.status, JSON.stringify(created.body)).toBe(200);
	customer = created.body.data.id;
	productId = (await admin.call('/items/products?limit=1&sort=id&fields=id')).body.data[0].id;
	const unit = await post(admin, '/items/units', { serial_no: `${tag}-U1`, product: productId, customer, dealer, sold_on: '2026-01-10', card_received_on: '2026-01-15' });
	expect(unit.status, JSON.stringify(unit.body)).toBe(200);
	unitId = unit.body.data.id;
}, 120_000);

afterAll(async () => {
	await closeTestDb();
});

describe('FUP-1..3: follow-ups created by the rules, exactly once', () => {
	test('FUP-1, FUP-2: when the desk dispatches a request, then a first call is due 2 h later and a second call between day 7 and day 14, once each however often it is re-dispatched', async () => {
		const created = await register();
		const dispatched = await patch(desk, `/items/service_requests/${created.id}`, { status: 'dispatched', assignee: tech1Id });
		expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
		const at = new Date(dispatched.body.data.dispatched_at);
		const rows = await waitForKinds(created.id, ['first_call', 'second_call']);
		const first = rows.find((r) => r.kind === 'first_call');
		const second = rows.find((r) => r.kind === 'second_call');
		expect(first).toMatchObject({ status: 'planned', customer, service_request: created.id });
		expect(new Date(first.due_at).getTime()).toBe(at.getTime() + 2 * HOUR);
		const firstDay = shanghaiDate(new Date(at.getTime() + 2 * HOUR));
		expect(shanghaiDate(new Date(second.due_at))).toBe(shanghaiDate(new Date(Date.parse(`${firstDay}T12:00:00+08:00`) + 7 * 24 * HOUR)));
		expect(shanghaiDate(new Date(second.due_until))).toBe(shanghaiDate(new Date(Date.parse(`${firstDay}T12:00:00+08:00`) + 14 * 24 * HOUR)));
		expect(first.survey_url).toBeNull();

		// Taken back and dispatched again, and a sweep: still one of each.
		expect((await post(tech1, `/after-sales/technician/requests/${created.id}/accept`, {})).status).toBe(200);
		expect((await patch(desk, `/items/service_requests/${created.id}`, { status: 'dispatched' })).status).toBe(200);
		expect((await sweep()).status).toBe(200);
		await new Promise((r) => setTimeout(r, 300));
		const after = await ofRequest(created.id);
		expect(after.map((r) => r.kind).sort()).toEqual(['first_call', 'second_call']);
	});

	test('FUP-1: when a request is registered dispatched at once, then its first call is planned too', async () => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const rows = await waitForKinds(created.id, ['first_call', 'second_call']);
		expect(rows).toHaveLength(2);
	});

	test('FUP-3, FUP-6: when the technician resolves the job, then one satisfaction call with a signed survey link is due from the next working time; completing its repair adds none', async () => {
		const { request, call: satisfaction } = await resolvedRequest();
		expect(satisfaction).toMatchObject({ status: 'planned', customer, service_request: request.id });
		expect(satisfaction.survey_url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/after-sales/survey/${satisfaction.id}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));
		expect(new Date(satisfaction.due_at).getTime()).toBeGreaterThan(Date.now());
		expect(new Date(satisfaction.due_until).getTime()).toBeGreaterThan(new Date(satisfaction.due_at).getTime());

		const repair = await post(admin, '/items/repair_records', {
			unit: unitId, service_request: request.id, status: 'completed', fault_category: 'hydraulic', fault_description: `${tag} 液压泵`, coverage: 'warranty',
			received_at: new Date(Date.now() - 2 * HOUR).toISOString(), completed_at: new Date(Date.now() - 60_000).toISOString(), labour_cost: '0.00', travel_cost: '0.00',
		});
		expect(repair.status, JSON.stringify(repair.body)).toBe(200);
		const linked = await waitFor('the repair linked to the satisfaction call', async () => ((await row(satisfaction.id)).repair_record === repair.body.data.id ? true : null));
		expect(linked).toBe(true);
		const calls = (await ofRequest(request.id)).filter((r) => r.kind === 'satisfaction_call');
		expect(calls).toHaveLength(1);
	});

	test('FUP-3: when a repair without a request is completed, then it gets its own satisfaction call, once', async () => {
		const repair = await post(admin, '/items/repair_records', {
			unit: unitId, dealer, status: 'in_progress', fault_category: 'engine', fault_description: `${tag} 发动机`, coverage: 'warranty',
			received_at: new Date(Date.now() - 3 * HOUR).toISOString(), labour_cost: '0.00', travel_cost: '0.00',
		});
		expect(repair.status, JSON.stringify(repair.body)).toBe(200);
		const id = repair.body.data.id;
		expect((await followUpsOf(`filter[repair_record][_eq]=${id}`))).toHaveLength(0);
		expect((await patch(admin, `/items/repair_records/${id}`, { status: 'completed', completed_at: new Date(Date.now() - 60_000).toISOString() })).status).toBe(200);
		const rows = await waitFor('the repair’s satisfaction call', async () => {
			const found = await followUpsOf(`filter[repair_record][_eq]=${id}`);
			return found.length ? found : null;
		});
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ kind: 'satisfaction_call', service_request: null, customer });
		expect((await patch(admin, `/items/repair_records/${id}`, { status: 'completed', work_done: '更换喷油嘴' })).status).toBe(200);
		await new Promise((r) => setTimeout(r, 300));
		expect(await followUpsOf(`filter[repair_record][_eq]=${id}`)).toHaveLength(1);
	});

	test('INT-3: when a client sends follow_up_key or survey_url, then it is a 400 naming the field and nothing is written', async () => {
		for (const field of ['follow_up_key', 'survey_url']) {
			const before = (await followUpsOf(`filter[customer][_eq]=${customer}`)).length;
			const res = await post(desk, '/items/follow_ups', { kind: 'first_call', customer, due_at: new Date().toISOString(), [field]: 'service_requests:1:first_call' });
			expect(res.status).toBe(400);
			expect(error(res)).toMatchObject({ field, rule: 'INT-3' });
			expect((await followUpsOf(`filter[customer][_eq]=${customer}`)).length).toBe(before);
		}
	});
});

describe('FUP-1..3: the agents’ call list and call log', () => {
	test('FUP-1: when an agent opens the call list for the first call’s day, then it shows it with customer name and phone, the request and the kind label; the second call shows on its own day', async () => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const rows = await waitForKinds(created.id, ['first_call', 'second_call']);
		const first = rows.find((r) => r.kind === 'first_call');
		const second = rows.find((r) => r.kind === 'second_call');
		const day = shanghaiDate(new Date(first.due_at));
		const list = await desk.call(`/after-sales/follow-ups/due?date=${day}`);
		expect(list.status, JSON.stringify(list.body)).toBe(200);
		expect(list.body.data).toMatchObject({ date: day, time_zone: 'Asia/Shanghai' });
		const item = list.body.data.follow_ups.find((f: any) => f.id === first.id);
		expect(item).toMatchObject({
			kind: 'first_call', kind_label: { zh: '派工后首次回访', en: 'First call after dispatch' }, status: 'planned', overdue: false,
			customer: { id: customer, name: `回访测试客户 ${tag}`, phone: '13700001111', contact_person: '王经理' },
			service_request: { id: created.id, problem: `${tag} 液压泵异响` },
		});
		expect(list.body.data.follow_ups.map((f: any) => f.id)).not.toContain(second.id);
		const later = await desk.call(`/after-sales/follow-ups/due?date=${shanghaiDate(new Date(second.due_at))}`);
		const overdueFirst = later.body.data.follow_ups.find((f: any) => f.id === first.id);
		expect(overdueFirst).toMatchObject({ overdue: true });
		expect(later.body.data.follow_ups.map((f: any) => f.id)).toContain(second.id);
	});

	test.each([
		['an impossible date', '?date=2026-11-31', 'date', 'INT-2'],
		['an unknown parameter', '?day=2026-11-02', 'day', 'FUP-3'],
	])('FUP-3: when the call list is asked with %s, then it is a 400 naming %s', async (_label, query, field, rule) => {
		const res = await desk.call(`/after-sales/follow-ups/due${query}`);
		expect(res.status).toBe(400);
		expect(error(res)).toMatchObject({ field, rule });
	});

	test('FUP-3: when a technician or an anonymous caller asks for the call list, then it is refused', async () => {
		expect((await tech1.call('/after-sales/follow-ups/due')).status).toBe(403);
		expect((await call('/after-sales/follow-ups/due', null)).status).toBe(403);
	});

	test('FUP-3, FUP-2: when an agent logs the first call, then it is done with when and by whom, the second call counts from today, and a second log is a 409', async () => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const rows = await waitForKinds(created.id, ['first_call', 'second_call']);
		const first = rows.find((r) => r.kind === 'first_call');
		const me = (await desk.call('/users/me?fields=id')).body.data.id;
		const res = await post(desk, `/after-sales/follow-ups/${first.id}/log`, { channel: 'phone', notes: '确认明早 9 点到达，需带液压油 20L', satisfaction: 4 });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ id: first.id, status: 'done', channel: 'phone', satisfaction: 4, done_by: me });
		const stored = await row(first.id);
		expect(stored).toMatchObject({ status: 'done', done_by: me, satisfaction: 4, notes: '确认明早 9 点到达，需带液压油 20L' });
		expect(Math.abs(new Date(stored.done_at).getTime() - Date.now())).toBeLessThan(60_000);
		const second = (await ofRequest(created.id)).find((r) => r.kind === 'second_call');
		expect(shanghaiDate(new Date(second.due_at))).toBe(shanghaiDate(new Date(Date.now() + 7 * 24 * HOUR)));

		const again = await post(desk, `/after-sales/follow-ups/${first.id}/log`, { channel: 'phone' });
		expect(again.status).toBe(409);
		expect(error(again)).toMatchObject({ rule: 'FUP-3' });
	});

	test('FUP-4: when the customer cannot be reached, then the attempt is noted and the follow-up stays on the list', async () => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const first = (await waitForKinds(created.id, ['first_call'])).find((r) => r.kind === 'first_call');
		const res = await post(desk, `/after-sales/follow-ups/${first.id}/log`, { outcome: 'unreachable', notes: '无人接听' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data.status).toBe('planned');
		expect((await row(first.id)).notes).toContain('无人接听');
	});

	test.each([
		['a satisfaction of 7', { satisfaction: 7 }, 'satisfaction', 'FUP-3'],
		['a satisfaction of 0', { satisfaction: 0 }, 'satisfaction', 'FUP-3'],
		['a satisfaction of 3.5', { satisfaction: 3.5 }, 'satisfaction', 'FUP-3'],
		['an unknown channel', { channel: 'telegram' }, 'channel', 'FUP-3'],
		['an unknown field', { status: 'done' }, 'status', 'FUP-3'],
	])('FUP-3: when a call is logged with %s, then it is a 400 naming %s and nothing is written', async (_label, body, field, rule) => {
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		const first = (await waitForKinds(created.id, ['first_call'])).find((r) => r.kind === 'first_call');
		const before = JSON.stringify(await row(first.id));
		const res = await post(desk, `/after-sales/follow-ups/${first.id}/log`, body);
		expect(res.status).toBe(400);
		expect(error(res)).toMatchObject({ field, rule });
		expect(JSON.stringify(await row(first.id))).toBe(before);
	});

	test('FUP-3: when a technician logs a call or the follow-up does not exist, then it is refused', async () => {
		expect((await post(tech1, '/after-sales/follow-ups/1/log', {})).status).toBe(403);
		expect((await post(desk, '/after-sales/follow-ups/2147483647/log', {})).status).toBe(404);
	});
});

describe('FUP-6: the customer’s survey through a signed single-use link', () => {
	test('FUP-6: when the customer opens the link, then a phone-sized Chinese page with a 1–5 form is served without an account, in English on request', async () => {
		const { call: satisfaction } = await resolvedRequest();
		const response = await fetch(satisfaction.survey_url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		const html = await response.text();
		expect(html).toContain('<html lang="zh-CN">');
		expect(html).toContain('客户满意度调查');
		expect(html).toContain('name="viewport"');
		expect(html).toMatch(/<form method="post"/);
		for (let score = 1; score <= 5; score++) expect(html).toContain(`name="score" value="${score}"`);
		expect(html).toContain('name="comment"');
		expect(html).toContain('English');
		const english = await (await fetch(`${satisfaction.survey_url}?lang=en`)).text();
		expect(english).toContain('Customer satisfaction survey');
		expect(english).toContain('中文');
	});

	test('FUP-6: when the customer answers, then the score and comment are recorded once (done, channel survey); a second answer is a 409 and changes nothing', async () => {
		const { call: satisfaction } = await resolvedRequest();
		const path = surveyPath(satisfaction.survey_url);
		const res = await call(path, null, { method: 'POST', body: json({ score: 5, comment: '师傅很专业，按时到达' }) });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ id: satisfaction.id, status: 'done', satisfaction: 5, low_score: false, task: null });
		const stored = await row(satisfaction.id);
		expect(stored).toMatchObject({ status: 'done', satisfaction: 5, channel: 'survey' });
		expect(stored.notes).toContain('师傅很专业，按时到达');
		expect(stored.done_at).toBeTruthy();

		const before = await surveyState(satisfaction.id);
		const again = await call(path, null, { method: 'POST', body: json({ score: 1, comment: '改主意了' }) });
		expect(again.status).toBe(409);
		expect(error(again)).toMatchObject({ rule: 'FUP-6' });
		expect(await surveyState(satisfaction.id)).toBe(before);
		const page = await fetch(satisfaction.survey_url);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('您已提交过本次评价');
		expect(html).not.toContain('<form');
	});

	test('FUP-6: when the customer submits the page’s form, then the answer is recorded and a thank-you page comes back', async () => {
		const { call: satisfaction } = await resolvedRequest();
		const response = await fetch(`${satisfaction.survey_url}?lang=zh`, {
			method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ score: '4', comment: '还可以', lang: 'zh' }).toString(),
		});
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('感谢您的评价');
		expect(await row(satisfaction.id)).toMatchObject({ status: 'done', satisfaction: 4, channel: 'survey' });
	});

	/** Rewrites the token part of a survey link. */
	const retoken = (url: string, change: (token: string) => string) => url.replace(/\/survey\/([^/?]+)/, (_m, token: string) => `/survey/${change(token)}`);
	test.each([
		['a forged signature', (t: string) => t.slice(0, -2) + (t.endsWith('AA') ? 'BB' : 'AA')],
		['another follow-up’s id', (t: string) => t.replace(/^(\d+)\./, (_m, id) => `${Number(id) + 1}.`)],
		['a longer validity', (t: string) => t.replace(/\.(\d+)\./, (_m, exp) => `.${Number(exp) + 86_400 * 365}.`)],
		['garbage', () => 'not-a-token'],
	])('FUP-6: when the link has %s, then the answer is a 400 naming token and nothing is written', async (_label, forge) => {
		const { call: satisfaction } = await resolvedRequest();
		const forged = retoken(satisfaction.survey_url, forge);
		expect(forged).not.toBe(satisfaction.survey_url);
		const before = await surveyState(satisfaction.id);
		const res = await call(surveyPath(forged), null, { method: 'POST', body: json({ score: 5 }) });
		expect(res.status).toBe(400);
		expect(error(res)).toMatchObject({ field: 'token', rule: 'FUP-6' });
		expect(await surveyState(satisfaction.id)).toBe(before);
		expect((await fetch(forged)).status).toBe(400);
	});

	test('FUP-6: when a genuine link has expired, then it is gone (410) and nothing is written', async () => {
		const { call: satisfaction } = await resolvedRequest();
		const expired = computeSurveyToken(satisfaction.id, new Date(Date.now() - 60_000), SECRET);
		const before = await surveyState(satisfaction.id);
		const res = await call(`/after-sales/survey/${expired}`, null, { method: 'POST', body: json({ score: 5 }) });
		expect(res.status).toBe(410);
		expect(error(res)).toMatchObject({ field: 'token', rule: 'FUP-6' });
		expect(await surveyState(satisfaction.id)).toBe(before);
		const page = await fetch(`${baseUrl()}/after-sales/survey/${expired}`);
		expect(page.status).toBe(410);
		expect(await page.text()).toContain('已过期');
	});

	test.each([
		['a score of 9', { score: 9 }],
		['a score of 0', { score: 0 }],
		['no score', { comment: '很好' }],
		['a score of 2.5', { score: 2.5 }],
	])('FUP-6: when the answer has %s, then it is a 400 naming score and nothing is written', async (_label, body) => {
		const { call: satisfaction } = await resolvedRequest();
		const before = await surveyState(satisfaction.id);
		const res = await call(surveyPath(satisfaction.survey_url), null, { method: 'POST', body: json(body) });
		expect(res.status).toBe(400);
		expect(error(res)).toMatchObject({ field: 'score', rule: 'FUP-6' });
		expect(await surveyState(satisfaction.id)).toBe(before);
	});

	test('FUP-6, NTF-1: when the customer scores 1, then a satisfaction-call task opens with the comment and the technician and the service managers are told, once', async () => {
		const { request, call: satisfaction } = await resolvedRequest();
		const bossId = (await boss.call('/users/me?fields=id')).body.data.id;
		const res = await call(surveyPath(satisfaction.survey_url), null, { method: 'POST', body: json({ score: 1, comment: '配件等了两周' }) });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ low_score: true, task: expect.any(Number) });
		expect(res.body.data.notified).toBeGreaterThanOrEqual(2);

		const task = await row(res.body.data.task);
		expect(task).toMatchObject({ kind: 'satisfaction_call', status: 'planned', customer, service_request: request.id, survey_url: null });
		expect(task.notes).toContain('配件等了两周');
		expect(task.notes).toContain('FUP-6');

		const techNotice = await waitFor('the technician’s notice', async () => (await tech1.call('/after-sales/me/notifications?unread=1')).body.data.notifications.find((n: any) => n.collection === 'follow_ups' && String(n.item) === String(task.id)));
		expect(techNotice.subject).toContain('1/5');
		expect(techNotice.message).toContain('配件等了两周');
		const bossNotices = (await boss.call('/after-sales/me/notifications')).body.data.notifications.filter((n: any) => n.collection === 'follow_ups' && String(n.item) === String(task.id));
		expect(bossNotices).toHaveLength(1);
		expect(bossId).toBeTruthy();

		// The task is on the call list; a second answer opens nothing more.
		const list = await desk.call(`/after-sales/follow-ups/due?date=${shanghaiDate(new Date(task.due_at))}`);
		expect(list.body.data.follow_ups.map((f: any) => f.id)).toContain(task.id);
		expect((await call(surveyPath(satisfaction.survey_url), null, { method: 'POST', body: json({ score: 1 }) })).status).toBe(409);
		const tasks = (await followUpsOf(`filter[service_request][_eq]=${request.id}`)).filter((f) => f.kind === 'satisfaction_call');
		expect(tasks).toHaveLength(2);
		const techAll = (await tech1.call('/after-sales/me/notifications')).body.data.notifications.filter((n: any) => n.collection === 'follow_ups' && String(n.item) === String(task.id));
		expect(techAll).toHaveLength(1);
	});
});

describe('FUP-1..3: what is not called in time is missed', () => {
	test('FUP-3: when a planned follow-up is past its due-until, or 3 days past its due time without one, then the sweep marks it missed; others stay planned', async () => {
		const make = async (body: Record<string, unknown>) => {
			const res = await post(desk, '/items/follow_ups', { kind: 'satisfaction_call', customer, status: 'planned', ...body });
			expect(res.status, JSON.stringify(res.body)).toBe(200);
			return res.body.data.id as number;
		};
		const pastUntil = await make({ due_at: new Date(Date.now() - 5 * 24 * HOUR).toISOString(), due_until: new Date(Date.now() - HOUR).toISOString() });
		const openUntil = await make({ due_at: new Date(Date.now() - 5 * 24 * HOUR).toISOString(), due_until: new Date(Date.now() + HOUR).toISOString() });
		const oldNoUntil = await make({ due_at: new Date(Date.now() - 4 * 24 * HOUR).toISOString() });
		const recentNoUntil = await make({ due_at: new Date(Date.now() - 1 * 24 * HOUR).toISOString() });
		const res = await sweep();
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data.follow_ups_missed).toBeGreaterThanOrEqual(2);
		expect((await row(pastUntil)).status).toBe('missed');
		expect((await row(oldNoUntil)).status).toBe('missed');
		expect((await row(openUntil)).status).toBe('planned');
		expect((await row(recentNoUntil)).status).toBe('planned');
	});
});

describe('RPT-1, FUP-6: survey answers feed the dealer report', () => {
	test('RPT-1: when the customer of a dealer’s repair answers the survey with 4, then the dealer report counts one response averaging 4', async () => {
		const repair = await post(admin, '/items/repair_records', {
			unit: unitId, dealer, status: 'completed', fault_category: 'cooling', fault_description: `${tag} 水箱`, coverage: 'warranty',
			received_at: new Date(Date.now() - 3 * HOUR).toISOString(), completed_at: new Date(Date.now() - 60_000).toISOString(), labour_cost: '0.00', travel_cost: '0.00',
		});
		expect(repair.status, JSON.stringify(repair.body)).toBe(200);
		const [satisfaction] = await waitFor('the repair’s satisfaction call', async () => {
			const found = await followUpsOf(`filter[repair_record][_eq]=${repair.body.data.id}`);
			return found.length ? found : null;
		});
		const today = shanghaiDate(new Date());
		const report = async () => {
			const res = await admin.call(`/after-sales/reports/dealers?from=${today}&to=${today}&dealer=${dealerCode}`);
			expect(res.status, JSON.stringify(res.body)).toBe(200);
			return res.body.data.dealers.find((d: any) => d.code === dealerCode);
		};
		const before = await report();
		const answered = await call(surveyPath(satisfaction.survey_url), null, { method: 'POST', body: json({ score: 4 }) });
		expect(answered.status, JSON.stringify(answered.body)).toBe(200);
		const after = await report();
		expect(after.satisfaction_responses).toBe(before.satisfaction_responses + 1);
		const responses = after.satisfaction_responses;
		expect(after.satisfaction_avg).toBeCloseTo(((before.satisfaction_avg ?? 0) * before.satisfaction_responses + 4) / responses, 2);
	});
});
