// REQ-6, REQ-7, FUP-4, FUP-5, FUP-6 on a real Directus: a repair order's progress check falls at
// the 进度检查点 share of its own promised window and follows the setting; the customer is told to
// collect before the promised completion, by SMS through the configured gateway, exactly once and
// moved when the promise moves; a satisfaction call texts its survey link; an event's customers are
// phoned 14 days before and written to after the call; key accounts get their spring and autumn
// visits; a follow-up left undone is missed and the managers are told. Bad input is a 400 naming
// the field and the rule, and writes nothing.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, json, login, loginAdmin } from './helpers';
import { DEMO_PASSWORD } from './warranty-fixtures';
import { freePort } from './setup/global-setup';
import { agent, sweep, waitFor, waitForTimers, wholeSecondFromNow } from './sla-helpers';

const HOUR = 3_600_000;
const tag = `R${Date.now().toString(36).toUpperCase()}`;
const PHONE = `139${String(Date.now()).slice(-8)}`;

type Who = { call: (p: string, i?: RequestInit) => Promise<any>; token: string };
type Sms = { key: string | null; auth: string | null; body: any };
const texts: Sms[] = [];
let sink: Server;
let admin: Who;
let desk: Who;
let customer = 0;
let unitId = 0;
let serial = '';
let savedChannels: unknown = null;
let savedPercent: unknown = null;

const post = (who: Who, path: string, body: unknown) => who.call(path, { method: 'POST', body: json(body) });
const patch = (who: Who, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });
const error = (res: { body: any }) => res.body?.errors?.[0]?.extensions ?? {};
const shanghaiDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const followUps = async (filter: string): Promise<any[]> => (await admin.call(`/items/follow_ups?${filter}&fields=*&sort=id&limit=-1`)).body.data;
const collectNotice = async (repair: number) => (await followUps(`filter[repair_record][_eq]=${repair}&filter[kind][_eq]=collect_notice`))[0];
const textsOf = (followUp: number) => texts.filter((t) => t.body?.follow_up === followUp);

async function repair(fields: Record<string, unknown>) {
	const res = await post(admin, '/items/repair_records', { unit: unitId, status: 'in_progress', fault_category: 'hydraulic', fault_description: `${tag} 液压泵异响`, received_at: fields['dropped_off_at'], ...fields });
	expect(res.status, JSON.stringify(res.body)).toBe(200);
	return res.body.data as Record<string, any>;
}

beforeAll(async () => {
	admin = await loginAdmin();
	desk = await agent();
	const c = await post(admin, '/items/customers', { name: `${tag} 农机合作社`, phone: PHONE, region: `${tag}-region` });
	expect(c.status, JSON.stringify(c.body)).toBe(200);
	customer = c.body.data.id;
	const product = (await admin.call('/items/products?limit=1&sort=id&fields=id')).body.data[0].id;
	serial = `${tag}-001`;
	const u = await post(admin, '/items/units', { serial_no: serial, product, customer, sold_on: shanghaiDate(new Date(Date.now() - 400 * 86_400_000)) });
	expect(u.status, JSON.stringify(u.body)).toBe(200);
	unitId = u.body.data.id;

	const port = await freePort();
	sink = createServer((req, res) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			texts.push({ key: (req.headers['x-idempotency-key'] as string | undefined) ?? null, auth: (req.headers['authorization'] as string | undefined) ?? null, body: JSON.parse(text || 'null') });
			res.setHeader('content-type', 'application/json');
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', () => resolve()));
	const settings = (await admin.call('/items/service_settings?fields=notification_channels,progress_check_percent')).body.data;
	savedChannels = settings.notification_channels;
	savedPercent = settings.progress_check_percent;
	const set = await patch(admin, '/items/service_settings', { notification_channels: { in_app: true, email: false, webhooks: [], customer_sms: { url: `http://127.0.0.1:${port}/sms`, token: 'gateway-token' }, customer_email: false } });
	expect(set.status, JSON.stringify(set.body)).toBe(200);
});

afterAll(async () => {
	await patch(admin, '/items/service_settings', { notification_channels: savedChannels, progress_check_percent: savedPercent ?? 75 });
	await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe('REQ-6: the progress check at a share of the promised window', () => {
	test('REQ-6: when a repair is dropped off with a promised completion, then its progress check falls at 75 % of that window and the promise itself at 100 %', async () => {
		const dropped = wholeSecondFromNow(-HOUR);
		const promised = new Date(dropped.getTime() + 4 * HOUR);
		const r = await repair({ dropped_off_at: dropped.toISOString(), promised_at: promised.toISOString() });
		const timers = await waitForTimers('repair_records', r.id, (t) => t.some((x) => x.milestone === 'progress_check'));
		const check = timers.find((t) => t.milestone === 'progress_check');
		expect(Date.parse(check.due_at)).toBe(dropped.getTime() + 3 * HOUR);
		expect(check.warn_at).toBeNull();
		expect(Date.parse(timers.find((t) => t.milestone === 'promised_completion').due_at)).toBe(promised.getTime());
	});

	test('REQ-6: when the admin changes 进度检查点 to 50 %, then the open progress checks move at once', async () => {
		const dropped = wholeSecondFromNow(-HOUR);
		const r = await repair({ dropped_off_at: dropped.toISOString(), promised_at: new Date(dropped.getTime() + 10 * HOUR).toISOString() });
		await waitForTimers('repair_records', r.id, (t) => t.some((x) => x.milestone === 'progress_check'));
		const set = await patch(admin, '/items/service_settings', { progress_check_percent: 50 });
		expect(set.status, JSON.stringify(set.body)).toBe(200);
		const timers = await waitForTimers('repair_records', r.id, (t) => t.some((x) => x.milestone === 'progress_check' && Date.parse(x.due_at) === dropped.getTime() + 5 * HOUR));
		expect(timers.find((t) => t.milestone === 'progress_check').state).toBe('running');
		expect((await patch(admin, '/items/service_settings', { progress_check_percent: 75 })).status).toBe(200);
	});

	test('ESC-3: when the admin changes 预警点 to 50 %, then milestones without their own warning point warn at half their duration', async () => {
		const dropped = wholeSecondFromNow(-HOUR);
		const promised = new Date(dropped.getTime() + 8 * HOUR);
		const r = await repair({ dropped_off_at: dropped.toISOString(), promised_at: promised.toISOString() });
		const before = await waitForTimers('repair_records', r.id, (t) => t.some((x) => x.milestone === 'promised_completion'));
		expect(Date.parse(before.find((t) => t.milestone === 'promised_completion').warn_at)).toBe(dropped.getTime() + 0.8 * 8 * HOUR);
		expect((await patch(admin, '/items/service_settings', { warning_percent: 50 })).status).toBe(200);
		await waitForTimers('repair_records', r.id, (t) => t.some((x) => x.milestone === 'promised_completion' && Date.parse(x.warn_at) === dropped.getTime() + 4 * HOUR));
		expect((await patch(admin, '/items/service_settings', { warning_percent: 80 })).status).toBe(200);
		expect((await patch(admin, '/items/service_settings', { warning_percent: 100 })).status).toBe(400);
	});

	test('REQ-6: when 进度检查点 is set outside 1–100, then it is a 400 naming the field and nothing changes', async () => {
		const res = await patch(admin, '/items/service_settings', { progress_check_percent: 0 });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.body)).toContain('progress_check_percent');
		expect((await admin.call('/items/service_settings?fields=progress_check_percent')).body.data.progress_check_percent).toBe(75);
	});

	test('REQ-6: when a repair passes its check point unfinished, then the sweep logs the progress check once for the service manager', async () => {
		const dropped = new Date(Date.now() - 10 * HOUR);
		const r = await repair({ dropped_off_at: dropped.toISOString(), promised_at: new Date(Date.now() + 2 * HOUR).toISOString() });
		await waitForTimers('repair_records', r.id, (t) => t.some((x) => x.milestone === 'progress_check'));
		expect((await sweep()).status).toBe(200);
		expect((await sweep()).status).toBe(200);
		const logged = (await admin.call(`/items/escalations?filter[collection][_eq]=repair_records&filter[item][_eq]=${r.id}&fields=kind,milestone,level&limit=-1`)).body.data;
		expect(logged.filter((e: any) => e.milestone === 'progress_check')).toEqual([expect.objectContaining({ kind: 'breach', milestone: 'progress_check' })]);
		// 10 of 12 h gone: the promise itself is only warned about (ESC-3 at 80 %), not breached.
		expect(logged.filter((e: any) => e.milestone === 'promised_completion').map((e: any) => e.kind)).toEqual(['warning']);
	});
});

describe('WTY-11: the busy season is read from the settings', () => {
	test('WTY-11: when a repair of a customer in a busy-season region is dropped off in the season, then it is marked busy season; outside it, or typed in by a client, it is not', async () => {
		const saved = (await admin.call('/items/service_settings?fields=busy_seasons')).body.data.busy_seasons;
		const today = shanghaiDate(new Date()).slice(5);
		try {
			const bad = await patch(admin, '/items/service_settings', { busy_seasons: [{ name: 'x', from: '02-30', to: '03-01' }] });
			expect(bad.status).toBe(400);
			expect(error(bad)).toMatchObject({ field: 'busy_seasons.0.from', rule: 'WTY-11' });
			expect((await patch(admin, '/items/service_settings', { busy_seasons: [{ name: `${tag} 农忙`, regions: [`${tag}-region`], categories: [], from: today, to: today }] })).status).toBe(200);
			const inSeason = await repair({ dropped_off_at: new Date(Date.now() - 60_000).toISOString() });
			expect((await admin.call(`/items/repair_records/${inSeason.id}?fields=busy_season`)).body.data.busy_season).toBe(true);
			const earlier = await repair({ dropped_off_at: new Date(Date.now() - 40 * 86_400_000).toISOString(), busy_season: true });
			expect((await admin.call(`/items/repair_records/${earlier.id}?fields=busy_season`)).body.data.busy_season).toBe(false);
		} finally {
			expect((await patch(admin, '/items/service_settings', { busy_seasons: saved })).status).toBe(200);
		}
	});
});

describe('WTY-10: a replacement unit restarts its warranty', () => {
	test('WTY-10: when a unit replaces one whose warranty is over, then its own periods run from the handover day and a repair on it is covered', async () => {
		const product = (await admin.call('/items/products?limit=1&sort=id&fields=id,warranty_months')).body.data[0];
		const sold = shanghaiDate(new Date(Date.now() - 2000 * 86_400_000));
		const card = shanghaiDate(new Date(Date.now() - 1995 * 86_400_000));
		const handover = shanghaiDate(new Date(Date.now() - 30 * 86_400_000));
		const oldUnit = await post(admin, '/items/units', { serial_no: `${tag}-OLD`, product: product.id, customer, sold_on: sold, card_received_on: card });
		expect(oldUnit.status, JSON.stringify(oldUnit.body)).toBe(200);
		const replacement = await post(admin, '/items/units', { serial_no: `${tag}-NEW`, product: product.id, customer, sold_on: sold, card_received_on: card, replaces_unit: oldUnit.body.data.id, replaced_on: handover });
		expect(replacement.status, JSON.stringify(replacement.body)).toBe(200);
		const read = async (id: number) => waitFor('the warranty columns', async () => {
			const row = (await admin.call(`/items/units/${id}?fields=warranty_status,warranty_until`)).body.data;
			return row.warranty_status ? row : null;
		});
		expect((await read(oldUnit.body.data.id)).warranty_status).toBe('expired');
		const fresh = await read(replacement.body.data.id);
		expect(fresh.warranty_status).toBe('active');
		expect(fresh.warranty_until > shanghaiDate(new Date())).toBe(true);
		const coverage = await admin.call(`/after-sales/units/${encodeURIComponent(`${tag}-NEW`)}/coverage`);
		expect(coverage.status, JSON.stringify(coverage.body)).toBe(200);
		expect(coverage.body.data.covered).toBe(true);
	});
});

describe('WTY-12: a lost warranty certificate is reissued', () => {
	test('WTY-12: when a reissue is asked for a unit in warranty, then it is due in 10 working days; for a unit out of warranty or none, it is a 400 naming unit', async () => {
		const product = (await admin.call('/items/products?limit=1&sort=id&fields=id')).body.data[0].id;
		const fresh = await post(admin, '/items/units', { serial_no: `${tag}-CERT`, product, customer, sold_on: shanghaiDate(new Date(Date.now() - 30 * 86_400_000)), card_received_on: shanghaiDate(new Date(Date.now() - 25 * 86_400_000)) });
		expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
		await waitFor('the warranty status', async () => ((await admin.call(`/items/units/${fresh.body.data.id}?fields=warranty_status`)).body.data.warranty_status === 'active' ? true : null));
		const ask = (unit: number | null) => post(desk, '/items/service_requests', { type: 'certificate_reissue', channel: 'phone', customer, unit, problem: `${tag} 三包凭证遗失`, received_at: new Date().toISOString() });
		const ok = await ask(fresh.body.data.id);
		expect(ok.status, JSON.stringify(ok.body)).toBe(200);
		const timers = await waitForTimers('service_requests', ok.body.data.id, (t) => t.some((x) => x.milestone === 'certificate_reissued'));
		const due = Date.parse(timers.find((t) => t.milestone === 'certificate_reissued').due_at);
		expect(due - Date.now()).toBeGreaterThan(11 * 86_400_000); // 10 working days are at least two calendar weeks
		const expired = await ask(unitId);
		expect(expired.status).toBe(400);
		expect(error(expired)).toMatchObject({ field: 'unit', rule: 'WTY-12' });
		const none = await ask(null);
		expect(none.status).toBe(400);
		expect(error(none)).toMatchObject({ field: 'unit', rule: 'WTY-12' });
	});
});

describe('REQ-4: paid service is quoted first', () => {
	test('REQ-4: when a paid repair is finished without a quote, then it is a 400 naming quote_amount and nothing is written', async () => {
		const before = (await admin.call(`/items/repair_records?filter[unit][_eq]=${unitId}&aggregate[count]=id`)).body.data[0].count.id;
		const res = await post(admin, '/items/repair_records', { unit: unitId, status: 'completed', coverage: 'paid', fault_category: 'engine', fault_description: `${tag} 换机油`, completed_at: new Date().toISOString(), labour_cost: '120.00' });
		expect(res.status).toBe(400);
		expect(error(res)).toMatchObject({ field: 'quote_amount', rule: 'REQ-4' });
		expect((await admin.call(`/items/repair_records?filter[unit][_eq]=${unitId}&aggregate[count]=id`)).body.data[0].count.id).toBe(before);
	});

	test('REQ-4: when a part is added to a finished paid repair beyond its quote, then it is a 400 and the part is not added; within the quote it is', async () => {
		const r = await repair({ status: 'completed', coverage: 'paid', quote_amount: '500.00', labour_cost: '300.00', travel_cost: '0.00', dropped_off_at: new Date(Date.now() - HOUR).toISOString(), completed_at: new Date().toISOString() });
		const over = await post(admin, '/items/repair_parts', { repair_record: r.id, part_no: 'P-1', part_name: '液压泵密封圈', quantity: '1', unit_price: '400.00' });
		expect(over.status, JSON.stringify(over.body)).toBe(400);
		expect(error(over)).toMatchObject({ rule: 'REQ-4', field: 'extra_work' });
		expect((await admin.call(`/items/repair_parts?filter[repair_record][_eq]=${r.id}&fields=id`)).body.data).toEqual([]);
		const within = await post(admin, '/items/repair_parts', { repair_record: r.id, part_no: 'P-1', part_name: '液压泵密封圈', quantity: '1', unit_price: '150.00' });
		expect(within.status, JSON.stringify(within.body)).toBe(200);
	});
});

describe('REQ-5: the technician is told of the customer’s consent', () => {
	test('REQ-5, NTF-1: when the customer’s consent to additional work is recorded, then the repair’s technician is told once in their inbox', async () => {
		const tech1 = await login('tech1@example.com', DEMO_PASSWORD);
		const tech1Id = (await admin.call('/users?filter[email][_eq]=tech1@example.com&fields=id')).body.data[0].id;
		const r = await repair({ technician: tech1Id, dropped_off_at: new Date(Date.now() - HOUR).toISOString() });
		const extra = [{ description: '更换右侧链条', amount: '180.00', consented_by: '客户 张先生（电话确认）', consented_at: new Date(Date.now() - 60_000).toISOString() }];
		expect((await patch(admin, `/items/repair_records/${r.id}`, { extra_work: extra })).status).toBe(200);
		const mine = async () => ((await tech1.call('/after-sales/me/notifications?unread=1')).body.data.notifications as any[]).filter((n) => n.collection === 'repair_records' && String(n.item) === String(r.id));
		const notices = await waitFor('the consent notice', async () => ((await mine()).length ? mine() : null));
		expect(notices).toHaveLength(1);
		expect(JSON.stringify(notices[0])).toContain('更换右侧链条');
		expect((await patch(admin, `/items/repair_records/${r.id}`, { extra_work: extra, work_done: '已更换' })).status).toBe(200);
		expect(await mine()).toHaveLength(1);
	});
});

describe('REQ-7: the customer is told to collect', () => {
	test('REQ-7: when a short job nears its promised completion, then the customer is texted once, 1 h before, and the notice is done', async () => {
		const promised = wholeSecondFromNow(30 * 60_000);
		const r = await repair({ dropped_off_at: new Date(Date.now() - 2 * HOUR).toISOString(), promised_at: promised.toISOString() });
		const notice = await waitFor('the collection notice', () => collectNotice(r.id));
		expect(Date.parse(notice.due_at)).toBe(promised.getTime() - HOUR);
		expect(notice.deliveries).toEqual([expect.objectContaining({ channel: 'sms', status: 'pending' })]);
		expect((await sweep()).status).toBe(200);
		expect((await sweep()).status).toBe(200);
		const sent = textsOf(notice.id);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ auth: 'Bearer gateway-token', key: `repair_records:${r.id}:collect_notice|sms`, body: { to: PHONE, kind: 'collect_notice' } });
		expect(sent[0]!.body.text).toContain('取车');
		expect(sent[0]!.body.text).toContain(serial);
		const done = await collectNotice(r.id);
		expect(done).toMatchObject({ status: 'done', channel: 'sms' });
		expect(done.deliveries[0]).toMatchObject({ status: 'sent', attempts: 1 });
	});

	test('REQ-7: when a long job is promised later, then the notice is 4 h before; when the promise moves, the notice moves with it', async () => {
		const dropped = new Date(Date.now() - 3 * 24 * HOUR);
		const r = await repair({ dropped_off_at: dropped.toISOString(), promised_at: new Date(Date.now() + 6 * HOUR).toISOString() });
		const notice = await waitFor('the collection notice', () => collectNotice(r.id));
		expect(Date.parse(notice.due_at)).toBe(Date.parse(r.promised_at) - 4 * HOUR);
		expect((await sweep()).status).toBe(200);
		expect(textsOf(notice.id)).toHaveLength(0);

		const sooner = wholeSecondFromNow(3 * HOUR);
		expect((await patch(admin, `/items/repair_records/${r.id}`, { promised_at: sooner.toISOString() })).status).toBe(200);
		const moved = await waitFor('the moved notice', async () => {
			const n = await collectNotice(r.id);
			return Date.parse(n.due_at) === sooner.getTime() - 4 * HOUR ? n : null;
		});
		expect(moved.id).toBe(notice.id);
		expect((await sweep()).status).toBe(200);
		expect(textsOf(notice.id)).toHaveLength(1);
	});

	test('REQ-7: when a repair is cancelled before its notice, then the notice is withdrawn and nothing is sent', async () => {
		const r = await repair({ dropped_off_at: new Date(Date.now() - HOUR).toISOString(), promised_at: new Date(Date.now() + 5 * HOUR).toISOString() });
		const notice = await waitFor('the collection notice', () => collectNotice(r.id));
		expect((await patch(admin, `/items/repair_records/${r.id}`, { status: 'cancelled' })).status).toBe(200);
		await waitFor('the withdrawn notice', async () => ((await collectNotice(r.id)).status === 'cancelled' ? true : null));
		expect((await sweep()).status).toBe(200);
		expect(textsOf(notice.id)).toHaveLength(0);
	});
});

describe('FUP-6: the survey link is texted after the service', () => {
	test('FUP-6: when a repair is completed, then its satisfaction call carries the survey link and the customer is texted it once, in working time', async () => {
		const r = await repair({ dropped_off_at: new Date(Date.now() - 5 * HOUR).toISOString(), status: 'completed', completed_at: new Date(Date.now() - 60_000).toISOString() });
		const call = await waitFor('the satisfaction call', async () => (await followUps(`filter[repair_record][_eq]=${r.id}&filter[kind][_eq]=satisfaction_call`))[0]);
		expect(call.survey_url).toMatch(/\/after-sales\/survey\//);
		expect(call.deliveries).toEqual([expect.objectContaining({ channel: 'sms', status: 'pending' })]);
		const at = Date.parse(call.deliveries[0].next_at);
		expect(at).toBeGreaterThanOrEqual(Date.now() - 5 * 60_000);
		expect((await sweep()).status).toBe(200);
		expect((await sweep()).status).toBe(200);
		if (at <= Date.now()) {
			// In working time: sent now, once, with the link; the call itself stays for the agent.
			expect(textsOf(call.id)).toHaveLength(1);
			expect(textsOf(call.id)[0]!.body.text).toContain(call.survey_url);
			expect((await followUps(`filter[id][_eq]=${call.id}`))[0].status).toBe('planned');
		} else {
			// Outside working time: it waits for the next working instant (CAL-1), nothing is sent at night.
			expect(textsOf(call.id)).toHaveLength(0);
		}
	});
});

describe('FUP-6: a low score opens a complaint where the settings say so', () => {
	test('FUP-6, CMP-1: when 低分后开立 is 投诉 and the customer scores 1, then a complaint is registered with the comment instead of a task', async () => {
		expect((await patch(admin, '/items/service_settings', { low_score_opens: 'complaint' })).status).toBe(200);
		try {
			const r = await repair({ dropped_off_at: new Date(Date.now() - 5 * HOUR).toISOString(), status: 'completed', completed_at: new Date(Date.now() - 60_000).toISOString() });
			const survey = await waitFor('the satisfaction call', async () => (await followUps(`filter[repair_record][_eq]=${r.id}&filter[kind][_eq]=satisfaction_call`))[0]);
			const answered = await call(new URL(survey.survey_url).pathname, null, { method: 'POST', body: json({ score: 1, comment: '修了三次还漏油' }) });
			expect(answered.status, JSON.stringify(answered.body)).toBe(200);
			expect(answered.body.data).toMatchObject({ low_score: true, task: null });
			const complaint = (await admin.call(`/items/complaints/${answered.body.data.complaint}?fields=customer,status,channel,description`)).body.data;
			expect(complaint).toMatchObject({ customer, status: 'received', channel: 'portal' });
			expect(complaint.description).toContain('修了三次还漏油');
			expect(await followUps(`filter[customer][_eq]=${customer}&filter[notes][_contains]=${encodeURIComponent('修了三次还漏油')}&filter[status][_eq]=planned`)).toHaveLength(0);
		} finally {
			expect((await patch(admin, '/items/service_settings', { low_score_opens: 'follow_up' })).status).toBe(200);
		}
	});
});

describe('FUP-4: event notices', () => {
	const eventOn = () => plusDays(shanghaiDate(new Date()), 20);

	test('FUP-4: when the desk plans an event, then each customer gets one call 14 days before it, and logging the call plans the letter within 2 days', async () => {
		const body = { event_name: `${tag} 春季免费检修`, event_on: eventOn(), customers: [customer] };
		const res = await post(desk, '/after-sales/follow-ups/events', body);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ customers: 1, created: 1, already_planned: 0, call_on: plusDays(eventOn(), -14) });
		const again = await post(desk, '/after-sales/follow-ups/events', body);
		expect(again.body.data).toMatchObject({ created: 0, already_planned: 1 });
		const [eventCall] = await followUps(`filter[customer][_eq]=${customer}&filter[kind][_eq]=event_call`);
		expect(eventCall).toMatchObject({ status: 'planned', event_name: body.event_name, event_on: body.event_on });
		expect(shanghaiDate(new Date(eventCall.due_at))).toBe(plusDays(eventOn(), -14));

		const logged = await post(desk, `/after-sales/follow-ups/${eventCall.id}/log`, { outcome: 'reached', channel: 'phone', notes: '已通知活动时间地点' });
		expect(logged.status, JSON.stringify(logged.body)).toBe(200);
		const [letter] = await followUps(`filter[customer][_eq]=${customer}&filter[kind][_eq]=event_letter`);
		expect(letter).toMatchObject({ status: 'planned', event_name: body.event_name });
		expect(shanghaiDate(new Date(letter.due_until))).toBe(plusDays(shanghaiDate(new Date()), 2));
	});

	test('FUP-4: an event already over, an unknown customer or no customers at all is a 400 naming the field, and nothing is planned', async () => {
		const before = (await followUps(`filter[kind][_eq]=event_call`)).length;
		const past = await post(desk, '/after-sales/follow-ups/events', { event_name: 'x', event_on: plusDays(shanghaiDate(new Date()), -1), customers: [customer] });
		expect(past.status).toBe(400);
		expect(error(past)).toMatchObject({ field: 'event_on', rule: 'FUP-4' });
		const unknown = await post(desk, '/after-sales/follow-ups/events', { event_name: 'x', event_on: eventOn(), customers: [customer, 2_000_000_000] });
		expect(unknown.status).toBe(400);
		expect(error(unknown)).toMatchObject({ field: 'customers.1', rule: 'FUP-4' });
		const nobody = await post(desk, '/after-sales/follow-ups/events', { event_name: 'x', event_on: eventOn() });
		expect(nobody.status).toBe(400);
		expect(error(nobody)).toMatchObject({ field: 'customers', rule: 'FUP-4' });
		expect((await followUps(`filter[kind][_eq]=event_call`)).length).toBe(before);
	});
});

describe('FUP-5: key-account visits', () => {
	test('FUP-5: when a customer becomes a key account, then its next spring and autumn visits are planned once each', async () => {
		expect((await patch(admin, `/items/customers/${customer}`, { key_account: true })).status).toBe(200);
		const visits = await waitFor('the visits', async () => {
			const rows = await followUps(`filter[customer][_eq]=${customer}&filter[kind][_eq]=key_account_visit`);
			return rows.length === 2 ? rows : null;
		});
		const seasons = visits.map((v) => `${shanghaiDate(new Date(v.due_at)).slice(5)}→${shanghaiDate(new Date(v.due_until)).slice(5)}`).sort();
		expect(seasons).toEqual(['03-01→05-31', '09-01→11-30']);
		for (const v of visits) expect(Date.parse(v.due_until)).toBeGreaterThan(Date.now());
		expect((await patch(admin, `/items/customers/${customer}`, { key_account: true, region: `${tag}-east` })).status).toBe(200);
		expect((await sweep()).status).toBe(200);
		expect(await followUps(`filter[customer][_eq]=${customer}&filter[kind][_eq]=key_account_visit`)).toHaveLength(2);
	});
});

describe('FUP-1..5: a follow-up not made in its window', () => {
	test('FUP-1: when a planned call passes its window, then the sweep marks it missed and tells the service managers in one notice', async () => {
		const created = await post(admin, '/items/follow_ups', { kind: 'first_call', customer, status: 'planned', due_at: new Date(Date.now() - 30 * HOUR).toISOString(), due_until: new Date(Date.now() - 26 * HOUR).toISOString() });
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		const report = await sweep();
		expect(report.status).toBe(200);
		expect(report.body.data.follow_ups_missed).toBeGreaterThanOrEqual(1);
		expect((await admin.call(`/items/follow_ups/${created.body.data.id}?fields=status`)).body.data.status).toBe('missed');
		const notices = (await admin.call(`/notifications?filter[collection][_eq]=follow_ups&filter[subject][_contains]=${encodeURIComponent('逾期未访')}&fields=recipient,message,item&limit=-1`)).body.data;
		expect(notices.some((n: any) => String(n.message).includes(`#${created.body.data.id}`))).toBe(true);
	});
});

describe('FUP-1..5: the call list in the Studio', () => {
	test('FUP-3: when an agent opens the Studio, then the call list bookmarks are there and the due one lists a planned call due today', async () => {
		const presets = (await desk.call('/presets?filter[collection][_eq]=follow_ups&filter[bookmark][_nnull]=true&fields=bookmark,filter,layout_query&limit=-1')).body.data;
		// Bookmark names are translation keys; the Studio shows 待回访 / 逾期未访 to a zh-CN agent.
		const due = presets.find((p: any) => p.bookmark === '$t:as_app_bookmark_calls_due');
		expect(due, JSON.stringify(presets)).toBeTruthy();
		expect(presets.some((p: any) => p.bookmark === '$t:as_app_bookmark_missed_follow_ups')).toBe(true);
		const zh = (await admin.call('/translations?filter[key][_in]=as_app_bookmark_calls_due,as_app_bookmark_missed_follow_ups&filter[language][_eq]=zh-CN&fields=key,value')).body.data;
		expect(Object.fromEntries(zh.map((t: any) => [t.key, t.value.slice(0, 4)]))).toEqual({ as_app_bookmark_calls_due: '待回访（', as_app_bookmark_missed_follow_ups: '逾期未访' });
		const created = await post(admin, '/items/follow_ups', { kind: 'second_call', customer, status: 'planned', due_at: new Date(Date.now() + HOUR).toISOString() });
		expect(created.status).toBe(200);
		const listed = (await desk.call(`/items/follow_ups?filter=${encodeURIComponent(JSON.stringify(due.filter))}&fields=id&limit=-1`)).body.data;
		expect(listed.map((r: any) => r.id)).toContain(created.body.data.id);
	});

	test('the lists open with the columns that matter: complaints with status, category and severity, requests with status and problem', async () => {
		const defaults = async (collection: string) => (await desk.call(`/presets?filter[collection][_eq]=${collection}&filter[user][_null]=true&filter[role][_null]=true&filter[bookmark][_null]=true&fields=layout,layout_query&limit=1`)).body.data[0];
		expect((await defaults('complaints')).layout_query.tabular.fields).toEqual(expect.arrayContaining(['status', 'category', 'severity']));
		expect((await defaults('service_requests')).layout_query.tabular).toMatchObject({ fields: expect.arrayContaining(['status', 'problem']), sort: ['-received_at'] });
	});
});
