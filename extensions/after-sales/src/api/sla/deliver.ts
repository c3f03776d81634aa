// ESC-2, ESC-4: delivery of escalation notices. Every logged escalation carries its deliveries
// (channel × recipient) in `escalations.deliveries`; this step sends those that are due as one
// digest per recipient per channel, records success or the error, and schedules a retry with
// backoff (`next_delivery_at`). A failing channel never blocks the sweep or the other channels.
import type { Knex } from 'knex';
import type { Calendar } from '../../domain/calendar';
import {
	buildWebhookPayload,
	computeDigestLines,
	computeDigests,
	computeDingTalkSignedUrl,
	computeRetrySchedule,
	computeWebhookDigest,
	type Delivery,
	type Digest,
	type EscalationNotice,
	type NotificationChannels,
	type NotificationEvent,
} from '../../domain/notifications';
import type { PackContext } from '../lib/context';
import { fromInstant, toInstant } from '../lib/db-values';

export type { Delivery };

/** A claimed batch is leased for this long: a crashed instance's deliveries are picked up again after it. */
const LEASE_MS = 10 * 60_000;
const WEBHOOK_TIMEOUT_MS = 5_000;
const BATCH = 500;

type Row = Record<string, unknown>;
const parse = <T>(value: unknown, fallback: T): T => (value === null || value === undefined ? fallback : typeof value === 'string' ? JSON.parse(value) : (value as T));

export async function deliverDue(ctx: PackContext, knex: Knex, now: Date, channels: NotificationChannels, calendar: Calendar, schema: unknown): Promise<{ sent: number; failed: number }> {
	const nowText = fromInstant(now)!;
	const candidates: { id: number }[] = await knex('escalations').where('next_delivery_at', '<=', nowText).orderBy('id').limit(BATCH).select('id');
	if (!candidates.length) return { sent: 0, failed: 0 };
	const lease = fromInstant(new Date(now.getTime() + LEASE_MS));
	// Claim by moving next_delivery_at past now, in one statement: of two concurrent sweeps only one
	// updates a given row (PostgreSQL re-checks the condition after the other's commit; SQLite
	// serialises writers), and RETURNING tells each which rows are its own.
	const returned = await knex('escalations')
		.whereIn('id', candidates.map((c) => c.id))
		.andWhere('next_delivery_at', '<=', nowText)
		.update({ next_delivery_at: lease }, ['id']);
	const claimed = (returned as ({ id: number } | number)[]).map((r) => Number(typeof r === 'object' ? r.id : r));
	if (!claimed.length) return { sent: 0, failed: 0 };

	const rows: Row[] = await knex('escalations').whereIn('id', claimed).select('*');
	const deliveriesOf = new Map<number, Delivery[]>();
	const events: NotificationEvent[] = [];
	for (const row of rows) {
		const deliveries = parse<Delivery[]>(row['deliveries'], []);
		deliveriesOf.set(Number(row['id']), deliveries);
		const escalation = toNotice(row, ctx);
		for (const d of deliveries) {
			if ((d.status === 'pending' || d.status === 'failed') && d.next_at && new Date(d.next_at) <= now) {
				events.push({ recipient: d.recipient, channel: d.channel, escalation });
			}
		}
	}

	let sent = 0;
	let failed = 0;
	const idOfKey = new Map(rows.map((r) => [String(r['escalation_key']), Number(r['id'])]));
	for (const digest of computeDigests(events)) {
		let error: string | null = null;
		try {
			await send(ctx, knex, digest, channels, calendar, schema);
		} catch (e) {
			error = (e as Error).message || String(e);
			ctx.logger.warn(`[after-sales] ESC-4: ${digest.channel} to ${digest.recipient} failed: ${error}`);
		}
		if (error) failed++;
		else sent++;
		for (const escalation of digest.escalations) {
			const list = deliveriesOf.get(idOfKey.get(escalation.key)!)!;
			const d = list.find((x) => x.channel === digest.channel && x.recipient === digest.recipient);
			if (!d) continue;
			d.attempts += 1;
			if (!error) {
				Object.assign(d, { status: 'sent', sent_at: now.toISOString(), next_at: null, error: null });
			} else if (error.startsWith('abandon:')) {
				Object.assign(d, { status: 'abandoned', next_at: null, error: error.slice(8).trim() });
			} else {
				const retry = computeRetrySchedule(d.attempts, now);
				Object.assign(d, retry.give_up ? { status: 'abandoned', next_at: null, error } : { status: 'failed', next_at: retry.retry_at.toISOString(), error });
			}
		}
	}

	await knex.transaction(async (trx) => {
		for (const [id, deliveries] of deliveriesOf) {
			const open = deliveries.filter((d) => (d.status === 'pending' || d.status === 'failed') && d.next_at).map((d) => new Date(d.next_at!).getTime());
			await trx('escalations').where({ id }).update({
				deliveries: JSON.stringify(deliveries),
				next_delivery_at: open.length ? fromInstant(new Date(Math.min(...open))) : null,
			});
		}
	});
	return { sent, failed };
}

function toNotice(row: Row, ctx: PackContext): EscalationNotice {
	const publicUrl = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/$/, '');
	return {
		key: String(row['escalation_key']),
		collection: String(row['collection']),
		item_id: String(row['item']),
		milestone: String(row['milestone']),
		milestone_label: String(row['milestone_label'] ?? row['milestone']),
		kind: row['kind'] as EscalationNotice['kind'],
		level: Number(row['level']) as 1 | 2 | 3,
		due_at: toInstant(row['due_at']),
		url: publicUrl && publicUrl !== '/' ? `${publicUrl}/admin/content/${row['collection']}/${row['item']}` : null,
	};
}

async function send(ctx: PackContext, knex: Knex, digest: Digest, channels: NotificationChannels, calendar: Calendar, schema: unknown) {
	const timeZone = calendar.timezone;
	if (digest.channel === 'in_app') {
		const { title, lines } = computeDigestLines(digest.escalations, { timeZone, markdown: true });
		// ItemsService, not NotificationsService: the latter would also e-mail, and e-mail is its own channel here.
		const notifications = new ctx.services["ItemsService"]!('directus_notifications', { knex, schema, accountability: null });
		const single = digest.escalations.length === 1 ? digest.escalations[0]! : null;
		await notifications.createOne({
			recipient: digest.recipient, sender: null, status: 'inbox', subject: title.slice(0, 255), message: lines.join('\n'),
			collection: single?.collection ?? null, item: single ? String(single.item_id) : null,
		});
		return;
	}
	if (digest.channel === 'email') {
		const user = await knex('directus_users').where({ id: digest.recipient }).first('email');
		if (!user?.email) throw new Error('abandon: the user has no e-mail address');
		const { title, lines } = computeDigestLines(digest.escalations, { timeZone, markdown: false });
		const mail = new ctx.services["MailService"]!({ schema, knex });
		await mail.send({ to: user.email, subject: title, text: [title, '', ...lines].join('\n'), html: `<p>${escapeHtml(title)}</p><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` });
		return;
	}
	if (digest.channel.startsWith('webhook:')) {
		const name = digest.channel.slice('webhook:'.length);
		const webhook = channels.webhooks.find((w) => w.name === name);
		if (!webhook) throw new Error(`abandon: webhook '${name}' is no longer configured`);
		const part = computeWebhookDigest(digest, webhook);
		if (!part) return;
		const url = webhook.format === 'dingtalk' && webhook.secret ? computeDingTalkSignedUrl(webhook.url, webhook.secret, Date.now()) : webhook.url;
		const response = await fetch(url, {
			method: 'POST', headers: { 'content-type': 'application/json' },
			body: JSON.stringify(buildWebhookPayload(webhook.format, part, { timeZone })),
			signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
		// The robots answer 200 with an error code in the body when they refuse a message.
		if (webhook.format !== 'json') {
			let body: { errcode?: number; code?: number; errmsg?: string; msg?: string } = {};
			try {
				body = JSON.parse(text);
			} catch {
				/* not JSON: accept the 2xx */
			}
			const code = body.errcode ?? body.code ?? 0;
			if (code !== 0) throw new Error(`robot refused: ${code} ${body.errmsg ?? body.msg ?? ''}`.trim());
		}
		return;
	}
	throw new Error(`abandon: unknown channel ${digest.channel}`);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
