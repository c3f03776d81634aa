// REQ-5, NTF-1..3: when the customer's consent to additional work is recorded on a repair, the
// people doing the work are told — the repair's technician and its dealer's portal users — so the
// work starts only once it counts. One notice per (consent, person), keyed by what was consented
// and when, so re-saving the repair never tells anyone twice; e-mail and robots as for every notice.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { computeNoticeDeliveries, type NotificationChannels } from '../../domain/notifications';
import { parseConsentedWork } from '../../domain/repair-orders';
import { formatLocalInstant } from '../../domain/calendar';
import { formatMoney } from '../../domain/money';
import { fromInstant, toJson } from '../lib/db-values';
import { insertManyOnce } from '../lib/insert-once';

export async function enqueueConsentNotices(knex: Knex, repairId: number, channels: NotificationChannels, timeZone: string, now: Date): Promise<number> {
	const repair = await knex('repair_records').where({ id: repairId }).first('id', 'technician', 'dealer', 'extra_work');
	if (!repair) return 0;
	let consents;
	try {
		consents = parseConsentedWork(toJson(repair.extra_work), now);
	} catch {
		return 0; // refused on save already; nothing consented to tell
	}
	if (!consents.length) return 0;
	const people = new Set<string>();
	if (repair.technician) people.add(String(repair.technician));
	if (repair.dealer) for (const u of (await knex('directus_users').where({ dealer: repair.dealer, status: 'active' }).select('id')) as { id: string }[]) people.add(String(u.id));
	const rows: Record<string, unknown>[] = [];
	for (const c of consents) {
		const digest = createHash('sha256').update(`${c.description}\u0000${c.consented_at.toISOString()}\u0000${c.amount_fen}`).digest('hex').slice(0, 16);
		for (const person of people) {
			const key = `repair_records:${repairId}:consent:${digest}:${person}`;
			const deliveries = computeNoticeDeliveries(key, 'consent', person, channels, now);
			rows.push({
				notice_key: key, recipient: person, sender: null, status: 'inbox', timestamp: fromInstant(now, knex), collection: 'repair_records', item: String(repairId),
				subject: `维修单 #${repairId}：客户已同意追加项目 / customer consented to additional work`.slice(0, 255),
				message: `${c.description} ¥${formatMoney(c.amount_fen)} · 同意人 ${c.consented_by} · ${formatLocalInstant(c.consented_at, timeZone).slice(0, 16)}`,
				deliveries: JSON.stringify(deliveries), next_delivery_at: deliveries.length ? fromInstant(now, knex) : null,
			});
		}
	}
	return insertManyOnce(knex, 'directus_notifications', rows, 'notice_key');
}
