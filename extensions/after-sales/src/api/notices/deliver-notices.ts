// NTF-2, NTF-3: e-mail and robot deliveries of job notices. A job notice is a Directus
// notification (its in-app copy exists once, by `notice_key`); the same row tracks the other
// channels, delivered like the escalation log's (sla/deliver.ts): every due row is claimed under
// a lease, a burst becomes one digest per person per channel carrying a stable key (a receiver
// drops a repeat by it), each digest is marked right after sending, failures retry with backoff,
// and a failing channel blocks no other.
import { loadSettings } from '../services/settings';
import { msg, renderMessage } from '../../domain/messages';
import { resolveLanguage } from '../lib/error-language';
import type { Knex } from 'knex';
import { computeDeliveryAfterAttempt, computeDigestKey, computeNextDeliveryAt, isDeliveryOpen, type Delivery, type NotificationChannels } from '../../domain/notifications';
import { claimUnderLease, clockFrom, LeaseHold } from '../lib/claim-under-lease';
import type { PackContext } from '../lib/context';
import { fromInstant, toJsonArray } from '../lib/db-values';
import { mobilesOf, postToRobot, WEBHOOK_TIMEOUT_MS } from '../lib/post-to-robot';
import { buildRobotMessage } from '../operations/notify/build-robot-message';

const LEASE_MS = 2 * 60_000;
const BATCH = 500;

type NoticeRow = { id: number; notice_key: string; recipient: string; collection: string | null; item: string | null; subject: string; message: string; deliveries: Delivery[] };
type Digest = { recipient: string; channel: string; notices: NoticeRow[]; key: string };

/** `since`: the wall-clock time (`Date.now()`) at which `now` was taken (a sweep's start). */
export async function deliverNotices(ctx: PackContext, knex: Knex, channels: NotificationChannels, now = new Date(), since = Date.now()): Promise<{ sent: number; failed: number }> {
	// ESC-4, NTF-3: retries as `delivery_retry` in the settings says.
	const retry = (await loadSettings(knex)).deliveryRetry;
	// The lease runs from the claim, and is renewed before a digest when it runs short (LeaseHold).
	const hold = new LeaseHold(knex, 'directus_notifications', LEASE_MS, clockFrom(now, since));
	const rows = (await claimUnderLease<Record<string, unknown>>(knex, { table: 'directus_notifications', now, lease: hold.lease, batch: BATCH, columns: ['id', 'notice_key', 'recipient', 'collection', 'item', 'subject', 'message', 'deliveries'] }))
		.map((r) => ({ ...(r as unknown as NoticeRow), id: Number(r['id']), deliveries: toJsonArray(r['deliveries']) as Delivery[] }));
	if (!rows.length) return { sent: 0, failed: 0 };

	const groups = new Map<string, Digest>();
	for (const row of rows) {
		for (const d of row.deliveries) {
			if (!isDeliveryOpen(d) || new Date(d.next_at!) > now) continue;
			const id = `${d.channel}\u0000${row.recipient}`;
			const digest = groups.get(id) ?? { recipient: row.recipient, channel: d.channel, notices: [], key: '' };
			digest.notices.push(row);
			groups.set(id, digest);
		}
	}
	let sent = 0;
	let failed = 0;
	const schema = await ctx.getSchema({ database: knex });
	for (const digest of groups.values()) {
		await hold.keep(() => rows.map((n) => n.id), WEBHOOK_TIMEOUT_MS + 1_000);
		digest.notices = digest.notices.filter((n) => !hold.lost.has(n.id));
		if (!digest.notices.length) continue;
		digest.key = computeDigestKey(digest.notices.map((n) => `${n.notice_key}|${digest.channel}`));
		let error: string | null = null;
		try {
			await send(ctx, knex, digest, channels, schema);
		} catch (e) {
			error = (e as Error).message || String(e);
			ctx.logger.warn(`[after-sales] NTF-2: ${digest.channel} to ${digest.recipient} failed: ${error}`);
		}
		for (const n of digest.notices) {
			const i = n.deliveries.findIndex((x) => x.channel === digest.channel);
			if (i !== -1) n.deliveries[i] = computeDeliveryAfterAttempt(n.deliveries[i]!, error, now, retry);
		}
		if (error) failed++;
		else sent++;
		// Marked at once, under the lease: a crash later in this run does not re-send what went out.
		await Promise.all(digest.notices.map((n) => knex('directus_notifications').where({ id: n.id, next_delivery_at: hold.lease }).update({ deliveries: JSON.stringify(n.deliveries) })));
	}
	// Release every claimed row: its next retry time, or none when all is done.
	await Promise.all(rows.filter((n) => !hold.lost.has(n.id)).map((n) => knex('directus_notifications').where({ id: n.id, next_delivery_at: hold.lease }).update({ deliveries: JSON.stringify(n.deliveries), next_delivery_at: fromInstant(computeNextDeliveryAt(n.deliveries), knex) })));
	return { sent, failed };
}

async function send(ctx: PackContext, knex: Knex, digest: Digest, channels: NotificationChannels, schema: unknown) {
	// NTF-1: each notice is already in its person's language; the digest's subject follows it.
	const subject = digest.notices.length === 1 ? digest.notices[0]!.subject : renderMessage(await resolveLanguage(knex, { user: digest.recipient, role: null, admin: false, app: false }), msg('notice.digest_subject', { count: digest.notices.length }));
	const body = digest.notices.map((n) => `${n.subject}\n${n.message}`).join('\n\n');
	const publicUrl = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/$/, '');
	const url = publicUrl && publicUrl !== '/' ? `${publicUrl}/after-sales/portal/` : null;
	if (digest.channel === 'email') {
		const user = await knex('directus_users').where({ id: digest.recipient }).first('email');
		if (!user?.email) throw new Error('abandon: the user has no e-mail address');
		const mail = new ctx.services.MailService({ schema, knex });
		await mail.send({ to: user.email, subject, headers: { 'X-Idempotency-Key': digest.key }, text: `${body}${url ? `\n\n${url}` : ''}\n\nIdempotency-Key: ${digest.key}` });
		return;
	}
	if (digest.channel.startsWith('webhook:')) {
		const name = digest.channel.slice('webhook:'.length);
		const webhook = channels.webhooks.find((w) => w.name === name);
		if (!webhook) throw new Error(`abandon: webhook '${name}' is no longer configured`);
		const mobiles = await mobilesOf(knex, [digest.recipient]);
		await postToRobot(webhook, buildRobotMessage(webhook.format, { subject, message: body, mobiles, mention_all: false, url, key: digest.key }), digest.key);
		return;
	}
	throw new Error(`abandon: unknown channel ${digest.channel}`);
}
