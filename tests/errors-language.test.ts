// INT-5: every refusal is in the caller's Directus language (zh-CN or en-US), names fields and
// states by their labels, ends with its rule ID once, and keeps field / rule / code in extensions.
// One refusal per rule family, asked by a zh-CN user and by an en-US user.
import { beforeAll, describe, expect, test } from 'vitest';
import { call, json, login, loginAdmin } from './helpers';
import { agent, createComplaint, manager } from './sla-helpers';

// Studio seats are limited, so the families are asked by the demo agent and manager (zh-CN users);
// the en-US answers are asked for with the portal's language header. How the language is found
// (user setting, project default, fallback) is checked with portal users, who hold no seat.
const TECHNICIAN = 'a5a1e5a1-0000-4000-8000-000000000007';
const PASSWORD = 'errors-language-pw';
type Language = 'zh-CN' | 'en-US';
type Who = 'agent' | 'manager';
const demo = (who: Who) => (who === 'agent' ? agent() : manager());

async function as(who: Who, language: Language, path: string, init: RequestInit = {}) {
	const { token } = await demo(who);
	const headers: Record<string, string> = language === 'en-US' ? { 'x-after-sales-language': 'en-US' } : {};
	return call(path, token, { ...init, headers: { ...headers, ...((init.headers as Record<string, string> | undefined) ?? {}) } });
}

const technicians = new Map<string, Promise<string>>();
/** A technician (no Studio seat) whose Directus language is `language`. */
function technician(language: string | null) {
	const key = String(language);
	if (!technicians.has(key)) {
		technicians.set(key, (async () => {
			const admin = await loginAdmin();
			const email = `lang-${key.toLowerCase()}-${Date.now().toString(36)}@example.com`;
			const created = await admin.call('/users', { method: 'POST', body: json({ email, password: PASSWORD, role: TECHNICIAN, status: 'active', language }) });
			expect(created.status, JSON.stringify(created.body)).toBe(200);
			return (await login(email, PASSWORD)).token;
		})());
	}
	return technicians.get(key)!;
}

const patch = (body: unknown): RequestInit => ({ method: 'PATCH', body: json(body) });

const HAN = /[\u4e00-\u9fff]/;

/** The checks every refusal passes, whatever its family. */
function expectRefusal(result: { status: number; body: any }, language: Language, expected: { status: number; rule: RegExp; field?: string | null; code?: string }) {
	expect(result.status, JSON.stringify(result.body)).toBe(expected.status);
	const error = result.body.errors[0];
	const { rule, field, code } = error.extensions;
	expect(rule).toMatch(expected.rule);
	if (expected.field !== undefined) expect(field).toBe(expected.field);
	if (expected.code) expect(code).toBe(expected.code);
	expect(error.extensions).not.toHaveProperty('i18n');
	const message: string = error.message;
	const mentions = message.split(rule).length - 1;
	if (language === 'zh-CN') {
		// The rule ID ends the message, once.
		expect(mentions, message).toBe(1);
		expect(message.endsWith(`（${rule}）`), message).toBe(true);
		expect(message).toMatch(HAN);
		expect(message, 'no English words in a zh-CN refusal').not.toMatch(/\b(?:cannot|must|only|is not|the)\b/);
	} else {
		// en-US is the English the pack has always sent: a 400 ends with its rule, a 403 may not name it.
		expect(message).not.toMatch(HAN);
		expect(mentions, message).toBeLessThanOrEqual(1);
		if (expected.status === 400) expect(message).toMatch(new RegExp(`\\(${rule}\\)\\.?$`));
	}
	return message;
}

let complaintId: number;
let requestId: number;
let batchId: number;

beforeAll(async () => {
	complaintId = (await createComplaint()).id;
	const admin = await loginAdmin();
	requestId = (await admin.call('/items/service_requests?filter[status][_eq]=new&fields=id&limit=1')).body.data[0].id;
	// An open return batch of its own: a deadline no other file uses (the batch key is dealer + deadline).
	const dealer = (await admin.call('/items/dealers?fields=id&limit=1&sort=id')).body.data[0].id;
	const deadline = new Date(Date.now() + (400 + (process.pid % 900)) * 86_400_000).toISOString().slice(0, 10);
	const created = await admin.call('/items/parts_returns', { method: 'POST', body: json({ dealer, deadline, status: 'open' }) });
	const open = created.status === 200 ? created.body.data : (await admin.call('/items/parts_returns?filter[status][_eq]=open&fields=id&limit=1')).body.data[0];
	expect(open, JSON.stringify(created.body)).toBeTruthy();
	batchId = open.id;
});

describe.each(['zh-CN', 'en-US'] as const)('INT-5: a %s caller', (language) => {
	const zh = language === 'zh-CN';

	test('CMP-3: when a complaint skips from received to closed, then the message names both states and the next steps', async () => {
		const message = expectRefusal(await as('agent', language, `/items/complaints/${complaintId}`, patch({ status: 'closed' })), language, { status: 400, rule: /^CMP-3$/, field: 'status', code: 'INVALID_PAYLOAD' });
		if (zh) expect(message).toBe('投诉不能从“已受理”直接改为“已结案”，下一步可以是“联系客户”或“不予受理”（CMP-3）');
		else expect(message).toBe('Invalid payload. status: a complaint cannot go from received to closed; from received it can go to contacting, rejected (CMP-3).');
	});

	test('CMP-3: when the same skip is asked through GraphQL, then the message is in the caller\'s language too and carries no catalog data', async () => {
		const query = `mutation { update_complaints_item(id: ${complaintId}, data: { status: "closed" }) { id } }`;
		const result = await as('agent', language, '/graphql', { method: 'POST', body: json({ query }) });
		const [error] = result.body.errors;
		expect(error.extensions).toMatchObject({ rule: 'CMP-3', field: 'status' });
		expect(error.extensions).not.toHaveProperty('i18n');
		if (zh) expect(error.message).toBe('投诉不能从“已受理”直接改为“已结案”，下一步可以是“联系客户”或“不予受理”（CMP-3）');
		else expect(error.message).toContain('a complaint cannot go from received to closed');
	});

	test('DLR-3: when a manager saves overlapping sales seasons, then the schema’s own check reads in the caller’s language', async () => {
		const seasons = [{ key: 'spring', from: '03-01', to: '06-30' }, { key: 'summer', from: '06-01', to: '08-31' }];
		const message = expectRefusal(await as('manager', language, '/items/service_settings', patch({ sales_seasons: seasons })), language, { status: 400, rule: /^DLR-3$/, field: 'sales_seasons.1.from' });
		expect(message).toContain(zh ? '季节 summer 与季节 spring 重叠' : 'season summer overlaps season spring');
	});

	test('ESC-1: when a manager saves a milestone with two lengths, then the check reads in the caller’s language', async () => {
		const policy = { name: 'l10n', collection: 'complaints', milestones: [{ key: 'x', label: 'x', clock: '24x7', fulfil_states: ['closed'], escalate_to_level: 2, duration_minutes: 60, duration_working_days: 2 }] };
		const message = expectRefusal(await as('manager', language, '/items/sla_policies', { method: 'POST', body: json(policy) }), language, { status: 400, rule: /^ESC-1$/ });
		expect(message).toContain(zh ? '里程碑须且只能填写' : 'exactly one of duration_minutes');
	});

	test('REQ-1: when a new service request jumps to closed, then the message names the states', async () => {
		const message = expectRefusal(await as('agent', language, `/items/service_requests/${requestId}`, patch({ status: 'closed' })), language, { status: 400, rule: /^REQ-\d$/, field: 'status' });
		expect(message).toContain(zh ? '“新登记”' : 'from new to closed');
		if (zh) expect(message).toContain('“已关闭”');
	});

	test('WTY-3: when the coverage of an unknown serial is asked, then the 404 says so', async () => {
		const message = expectRefusal(await as('agent', language, '/after-sales/units/NO-SUCH-SERIAL-L10N/coverage'), language, { status: 404, rule: /^WTY-3$/, code: 'NOT_FOUND' });
		expect(message).toContain(zh ? '没有出厂编号为“NO-SUCH-SERIAL-L10N”的机器' : 'No unit with serial number "NO-SUCH-SERIAL-L10N"');
	});

	test('WTY-6: when an open return batch jumps to inspected, then the message names the batch states', async () => {
		const message = expectRefusal(await as('manager', language, `/items/parts_returns/${batchId}`, patch({ status: 'inspected' })), language, { status: 400, rule: /^WTY-6$/, field: 'status' });
		expect(message).toContain(zh ? '返厂批次不能从“待发运”直接改为“已检验”' : 'a batch cannot go from open to inspected');
	});

	test.each([
		['RPT-2', '/after-sales/reports/summary?period=month&at=2026-13', 'at', '不是月份', 'is not a month YYYY-MM'],
		['RPT-3', '/after-sales/reports/weekly?week=2026-W60', 'week', '不是 ISO 周', 'is not an ISO week'],
		['RPT-1', '/after-sales/reports/dealers?period=month&dealer=NO-SUCH-DEALER', 'dealer', '没有编号或代码为', 'no dealer with id or code'],
	])('%s: when a report is asked for with a bad %s, then the reason is in the caller’s language', async (rule, path, field, zhText, enText) => {
		const message = expectRefusal(await as('manager', language, path), language, { status: 400, rule: new RegExp(`^${rule}$`), field });
		expect(message).toContain(zh ? zhText : enText);
	});

	test('REQ-8: when a manager saves a repeat-repair window that is not a number of days, then the reason is in the caller’s language', async () => {
		const message = expectRefusal(await as('manager', language, '/items/service_settings', patch({ repeat_repair_window_days: 0 })), language, { status: 400, rule: /^REQ-8$/, field: 'repeat_repair_window_days' });
		expect(message).toContain(zh ? '整天数' : 'whole number of days');
	});

	test('INT-2: when a complaint is given an impossible date, then the field is named by its label', async () => {
		const message = expectRefusal(await as('agent', language, `/items/complaints/${complaintId}`, patch({ received_at: '2026-02-30T08:00:00Z' })), language, { status: 400, rule: /^INT-2$/, field: 'received_at' });
		expect(message).toContain(zh ? '“受理时间”' : 'received_at');
	});

	test('ARC-1: when a customer archive is given a key-account flag that is not yes or no, then the field is named by its label', async () => {
		const admin = await loginAdmin();
		const customer = (await admin.call('/items/customers?fields=id&limit=1')).body.data[0].id;
		const message = expectRefusal(await as('agent', language, `/items/customers/${customer}`, patch({ key_account: 'maybe' })), language, { status: 400, rule: /^INT-5$/, field: 'key_account' });
		expect(message).toContain(zh ? '“重点客户”' : 'key_account');
	});

	test('ESC-2: when an agent runs the SLA sweep, then the 403 says who may', async () => {
		const message = expectRefusal(await as('agent', language, '/after-sales/sla/sweep', { method: 'POST' }), language, { status: 403, rule: /^ESC-2$/, code: 'FORBIDDEN' });
		expect(message).toContain(zh ? '售后服务部主管' : 'service manager');
	});

	test('DLR-1: when a staff member uses the dealer API, then the 403 says it is for dealers', async () => {
		const message = expectRefusal(await as('agent', language, '/after-sales/dealer/me'), language, { status: 403, rule: /^DLR-1$/, code: 'FORBIDDEN' });
		expect(message).toContain(zh ? '经销商' : 'dealer');
	});

	test('FUP-3: when a follow-up that does not exist is logged, then the 404 names it', async () => {
		const message = expectRefusal(await as('agent', language, '/after-sales/follow-ups/999999/log', { method: 'POST', body: json({}) }), language, { status: 404, rule: /^FUP-3$/ });
		expect(message).toContain('#999999');
	});

	test('CAL-1: when the calendar is saved as text that is not JSON, then the settings field is named', async () => {
		const message = expectRefusal(await as('manager', language, '/items/service_settings', patch({ calendar: '{not json' })), language, { status: 400, rule: /^CAL-1$/, field: 'calendar' });
		if (zh) expect(message).toContain('不是有效的 JSON');
	});

	test('INPUT: when an endpoint gets a value outside its choices, then zod\'s reason is in the caller\'s language', async () => {
		const message = expectRefusal(
			await as('agent', language, '/after-sales/follow-ups/1/log', { method: 'POST', body: json({ outcome: 'maybe' }) }),
			language,
			{ status: 400, rule: /^FUP-3$/, field: 'outcome' },
		);
		if (zh) expect(message).toContain('须为以下之一：reached、unreachable');
	});

	test('INT-5: when Directus\'s own validation refuses a pack field, then zh-CN shows the field\'s translated validation message', async () => {
		const admin = await loginAdmin();
		const dealer = (await admin.call('/items/dealers?fields=id&limit=1')).body.data[0].id;
		const result = await as('manager', language, `/items/dealers/${dealer}`, patch({ tier: 'Z' }));
		expect(result.status, JSON.stringify(result.body)).toBe(400);
		const error = result.body.errors[0];
		expect(error.extensions).toMatchObject({ code: 'FAILED_VALIDATION', field: 'tier' });
		if (zh) expect(error.message).toBe('等级：A 级 / B 级 / C 级');
		else expect(error.message).toContain('Validation failed for field "tier"');
	});
});

describe('INT-5: the language a refusal is in', () => {
	test.each([
		['zh-CN', 'zh-CN'],
		['en-US', 'en-US'],
		['fr-FR', 'en-US'],
	] as const)('INT-5: when the user\'s Directus language is %s, then the refusal is in %s', async (setting, expected) => {
		const message = expectRefusal(await call('/after-sales/sla/sweep', await technician(setting), { method: 'POST' }), expected, { status: 403, rule: /^ESC-2$/, code: 'FORBIDDEN' });
		expect(message).toBe(expected === 'zh-CN' ? '只有管理员或售后服务部主管可以运行时限巡检（ESC-2）' : 'Only an administrator or a service manager may run the sweep');
	});

	test('INT-5: when the user has no language, then the project default is used', async () => {
		const admin = await loginAdmin();
		const settings = (await admin.call('/settings?fields=default_language')).body.data;
		const result = await call('/after-sales/sla/sweep', await technician(null), { method: 'POST' });
		expectRefusal(result, settings.default_language === 'zh-CN' ? 'zh-CN' : 'en-US', { status: 403, rule: /^ESC-2$/ });
	});

	test('INT-5: when the portal asks for its own language, then the header wins over the user setting', async () => {
		const result = await call('/after-sales/sla/sweep', await technician('zh-CN'), { method: 'POST', headers: { 'x-after-sales-language': 'en-US' } });
		expectRefusal(result, 'en-US', { status: 403, rule: /^ESC-2$/ });
	});
});
