// REQ-7, FUP-6, NTF-3: the sweep's messages to customers: the collection notice before a repair is
// done and the survey link after a service, by SMS (the configured gateway) and e-mail. Rows are
// claimed under a lease like every other delivery (claim-under-lease.ts); each delivery carries a
// stable key so a gateway drops a repeat, is marked right after it is sent, and retries with
// backoff. A collection notice that reached the customer is done; a survey link leaves its
// satisfaction call planned (the agent still phones).
import { loadSettings } from '../services/settings';
import type { Knex } from 'knex';
import { computeCustomerMessage, type FollowUpRecordKind } from '../../domain/follow-ups';
import { computeDeliveryAfterAttempt, computeNextDeliveryAt, isDeliveryOpen, type Delivery, type NotificationChannels } from '../../domain/notifications';
import { claimUnderLease, clockFrom, LeaseHold } from '../lib/claim-under-lease';
import type { PackContext } from '../lib/context';
import { fromInstant, toInstant, toJsonArray, toStoredInstant } from '../lib/db-values';

const LEASE_MS = 2 * 60_000;
const BATCH = 200;
const SMS_TIMEOUT_MS = 5_000;

type Row = Record<string, any>;

/** `since`: the wall-clock time (`Date.now()`) at which `now` was taken (a sweep's start). */
export async function deliverCustomerNotices(ctx: PackContext, knex: Knex, channels: NotificationChannels, timeZone: string, now = new Date(), since = Date.now()): Promise<{ sent: number; failed: number }> {
	// ESC-4, NTF-3: retries as `delivery_retry` in the settings says.
	const retry = (await loadSettings(knex)).deliveryRetry;
	// The lease runs from the claim, and is renewed before a message when it runs short (LeaseHold).
	const hold = new LeaseHold(knex, 'follow_ups', LEASE_MS, clockFrom(now, since));
	const claimed = await claimUnderLease<Row>(knex, { table: 'follow_ups', now, lease: hold.lease, batch: BATCH, columns: ['id', 'kind', 'status', 'customer', 'repair_record', 'survey_url', 'due_until', 'deliveries', 'notes'] });
	if (!claimed.length) return { sent: 0, failed: 0 };
	const facts = await loadFacts(knex, claimed);
	let sent = 0;
	let failed = 0;
	const schema = await ctx.getSchema({ database: knex });
	for (const [index, row] of claimed.entries()) {
		const deliveries = toJsonArray(row['deliveries']) as Delivery[];
		const f = facts.get(Number(row['id']));
		const message = row['status'] === 'planned' && f
			? computeCustomerMessage({ kind: row['kind'] as FollowUpRecordKind, customer_name: f.customer_name, serial_no: f.serial_no, repair_record: row['repair_record'] === null ? null : Number(row['repair_record']), ready_at: f.ready_at, completed: f.completed, survey_url: row['survey_url'] ?? null, time_zone: timeZone, visit_at: f.visit_at, dealer_name: f.dealer_name })
			: null;
		const reached: string[] = [];
		for (let i = 0; i < deliveries.length; i++) {
			const d = deliveries[i]!;
			if (!isDeliveryOpen(d) || new Date(d.next_at!) > now) continue;
			// This row and the ones after it are still held; the ones before are released.
			await hold.keep(() => claimed.slice(index).map((r) => Number(r['id'])), SMS_TIMEOUT_MS + 1_000);
			if (hold.lost.has(Number(row['id']))) break;
			let error: string | null = null;
			try {
				if (!message) throw new Error(`abandon: follow-up #${row['id']} is ${row['status']}; nothing to tell the customer`);
				await send(ctx, knex, schema, d, message, f!, channels, String(row['kind']), Number(row['id']));
				reached.push(d.channel);
			} catch (e) {
				error = (e as Error).message || String(e);
				ctx.logger.warn(`[after-sales] REQ-7/FUP-6: ${d.channel} to customer of follow-up #${row['id']} failed: ${error}`);
			}
			deliveries[i] = computeDeliveryAfterAttempt(d, error, now, retry);
			if (error) failed++;
			else sent++;
			// Marked at once, under the lease: a crash later in this run does not re-send what went out.
			await knex('follow_ups').where({ id: row['id'], next_delivery_at: hold.lease }).update({ deliveries: JSON.stringify(deliveries) });
		}
		const release: Record<string, unknown> = { deliveries: JSON.stringify(deliveries), next_delivery_at: fromInstant(computeNextDeliveryAt(deliveries), knex) };
		// REQ-7: a collection notice that reached the customer is done, by the channel that reached them.
		// DLR-2: so is the visit appointment notice.
		if ((row['kind'] === 'collect_notice' || row['kind'] === 'visit_notice') && reached.length && row['status'] === 'planned') {
			const channel = reached.includes('sms') ? 'sms' : 'email';
			Object.assign(release, {
				status: 'done', done_at: toStoredInstant(now, knex), channel, date_updated: toStoredInstant(now, knex),
				notes: [row['notes'], `${channel === 'sms' ? '已短信' : '已邮件'}通知${row['kind'] === 'visit_notice' ? '上门时间 / visit notice' : '取车 / collection notice'} sent (${channel}): ${message!.text}`].filter(Boolean).join('\n'),
			});
		}
		if (hold.lost.has(Number(row['id']))) continue;
		await knex('follow_ups').where({ id: row['id'], next_delivery_at: hold.lease }).update(release);
	}
	return { sent, failed };
}

type Facts = { customer_name: string | null; phone: string | null; email: string | null; serial_no: string | null; ready_at: Date | null; completed: boolean; visit_at: Date | null; dealer_name: string | null };

async function loadFacts(knex: Knex, rows: readonly Row[]): Promise<Map<number, Facts>> {
	const found: Row[] = await knex('follow_ups as f').join('customers as c', 'c.id', 'f.customer').leftJoin('repair_records as r', 'r.id', 'f.repair_record')
		.leftJoin('service_requests as s', 's.id', 'f.service_request').leftJoin('dealers as d', 'd.id', 's.dealer')
		.leftJoin('units as u', function () {
			this.on('u.id', '=', knex.raw('coalesce(r.unit, s.unit)'));
		})
		.whereIn('f.id', rows.map((r) => r['id']))
		.select('f.id', 'f.due_until', 'c.name', 'c.phone', 'c.email', 'u.serial_no', 'r.status as repair_status', 'r.promised_at', 'r.completed_at', 'd.name as dealer_name');
	return new Map(found.map((r) => [Number(r['id']), {
		customer_name: r['name'] ?? null, phone: r['phone'] ?? null, email: r['email'] ?? null, serial_no: r['serial_no'] ?? null,
		completed: r['repair_status'] === 'completed', ready_at: toInstant(r['repair_status'] === 'completed' ? r['completed_at'] : r['promised_at'], knex),
		// DLR-2: a visit notice is due until the visit it announces (its key holds the same time).
		visit_at: toInstant(r['due_until'], knex), dealer_name: r['dealer_name'] ?? null,
	}]));
}

async function send(ctx: PackContext, knex: Knex, schema: unknown, delivery: Delivery, message: { subject: string; text: string }, facts: Facts, channels: NotificationChannels, kind: string, id: number) {
	if (delivery.channel === 'sms') {
		if (!channels.customer_sms) throw new Error('abandon: no SMS gateway is configured any more');
		if (!facts.phone) throw new Error('abandon: the customer has no phone number');
		const response = await fetch(channels.customer_sms.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-idempotency-key': delivery.key ?? '', ...(channels.customer_sms.token ? { authorization: `Bearer ${channels.customer_sms.token}` } : {}) },
			body: JSON.stringify({ key: delivery.key, to: facts.phone, text: message.text, kind, follow_up: id }),
			signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
		});
		if (!response.ok) throw new Error(`SMS gateway: HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
		return;
	}
	if (delivery.channel === 'email') {
		if (!facts.email) throw new Error('abandon: the customer has no e-mail address');
		const mail = new ctx.services.MailService({ schema, knex });
		await mail.send({ to: facts.email, subject: message.subject, headers: { 'X-Idempotency-Key': delivery.key ?? '' }, text: `${message.text}\n\nIdempotency-Key: ${delivery.key}` });
		return;
	}
	throw new Error(`abandon: unknown channel ${delivery.channel}`);
}
