// ESC-2, ESC-4 notifications on a real Directus: e-mail through Directus's mailer to a real SMTP
// server, webhooks to a local HTTP sink (plain JSON and the DingTalk robot format), and a webhook
// target that is down: recorded as a failed delivery with a retry time, never failing the sweep,
// and delivered once it is back.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { closeTestDb, stored as dbInstant, testDb } from './reports-db';
import { freePort } from './setup/global-setup';
import { testSmtpPort } from './setup/directus-env';
import { createComplaint, escalationsOf, manager, sweep, userId, waitFor, waitForTimers } from './sla-helpers';

type Mail = { to: string[]; text: string };
type Hit = { path: string; body: any };
const mails: Mail[] = [];
const hits: Hit[] = [];
let smtp: SMTPServer;
let sink: Server;
let downServer: Server | null = null;
let sinkUrl = '';
let downPort = 0;

/** The text of every MIME part, decoded (nodemailer sends Chinese text quoted-printable or base64). */
function decodeMime(raw: string): string {
	const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
	return parts.map((part) => {
		const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
		const body = rest.join('\n\n');
		if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
			const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex) => `%${hex}`);
			try {
				return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
			} catch {
				return body;
			}
		}
		if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
		return part;
	}).join('\n');
}

const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
	let text = '';
	req.on('data', (chunk) => (text += chunk));
	req.on('end', () => resolve(text));
});

function startSink(port: number, record: (hit: Hit) => void): Promise<Server> {
	const server = createServer(async (req, res) => {
		const text = await readBody(req);
		record({ path: req.url ?? '', body: JSON.parse(text || 'null') });
		res.setHeader('content-type', 'application/json');
		res.end(req.url?.includes('dingtalk') ? '{"errcode":0,"errmsg":"ok"}' : '{"ok":true}');
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
	// Directus (started by the global setup) sends to this port; see tests/setup/directus-env.ts.
	const port = Number(process.env['EMAIL_SMTP_PORT'] ?? testSmtpPort(process.ppid));
	smtp = new SMTPServer({
		authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (chunk) => (raw += chunk));
			stream.on('end', () => {
				mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decodeMime(raw) });
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', () => resolve()));
	const sinkPort = await freePort();
	sink = await startSink(sinkPort, (hit) => hits.push(hit));
	sinkUrl = `http://127.0.0.1:${sinkPort}`;
	downPort = await freePort();

	const admin = await loginAdmin();
	const { status, body } = await admin.call('/items/service_settings', {
		method: 'PATCH',
		body: json({
			notification_channels: {
				in_app: true, email: true,
				webhooks: [
					{ name: 'integration', url: `${sinkUrl}/hook`, format: 'json' },
					{ name: 'dingtalk', url: `${sinkUrl}/dingtalk?access_token=test`, format: 'dingtalk', secret: 'SECtest', events: ['breach'] },
					{ name: 'down', url: `http://127.0.0.1:${downPort}/hook`, format: 'json' },
				],
			},
		}),
	});
	expect(status, JSON.stringify(body)).toBe(200);
});

afterAll(async () => {
	await closeTestDb();
	const admin = await loginAdmin();
	await admin.call('/items/service_settings', { method: 'PATCH', body: json({ notification_channels: { in_app: true, email: false, webhooks: [] } }) });
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
	await new Promise<void>((resolve) => sink.close(() => resolve()));
	if (downServer) await new Promise<void>((resolve) => downServer!.close(() => resolve()));
});

describe('notification channels (ESC-2)', () => {
	test.each([
		['a webhook URL that is not http(s)', { webhooks: [{ name: 'x', url: 'ftp://example.com/hook' }] }, 'notification_channels.webhooks.0.url'],
		['an unknown robot format', { webhooks: [{ name: 'x', url: 'https://example.com/hook', format: 'slack' }] }, 'notification_channels.webhooks.0.format'],
		['two webhooks with one name', { webhooks: [{ name: 'x', url: 'https://a.example/h' }, { name: 'x', url: 'https://b.example/h' }] }, 'notification_channels.webhooks.1.name'],
		['a misspelt channel', { e_mail: true }, 'notification_channels.e_mail'],
	])('ESC-2: when the settings get %s, then it is a 400 naming %s', async (_label, channels, field) => {
		const admin = await loginAdmin();
		const { status, body } = await admin.call('/items/service_settings', { method: 'PATCH', body: json({ notification_channels: channels }) });
		expect(status).toBe(400);
		expect(body.errors[0].extensions.field).toBe(field);
	});

	test('ESC-2: when a backdated complaint escalates, then the manager gets an e-mail and the webhooks get the digest; a target that is down is recorded and retried', async () => {
		const managerId = await userId(manager());
		const complaint = await createComplaint({ handler: managerId });
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		const result = await sweep();
		expect(result.status).toBe(200);

		// E-mail through Directus's mailer to the real SMTP server.
		// NTF-1: the demo manager reads zh-CN, so the e-mail is in Chinese only.
		const mail = await waitFor('the e-mail', async () => mails.find((m) => m.to.includes('manager@example.com') && m.text.includes(`投诉 #${complaint.id} `)));
		expect(mail.text).toContain('【超时 → L2】');
		expect(mail.text).toContain('首次响应（1小时）');
		expect(mail.text).not.toMatch(/Breach|After-sales deadlines|complaint #/);

		// Plain JSON for integrators, with the structured escalations.
		const hook = await waitFor('the JSON webhook', async () => hits.find((h) => h.path === '/hook' && h.body?.escalations?.some((e: any) => e.item_id === String(complaint.id) && e.collection === 'complaints')));
		expect(hook.body.event).toBe('after_sales.escalations');
		const mine = hook.body.escalations.filter((e: any) => e.item_id === String(complaint.id) && e.collection === 'complaints');
		expect(mine.map((e: any) => `${e.kind}:L${e.level}`).sort()).toEqual(['breach:L2', 'warning:L1']);
		expect(mine[0].url).toContain(`/admin/content/complaints/${complaint.id}`);

		// DingTalk robot: markdown, signed URL, breaches only (events filter).
		const robot = await waitFor('the DingTalk webhook', async () => hits.find((h) => h.path.startsWith('/dingtalk') && h.body?.markdown?.text?.includes(`#${complaint.id}`)));
		expect(robot.body.msgtype).toBe('markdown');
		expect(robot.path).toMatch(/access_token=test&timestamp=\d+&sign=/);
		expect(robot.body.markdown.text).not.toContain(`【预警 Warning L1】投诉 complaint #${complaint.id}`);

		// ESC-4: the down target is a recorded failure with a retry, the escalation itself is logged.
		const breach = await waitFor('the recorded failure', async () => {
			const row = (await escalationsOf('complaints', complaint.id)).find((e) => e.kind === 'breach');
			return row?.deliveries?.find((d: any) => d.channel === 'webhook:down')?.attempts >= 1 ? row : null;
		});
		const down = breach.deliveries.find((d: any) => d.channel === 'webhook:down');
		expect(down).toMatchObject({ status: 'failed', attempts: 1 });
		expect(down.error).toBeTruthy();
		expect(new Date(down.next_at).getTime()).toBeGreaterThan(Date.now() - 5_000);
		expect(breach.next_delivery_at).not.toBeNull();
		expect(breach.deliveries.find((d: any) => d.channel === 'webhook:integration').status).toBe('sent');
		expect(breach.deliveries.find((d: any) => d.channel === 'email' && d.recipient === managerId).status).toBe('sent');

		// The target comes back; once the retry is due (moved to the past here instead of waiting
		// the backoff), the next sweep delivers it.
		const downHits: Hit[] = [];
		downServer = await startSink(downPort, (hit) => downHits.push(hit));
		const admin = await loginAdmin();
		const past = '2000-01-01T00:00:00.000Z';
		const rewound = breach.deliveries.map((d: any) => (d.channel === 'webhook:down' ? { ...d, next_at: past } : d));
		// ESC-4: the log is immutable through the API (admins included): the test rewinds the retry in the database.
		expect(await testDb()('escalations').where({ id: breach.id }).update({ deliveries: JSON.stringify(rewound), next_delivery_at: dbInstant(past) })).toBe(1);
		expect((await sweep()).status).toBe(200);
		const retried = await waitFor('the retry', async () => {
			const row = (await escalationsOf('complaints', complaint.id)).find((e) => e.kind === 'breach');
			return row.deliveries.find((d: any) => d.channel === 'webhook:down').status === 'sent' ? row : null;
		});
		expect(retried.deliveries.find((d: any) => d.channel === 'webhook:down').attempts).toBeGreaterThanOrEqual(2);
		expect(downHits.some((h) => h.body.escalations.some((e: any) => e.item_id === String(complaint.id) && e.collection === 'complaints' && e.kind === 'breach'))).toBe(true);
	});

	test('ESC-2: when one sweep escalates several records, then each recipient gets one e-mail digest, not one per record', async () => {
		const managerId = await userId(manager());
		const complaints = await Promise.all([createComplaint({ handler: managerId }), createComplaint({ handler: managerId }), createComplaint({ handler: managerId })]);
		for (const c of complaints) await waitForTimers('complaints', c.id, (t) => t.length === 3);
		const before = mails.length;
		expect((await sweep()).status).toBe(200);
		const mail = await waitFor('the digest', async () => mails.slice(before).find((m) => m.to.includes('manager@example.com') && complaints.every((c) => m.text.includes(`投诉 #${c.id} `))));
		expect(mail).toBeTruthy();
		const toManager = mails.slice(before).filter((m) => m.to.includes('manager@example.com') && complaints.some((c) => m.text.includes(`投诉 #${c.id} `)));
		expect(toManager).toHaveLength(1);
	});
});
