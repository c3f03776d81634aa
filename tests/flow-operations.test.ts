// The pack's Flow operations run inside real Flows: each test creates a webhook-triggered flow with
// one operation through the REST API as an admin, triggers it, reads the answer ($last) from the
// webhook response and the step's status from the flow's revision log, and deletes the flow (the
// core tier allows 5 active flows).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from './setup/global-setup';
import { eventually, json, loginAdmin } from './helpers';
import { createUnit } from './warranty-fixtures';

type Admin = Awaited<ReturnType<typeof loginAdmin>>;

/** A webhook flow running one operation; `run` triggers it, `remove` deletes it with its operation. */
async function withFlow<T>(admin: Admin, type: string, options: Record<string, unknown>, use: (flow: { id: string; run: (body: unknown) => Promise<{ status: number; body: any }>; lastStep: () => Promise<any> }) => Promise<T>): Promise<T> {
	const flow = await admin.call('/flows', {
		method: 'POST',
		body: json({ name: `test ${type}`, icon: 'bolt', status: 'active', trigger: 'webhook', accountability: 'all', options: { method: 'POST', async: false, return: '$last' } }),
	});
	expect(flow.status, JSON.stringify(flow.body)).toBe(200);
	const id = flow.body.data.id as string;
	try {
		const op = await admin.call('/operations', { method: 'POST', body: json({ flow: id, key: 'step', name: type, type, position_x: 19, position_y: 1, options }) });
		expect(op.status, JSON.stringify(op.body)).toBe(200);
		const linked = await admin.call(`/flows/${id}`, { method: 'PATCH', body: json({ operation: op.body.data.id }) });
		expect(linked.status, JSON.stringify(linked.body)).toBe(200);
		const run = (body: unknown) => admin.call(`/flows/trigger/${id}`, { method: 'POST', body: json(body) });
		const lastStep = async () => {
			const revisions = await admin.call(`/revisions?filter[collection][_eq]=directus_flows&filter[item][_eq]=${id}&sort=-id&limit=1&fields=data`);
			return revisions.body.data[0]?.data.steps[0];
		};
		return await use({ id, run, lastStep });
	} finally {
		await admin.call(`/flows/${id}`, { method: 'DELETE' });
	}
}

describe('after-sales-coverage (三包判定 / warranty coverage) in a Flow', () => {
	test('WTY-3: when a flow asks about a unit whose card came back late, then it answers not covered with card_late and the remedy', async () => {
		const admin = await loginAdmin();
		const late = await createUnit('D001', 60, 40);
		const fine = await createUnit('D001', 60, 5);
		await withFlow(admin, 'after-sales-coverage', { serial: '{{$trigger.body.serial}}', at: '{{$trigger.body.at}}', fault_category: 'hydraulic' }, async (flow) => {
			const lateAnswer = await flow.run({ serial: late.serial_no });
			expect(lateAnswer.status).toBe(200);
			expect(lateAnswer.body).toMatchObject({ serial_no: late.serial_no, covered: false, coverage: 'dealer_expense', dealer_bears_cost: true });
			expect(lateAnswer.body.reason_codes).toContain('card_late');
			expect(lateAnswer.body.summary_zh).toMatch(/^不在三包范围内/);
			expect(lateAnswer.body.next_remedy).toBe('repair');
			const fineAnswer = await flow.run({ serial: fine.serial_no, at: new Date().toISOString().slice(0, 10) });
			expect(fineAnswer.body).toMatchObject({ covered: true, coverage: 'warranty', reasons: [], reason_codes: [] });
			expect((await flow.lastStep()).status).toBe('resolve');
		});
	});

	test('WTY-3: when the serial is unknown or the date is malformed, then the step rejects with the reason (404 / 400 naming the field)', async () => {
		const admin = await loginAdmin();
		await withFlow(admin, 'after-sales-coverage', { serial: '{{$trigger.body.serial}}', at: '{{$trigger.body.at}}' }, async (flow) => {
			const unknown = await flow.run({ serial: 'NO-SUCH-UNIT' });
			expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
			expect(unknown.body.message).toContain('NO-SUCH-UNIT');
			expect((await flow.lastStep()).status).toBe('reject');
			const unit = await createUnit('D001', 10, 2);
			const bad = await flow.run({ serial: unit.serial_no, at: 'yesterday' });
			expect(bad.body).toMatchObject({ code: 'INVALID_PAYLOAD', status: 400, field: 'at', rule: 'INT-2' });
		});
	});
});

describe('after-sales-deadline (计算时限 / business deadline) in a Flow', () => {
	test.each([
		['2 h of business time from Friday 16:00 runs into Monday morning', { duration: 2, unit: 'hours' }, '2026-11-30T01:00:00.000Z', '2026-11-30 09:00'],
		['3 business days from Friday 16:00 end on Wednesday 16:00', { duration: 3, unit: 'business_days' }, '2026-12-02T08:00:00.000Z', '2026-12-02 16:00'],
		['3 working days (WTY-11, counted in the calendar) from Friday 16:00 end when work stops on Wednesday', { duration: 3, unit: 'working_days' }, '2026-12-02T09:30:00.000Z', '2026-12-02 17:30'],
		['2 h around the clock is 2 h', { duration: 2, unit: 'hours', clock: '24x7' }, '2026-11-27T10:00:00.000Z', '2026-11-27 18:00'],
		['90 business minutes from Friday 16:00 end at closing time', { duration: '90', unit: 'minutes' }, '2026-11-27T09:30:00.000Z', '2026-11-27 17:30'],
	])('CAL-1, CAL-2: when %s, then the flow answers that instant', async (_title, options, due, local) => {
		const admin = await loginAdmin();
		const settings = (await admin.call('/items/service_settings?fields=calendar')).body.data;
		// The default calendar (CAL-1: Mon–Fri 08:30–12:00, 13:00–17:30, Asia/Shanghai) with no holiday on these days.
		expect(settings.calendar?.timezone ?? 'Asia/Shanghai').toBe('Asia/Shanghai');
		await withFlow(admin, 'after-sales-deadline', { start: '{{$trigger.body.start}}', ...options }, async (flow) => {
			const { status, body } = await flow.run({ start: '2026-11-27T16:00:00+08:00' });
			expect(status).toBe(200);
			expect(body).toMatchObject({ start: '2026-11-27T08:00:00.000Z', due_at: due, due_local: local, timezone: 'Asia/Shanghai' });
		});
	});

	test('CAL-2: when the duration is missing or negative, then the step rejects naming the field', async () => {
		const admin = await loginAdmin();
		await withFlow(admin, 'after-sales-deadline', { duration: '{{$trigger.body.duration}}' }, async (flow) => {
			expect((await flow.run({ duration: -1 })).body).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'duration', rule: 'CAL-1' });
			expect((await flow.run({})).body).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'duration' });
			const now = await flow.run({ duration: 1 });
			expect(Math.abs(new Date(now.body.start).getTime() - Date.now())).toBeLessThan(60_000);
		});
	});
});

describe('after-sales-notify (售后通知 / notify) in a Flow', () => {
	const hits: { path: string; body: any }[] = [];
	let sink: Server;
	let previousChannels: unknown;

	const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => resolve(text));
	});

	beforeAll(async () => {
		const port = await freePort();
		sink = createServer(async (req, res) => {
			hits.push({ path: req.url ?? '', body: JSON.parse((await readBody(req)) || 'null') });
			res.setHeader('content-type', 'application/json');
			res.end(req.url?.includes('refuse') ? '{"errcode":310000,"errmsg":"keywords not in content"}' : '{"errcode":0,"errmsg":"ok"}');
		});
		await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', () => resolve()));
		const admin = await loginAdmin();
		previousChannels = (await admin.call('/items/service_settings?fields=notification_channels')).body.data.notification_channels;
		const saved = await admin.call('/items/service_settings', {
			method: 'PATCH',
			body: json({ notification_channels: { in_app: true, email: false, webhooks: [
				{ name: '售后群', url: `http://127.0.0.1:${port}/dingtalk?access_token=t`, format: 'dingtalk', secret: 'SECflow' },
				{ name: 'wecom', url: `http://127.0.0.1:${port}/wecom`, format: 'wecom' },
				{ name: 'refusing', url: `http://127.0.0.1:${port}/refuse`, format: 'dingtalk' },
			] } }),
		});
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
	});

	afterAll(async () => {
		const admin = await loginAdmin();
		await admin.call('/items/service_settings', { method: 'PATCH', body: json({ notification_channels: previousChannels ?? { in_app: true, email: false, webhooks: [] } }) });
		await new Promise<void>((resolve) => sink.close(() => resolve()));
	});

	test('NTF-1: when a flow notifies a role in-app, then each active member gets one inbox notice linked to the record', async () => {
		const admin = await loginAdmin();
		const managers = (await admin.call('/users?filter[role][_eq]=a5a1e5a1-0000-4000-8000-000000000002&filter[status][_eq]=active&fields=id')).body.data.map((u: any) => u.id);
		expect(managers.length).toBeGreaterThan(0);
		const subject = `flow notice ${Date.now()}`;
		await withFlow(admin, 'after-sales-notify', { channel: 'in_app', role: 'service_manager', subject, message: '{{$trigger.body.text}}', collection: 'complaints', item: '{{$trigger.body.id}}' }, async (flow) => {
			const { status, body } = await flow.run({ text: '客户来电催修 / customer chasing', id: 7 });
			expect(status).toBe(200);
			expect(body).toMatchObject({ channel: 'in_app', sent: managers.length });
			expect([...body.recipients].sort()).toEqual([...managers].sort());
			const inbox = (await admin.call(`/notifications?filter[subject][_eq]=${encodeURIComponent(subject)}&fields=recipient,message,collection,item`)).body.data;
			expect(inbox.map((n: any) => n.recipient).sort()).toEqual([...managers].sort());
			expect(inbox[0]).toMatchObject({ message: '客户来电催修 / customer chasing', collection: 'complaints', item: '7' });
		});
	});

	test('NTF-2: when a flow notifies a DingTalk robot, then the signed URL gets one markdown message @-mentioning the mobiles', async () => {
		const admin = await loginAdmin();
		hits.length = 0;
		await withFlow(admin, 'after-sales-notify', { channel: 'webhook', webhook: '售后群', mobiles: '{{$trigger.body.mobiles}}', subject: '三包索赔待审核', message: '{{$trigger.body.text}}' }, async (flow) => {
			const { body } = await flow.run({ text: 'D001 有 2 笔索赔待审核', mobiles: '13800000001, 13900000002' });
			expect(body).toMatchObject({ channel: 'webhook', webhook: '售后群', sent: 1, mentioned: ['13800000001', '13900000002'] });
			const hit = (await eventually(async () => hits, (h) => h.length > 0))[0]!;
			expect(hit.path).toMatch(/^\/dingtalk\?access_token=t&timestamp=\d+&sign=/);
			expect(hit.body).toMatchObject({ msgtype: 'markdown', at: { atMobiles: ['13800000001', '13900000002'], isAtAll: false } });
			expect(hit.body.markdown.text).toContain('D001 有 2 笔索赔待审核');
			expect(hit.body.markdown.text).toContain('@13800000001 @13900000002');
		});
	});

	test('NTF-2: when a flow notifies a WeCom robot with @all, then the text message lists the mentions', async () => {
		const admin = await loginAdmin();
		hits.length = 0;
		await withFlow(admin, 'after-sales-notify', { channel: 'webhook', webhook: 'wecom', mobiles: ['13800000001'], mention_all: true, subject: '超时预警', message: '投诉 #12 即将超时' }, async (flow) => {
			await flow.run({});
			const hit = (await eventually(async () => hits, (h) => h.length > 0))[0]!;
			expect(hit.body).toEqual({ msgtype: 'text', text: { content: '超时预警\n投诉 #12 即将超时', mentioned_mobile_list: ['13800000001', '@all'] } });
		});
	});

	test.each([
		['an unknown robot', { channel: 'webhook', webhook: 'nope', subject: 's', message: 'm' }, 'webhook', 'NTF-2'],
		['a robot without a name', { channel: 'webhook', subject: 's', message: 'm' }, 'webhook', 'NTF-1'],
		['nobody to notify in-app', { channel: 'in_app', subject: 's', message: 'm' }, 'users', 'NTF-1'],
		['an unknown role', { channel: 'in_app', role: 'no-such-role', subject: 's', message: 'm' }, 'role', 'NTF-1'],
		['a role without active users', { channel: 'in_app', role: '00000000-0000-4000-8000-000000000000', subject: 's', message: 'm' }, 'role', 'NTF-1'],
		['no subject', { channel: 'in_app', role: 'service_manager', message: 'm' }, 'subject', 'NTF-1'],
		['a malformed user id', { channel: 'in_app', users: 'bob', subject: 's', message: 'm' }, 'users.0', 'NTF-1'],
	])('NTF-1: when the options name %s, then the step rejects naming the field', async (_title, options, field, rule) => {
		const admin = await loginAdmin();
		await withFlow(admin, 'after-sales-notify', options, async (flow) => {
			expect((await flow.run({})).body).toMatchObject({ code: 'INVALID_PAYLOAD', field, rule });
			expect((await flow.lastStep()).status).toBe('reject');
		});
	});

	test('NTF-2: when the robot refuses the message, then the step rejects with the robot\'s error code', async () => {
		const admin = await loginAdmin();
		await withFlow(admin, 'after-sales-notify', { channel: 'webhook', webhook: 'refusing', subject: 's', message: 'm' }, async (flow) => {
			const { body } = await flow.run({});
			expect(body.message).toContain('robot refused: 310000');
			expect((await flow.lastStep()).status).toBe('reject');
		});
	});
});

describe('the operations in the Flow editor', () => {
	test('CONTRACT: when the Studio loads the app extensions, then the bundle carries the three operations\' app parts', async () => {
		const admin = await loginAdmin();
		// The Studio's extension bundle (a minifier may escape the Chinese half of the labels).
		const app = await admin.call('/extensions/sources/index.js');
		expect(app.status).toBe(200);
		for (const text of ['after-sales-coverage', 'Warranty coverage', 'after-sales-notify', 'Notify', 'after-sales-deadline', 'Business deadline']) expect(String(app.body)).toContain(text);
	});

	test('CONTRACT: when an admin opens Settings → Extensions, then the bundle lists the three operations once each, enabled', async () => {
		// Directus 12.4 matches extension settings by folder name alone: a bundle folder named like one of its
		// entries (`after-sales`, the endpoint) gets its entries registered twice and this list answers 500.
		const admin = await loginAdmin();
		const { status, body } = await admin.call('/extensions');
		expect(status, JSON.stringify(body)).toBe(200);
		const operations = body.data.filter((e: any) => e.schema?.type === 'operation').map((e: any) => `${e.schema.name}:${e.meta.enabled}`);
		expect(operations.sort()).toEqual(['after-sales-coverage:true', 'after-sales-deadline:true', 'after-sales-notify:true']);
	});
});
