// REQ-5, NTF-1..3: when the customer's consent to additional work is recorded on a repair, the
// people doing the work are told — the repair's technician and its dealer's portal users — so the
// work starts only once it counts. One notice per (consent, person), keyed by what was consented
// and when, so re-saving the repair never tells anyone twice; e-mail and robots as for every notice.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { catalogNotice, type NotificationChannels } from '../../domain/notifications';
import { parseConsentedWork } from '../../domain/repair-orders';
import { formatLocalInstant } from '../../domain/calendar';
import { formatMoney } from '../../domain/money';
import { toJson } from '../lib/db-values';
import { noticeRows, type NoticeInput } from './notice-row';
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
	const notices: NoticeInput[] = [];
	for (const c of consents) {
		const digest = createHash('sha256').update(`${c.description}\u0000${c.consented_at.toISOString()}\u0000${c.amount_fen}`).digest('hex').slice(0, 16);
		for (const person of people) {
			notices.push({
				key: `repair_records:${repairId}:consent:${digest}:${person}`, recipient: person, kind: 'consent', collection: 'repair_records', item: repairId,
				text: catalogNotice('notice.consent_subject', 'notice.consent_message', {
					repair: repairId, description: c.description, amount: formatMoney(c.amount_fen), by: c.consented_by, at: formatLocalInstant(c.consented_at, timeZone).slice(0, 16),
				}),
			});
		}
	}
	return insertManyOnce(knex, 'directus_notifications', await noticeRows(knex, notices, channels, now), 'notice_key');
}
