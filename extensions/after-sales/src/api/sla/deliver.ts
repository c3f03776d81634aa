// ESC-2, ESC-4, NTF-3: delivery of escalation notices. Every logged escalation carries its
// deliveries (channel × recipient, each with a stable key) in `escalations.deliveries`; this step
// claims every due one under a 2-minute lease, sends them as one digest per recipient per channel,
// records success or the error, and schedules a retry with backoff (`next_delivery_at`). A failing
// channel never blocks the sweep or the other channels.
import { loadSettings } from '../services/settings';
import type { Knex } from 'knex';
import type { Calendar } from '../../domain/calendar';
import {
	buildWebhookPayload,
	computeDigestLines,
	computeDigests,
	computeDeliveryAfterAttempt,
	computeDeliveryKey,
	computeDigestKey,
	computeNextDeliveryAt,
	computeWebhookDigest,
	isDeliveryOpen,
	type Delivery,
	type Digest,
	type EscalationNotice,
	type NotificationChannels,
	type NotificationEvent,
} from '../../domain/notifications';
import type { PackContext } from '../lib/context';
import { fromInstant, toInstant, vendorOf } from '../lib/db-values';
import { claimUnderLease, clockFrom, LeaseHold, leaseOf } from '../lib/claim-under-lease';
import { escapeHtml } from '../lib/escape-html';
import { postToRobot, WEBHOOK_TIMEOUT_MS } from '../lib/post-to-robot';
import { resolveLanguage } from '../lib/error-language';
import { bulkUpdate, type BulkColumn } from './bulk-update';

export type { Delivery };

/**
 * Claimed escalations are leased for this long: a crashed instance's deliveries are taken over
 * after it. A random few milliseconds make each claim's lease value its own, so a write guarded by
 * it fails once another instance has taken the lease over.
 */
export const LEASE_MS = 2 * 60_000;
/** `AFTER_SALES_DELIVERY_LEASE_SECONDS` shortens it (the two-instance crash test). */
const leaseMs = (ctx: PackContext) => Math.max(1, Number(ctx.env['AFTER_SALES_DELIVERY_LEASE_SECONDS'] ?? LEASE_MS / 1000)) * 1000;
/** Rows claimed per statement; every due row is claimed (no cap per sweep), in as many statements as it takes. */
const CLAIM_BATCH = 2_000;

type Row = Record<string, unknown>;

/**
 * Escalations a sweep logged already claimed under `lease` (see writeSweepPlan), as stored, and
 * the wall-clock time (`Date.now()`) at which the sweep took its `now`.
 */
export type HeldDeliveries = { lease: string; rows: Row[]; since: number };

/** NTF-3: the lease one sweep's deliveries are claimed under. */
export const deliveryLease = (ctx: PackContext, knex: Knex, now: Date) => leaseOf(knex, now, leaseMs(ctx));

const parse = <T>(value: unknown, fallback: T): T => (value === null || value === undefined ? fallback : typeof value === 'string' ? JSON.parse(value) : (value as T));
const DELIVERY_COLUMNS: BulkColumn[] = [{ name: 'deliveries', type: 'json' }, { name: 'next_delivery_at', type: 'timestamp' }];

/**
 * ESC-2, NTF-2, NTF-3: sends every delivery that is due, one digest per recipient per channel.
 * An in-app notice is inserted in the same transaction that marks its deliveries sent, guarded by
 * this sweep's lease: a crash leaves both undone, a lease taken over leaves both undone, so no
 * inbox shows a notice twice. E-mail and webhooks cannot be transactional: they carry the digest's
 * stable key (`X-Idempotency-Key`, and in the body) and are marked sent right after, so a crash
 * re-sends a digest at most once, with the same key.
 */
export async function deliverDue(ctx: PackContext, knex: Knex, now: Date, channels: NotificationChannels, calendar: Calendar, schema: unknown, held?: HeldDeliveries): Promise<{ sent: number; failed: number }> {
	// ESC-4, NTF-3: retries as `delivery_retry` in the settings says.
	const retry = (await loadSettings(knex)).deliveryRetry;
	const clock = clockFrom(now, held?.since ?? Date.now());
	const span = leaseMs(ctx);
	const hold = new LeaseHold(knex, 'escalations', span, clock, held?.lease);
	// The sweep's own new escalations are already under its lease (written so), which has run for as
	// long as the sweep has: renewed first when half of it is gone. The rest is claimed under it.
	const heldIds = (held?.rows ?? []).map((row) => Number(row['id']));
	await hold.keep(() => heldIds, span / 2);
	const claimed = await claimUnderLease<Row>(knex, { table: 'escalations', now: clock(), lease: hold.lease, batch: CLAIM_BATCH, max: Infinity });
	const rows = [...(held?.rows ?? []).filter((row) => !hold.lost.has(Number(row['id']))), ...claimed];
	if (!rows.length) return { sent: 0, failed: 0 };
	// A receiver gets at most half the lease to answer, and the lease is renewed before each digest
	// when less than that (and a second) is left: no other instance takes over a digest in flight.
	const sendMs = Math.min(WEBHOOK_TIMEOUT_MS, span / 2);

	const deliveriesOf = new Map<number, Delivery[]>();
	const idOfKey = new Map<string, number>();
	const events: (NotificationEvent & { delivery: string })[] = [];
	for (const row of rows) {
		const id = Number(row['id']);
		const deliveries = parse<Delivery[]>(row['deliveries'], []);
		deliveriesOf.set(id, deliveries);
		idOfKey.set(String(row['escalation_key']), id);
		const escalation = toNotice(row, ctx, knex);
		for (const d of deliveries) {
			if (!isDeliveryOpen(d) || new Date(d.next_at!) > now) continue;
			const delivery = d.key ?? computeDeliveryKey(escalation.key, d.channel, d.recipient);
			events.push({ recipient: d.recipient, channel: d.channel, escalation: { ...escalation, delivery_key: delivery }, delivery });
		}
	}

	let sent = 0;
	let failed = 0;
	const digests = computeDigests(events);
	for (const digest of digests) digest.key = computeDigestKey(digest.escalations.map((e) => e.delivery_key ?? e.key));
	const record = (digest: Digest, error: string | null) => {
		for (const escalation of digest.escalations) {
			const list = deliveriesOf.get(idOfKey.get(escalation.key)!)!;
			const index = list.findIndex((x) => x.channel === digest.channel && x.recipient === digest.recipient);
			if (index !== -1) list[index] = computeDeliveryAfterAttempt(list[index]!, error, now, retry);
		}
	};
	/** Rows whose lease this sweep has let go (their next delivery time, or none, is written). */
	const released = new Set<number>();
	const stillHeld = () => [...deliveriesOf.keys()].filter((id) => !released.has(id) && !hold.lost.has(id));
	const release = (ids: Iterable<number>) => [...new Set(ids)].map((id) => {
		const deliveries = deliveriesOf.get(id)!;
		const open = deliveries.filter(isDeliveryOpen).map((d) => new Date(d.next_at!).getTime());
		// Still leased while another channel of this sweep is to be tried; released (next time, or none) otherwise.
		const next = open.some((t) => t <= now.getTime()) ? hold.lease : open.length ? fromInstant(new Date(Math.min(...open)), knex) : null;
		if (next !== hold.lease) released.add(id);
		return { id, deliveries: JSON.stringify(deliveries), next_delivery_at: next };
	});

	// In-app: every notice of this sweep and the mark that it was sent commit together, under the lease.
	const inApp = digests.filter((d) => d.channel === 'in_app');
	if (inApp.length) {
		try {
			await knex.transaction(async (trx) => {
				const touched = new Set(inApp.flatMap((d) => d.escalations.map((e) => idOfKey.get(e.key)!)));
				await assertLeaseHeld(trx, [...touched], hold.lease);
				for (const digest of inApp) {
					record(digest, null);
					await sendInApp(ctx, trx, digest, calendar, schema);
				}
				await writeDeliveries(trx, release(touched), hold.lease);
			});
			sent += inApp.length;
		} catch (error) {
			// The lease was taken over, or the database refused: nothing was written, all is retried.
			failed += inApp.length;
			ctx.logger.warn(`[after-sales] NTF-3: in-app notices not delivered, retried: ${(error as Error).message}`);
			released.clear();
			const fresh: Row[] = await knex('escalations').whereIn('id', [...deliveriesOf.keys()]).select('id', 'deliveries');
			for (const row of fresh) deliveriesOf.set(Number(row['id']), parse<Delivery[]>(row['deliveries'], []));
			// Rows taken over are the other instance's to send, on every channel.
			await hold.check(deliveriesOf.keys());
		}
	}

	// E-mail and webhooks: sent, then marked; a crash between the two re-sends once, with the same key.
	const external = digests.filter((d) => d.channel !== 'in_app');
	const touched = new Set<number>();
	for (const digest of external) {
		await hold.keep(stillHeld, sendMs + 1_000);
		const ours = digest.escalations.filter((e) => !hold.lost.has(idOfKey.get(e.key)!));
		if (!ours.length) continue;
		if (ours.length !== digest.escalations.length) {
			digest.escalations = ours;
			digest.key = computeDigestKey(ours.map((e) => e.delivery_key ?? e.key));
		}
		let error: string | null = null;
		try {
			await send(ctx, knex, digest, channels, calendar, schema, sendMs);
		} catch (e) {
			error = (e as Error).message || String(e);
			ctx.logger.warn(`[after-sales] ESC-4: ${digest.channel} to ${digest.recipient} failed: ${error}`);
		}
		record(digest, error);
		for (const e of digest.escalations) touched.add(idOfKey.get(e.key)!);
		if (error) failed++;
		else sent++;
		// Marked at once, so a crash later in this sweep does not re-send what already went out.
		await writeDeliveries(knex, release(digest.escalations.map((e) => idOfKey.get(e.key)!)), hold.lease);
	}

	// Release the lease of every claimed row still holding it: its next delivery time, or none when all are done.
	const rest = stillHeld();
	await writeDeliveries(knex, rest.map((id) => ({ id, deliveries: JSON.stringify(deliveriesOf.get(id)), next_delivery_at: nextOpen(deliveriesOf.get(id)!, knex) })), hold.lease);
	return { sent, failed };
}

const nextOpen = (deliveries: Delivery[], knex: Knex) => fromInstant(computeNextDeliveryAt(deliveries), knex);

/** Writes deliveries back, only where this sweep's lease still holds. */
async function writeDeliveries(knex: Knex, rows: { id: number; deliveries: string; next_delivery_at: string | null }[], lease: string) {
	for (let i = 0; i < rows.length; i += CLAIM_BATCH) {
		await bulkUpdate(knex, 'escalations', { name: 'id', type: 'integer' }, DELIVERY_COLUMNS, rows.slice(i, i + CLAIM_BATCH), { column: 'next_delivery_at', value: lease });
	}
}

/** NTF-3: inside the transaction, the rows are locked and still carry this sweep's lease, or nothing is written. */
async function assertLeaseHeld(trx: Knex, ids: number[], lease: string) {
	let held = 0;
	for (let i = 0; i < ids.length; i += CLAIM_BATCH) {
		const query = trx('escalations').whereIn('id', ids.slice(i, i + CLAIM_BATCH)).andWhere('next_delivery_at', lease).select('id');
		if (vendorOf(trx) !== 'sqlite') query.forUpdate();
		held += (await query).length;
	}
	if (held !== ids.length) throw new Error(`the delivery lease of ${ids.length - held} escalation(s) was taken over by another instance`);
}

function toNotice(row: Row, ctx: PackContext, knex: Knex): EscalationNotice {
	const publicUrl = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/$/, '');
	return {
		key: String(row['escalation_key']),
		collection: String(row['collection']),
		item_id: String(row['item']),
		milestone: String(row['milestone']),
		milestone_label: String(row['milestone_label'] ?? row['milestone']),
		kind: row['kind'] as EscalationNotice['kind'],
		level: Number(row['level']) as 1 | 2 | 3,
		due_at: toInstant(row['due_at'], knex),
		url: publicUrl && publicUrl !== '/' ? `${publicUrl}/admin/content/${row['collection']}/${row['item']}` : null,
	};
}

/** NTF-1: a person reads their notices in their Directus language (else the project's). */
const languageOf = (knex: Knex, user: string) => resolveLanguage(knex, { user, role: null, admin: false, app: false });

async function sendInApp(ctx: PackContext, knex: Knex, digest: Digest, calendar: Calendar, schema: unknown) {
	const { title, lines } = computeDigestLines(digest.escalations, { timeZone: calendar.timezone, markdown: true, language: await languageOf(knex, digest.recipient) });
	// ItemsService, not NotificationsService: the latter would also e-mail, and e-mail is its own channel here.
	const notifications = new ctx.services['ItemsService']!('directus_notifications', { knex, schema, accountability: null });
	const single = digest.escalations.length === 1 ? digest.escalations[0]! : null;
	await notifications.createOne({
		recipient: digest.recipient, sender: null, status: 'inbox', subject: title.slice(0, 255), message: lines.join('\n'),
		collection: single?.collection ?? null, item: single ? String(single.item_id) : null,
	});
}

async function send(ctx: PackContext, knex: Knex, digest: Digest, channels: NotificationChannels, calendar: Calendar, schema: unknown, timeoutMs: number) {
	const timeZone = calendar.timezone;
	if (digest.channel === 'email') {
		const user = await knex('directus_users').where({ id: digest.recipient }).first('email');
		if (!user?.email) throw new Error('abandon: the user has no e-mail address');
		const { title, lines } = computeDigestLines(digest.escalations, { timeZone, markdown: false, language: await languageOf(knex, digest.recipient) });
		const mail = new ctx.services["MailService"]!({ schema, knex });
		await mail.send({ to: user.email, subject: title, headers: { 'X-Idempotency-Key': digest.key }, text: [title, '', ...lines, '', `Idempotency-Key: ${digest.key}`].join('\n'), html: `<p>${escapeHtml(title)}</p><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` });
		return;
	}
	if (digest.channel.startsWith('webhook:')) {
		const name = digest.channel.slice('webhook:'.length);
		const webhook = channels.webhooks.find((w) => w.name === name);
		if (!webhook) throw new Error(`abandon: webhook '${name}' is no longer configured`);
		const part = computeWebhookDigest(digest, webhook);
		if (!part) return;
		await postToRobot(webhook, buildWebhookPayload(webhook.format, part, { timeZone }), digest.key ?? null, timeoutMs);
		return;
	}
	throw new Error(`abandon: unknown channel ${digest.channel}`);
}

