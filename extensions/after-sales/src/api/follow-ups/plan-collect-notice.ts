// REQ-7: load → decide → write of a repair's collection notice, after a write that set or moved its
// drop-off, promise or status. The notice is created once per repair; while it is still planned
// and unsent a new promise moves it (and its SMS), a cancelled repair withdraws it.
import type { Knex } from 'knex';
import { decideCollectNotice, type CollectSubject } from '../../domain/follow-ups';
import { computeCustomerDeliveries, computeNextDeliveryAt, type Delivery } from '../../domain/notifications';
import type { PackContext } from '../lib/context';
import { fromInstant, toInstant, toJsonArray, toStoredInstant } from '../lib/db-values';
import { loadFollowUpSettings, type FollowUpSettings } from './load-follow-up-settings';
import { writeFollowUps } from './write-follow-ups';

const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

export async function planCollectNotices(ctx: PackContext, ids: readonly number[], now = new Date()): Promise<void> {
	const settings = await loadFollowUpSettings(ctx);
	for (const id of ids) {
		const subject = await loadCollectSubject(ctx.database, id);
		if (!subject) continue;
		const decision = decideCollectNotice(subject, settings.rules);
		if (!decision) continue;
		if ('cancel' in decision) {
			await ctx.database('follow_ups').where({ repair_record: id, kind: 'collect_notice', status: 'planned' })
				.update({ status: 'cancelled', next_delivery_at: null, date_updated: toStoredInstant(now, ctx.database) });
			continue;
		}
		const written = await writeFollowUps(ctx.database, [decision.plan], settings, now);
		if (!written) await movePlanned(ctx.database, decision.plan.follow_up_key, decision.plan.due_at, decision.plan.due_until, settings, now);
	}
}

/** A notice that exists: still planned and nothing sent yet, it follows the new promise. */
async function movePlanned(knex: Knex, key: string, due: Date, until: Date, settings: FollowUpSettings, now: Date): Promise<void> {
	await knex.transaction(async (trx) => {
		const row = await trx('follow_ups as f').join('customers as c', 'c.id', 'f.customer').where('f.follow_up_key', key).andWhere('f.status', 'planned')
			.first('f.id', 'f.customer', 'f.due_at', 'f.due_until', 'f.deliveries', 'c.phone', 'c.email');
		if (!row) return;
		const same = toInstant(row.due_at, trx)?.getTime() === due.getTime() && toInstant(row.due_until, trx)?.getTime() === until.getTime();
		const deliveries = toJsonArray(row.deliveries) as Delivery[];
		if (same || deliveries.some((d) => d.status !== 'pending')) return;
		const fresh = computeCustomerDeliveries(key, Number(row.customer), { phone: row.phone ?? null, email: row.email ?? null }, settings.channels, due);
		await trx('follow_ups').where({ id: row.id }).update({
			due_at: toStoredInstant(due, trx), due_until: toStoredInstant(until, trx), date_updated: toStoredInstant(now, trx),
			deliveries: fresh.length ? JSON.stringify(fresh) : null, next_delivery_at: fromInstant(computeNextDeliveryAt(fresh), trx),
		});
	});
}

async function loadCollectSubject(knex: Knex, id: number): Promise<CollectSubject | null> {
	const r = await knex('repair_records as r').leftJoin('units as u', 'u.id', 'r.unit').leftJoin('service_requests as s', 's.id', 'r.service_request').where('r.id', id)
		.first('r.id', 'r.status', 'r.service_request', 'r.dropped_off_at', 'r.received_at', 'r.promised_at', 'r.completed_at', 's.customer as request_customer', 'u.customer as unit_customer');
	if (!r) return null;
	return {
		id: Number(r.id), status: String(r.status), customer: num(r.request_customer) ?? num(r.unit_customer), service_request: num(r.service_request),
		dropped_off_at: toInstant(r.dropped_off_at, knex) ?? toInstant(r.received_at, knex), promised_at: toInstant(r.promised_at, knex), completed_at: toInstant(r.completed_at, knex),
	};
}
