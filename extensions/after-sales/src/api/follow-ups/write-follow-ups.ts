// FUP-1..6, REQ-7: the planned follow-ups written once each, under their key (INT-3), in one
// transaction; a satisfaction call then gets its signed survey link, which needs the row's id, and
// a follow-up that messages the customer (the survey link, the collection notice) gets its SMS /
// e-mail deliveries, sent by the sweep (deliver-customer-notices.ts).
import type { Knex } from 'knex';
import { nextWorkingInstant } from '../../domain/calendar';
import { computeSurveyToken, type PlannedFollowUp } from '../../domain/follow-ups';
import { computeCustomerDeliveries, computeNextDeliveryAt } from '../../domain/notifications';
import { fromInstant, toStoredInstant } from '../lib/db-values';
import { insertManyOnce } from '../lib/insert-once';
import type { FollowUpSettings } from './load-follow-up-settings';

/** The page a survey link opens: under PUBLIC_URL when Directus knows it, else relative to this server. */
export function surveyUrlOf(settings: FollowUpSettings, token: string): string {
	return `${settings.publicUrl}/after-sales/survey/${token}`;
}

export async function writeFollowUps(knex: Knex, planned: readonly PlannedFollowUp[], settings: FollowUpSettings, now: Date): Promise<number> {
	if (!planned.length) return 0;
	return knex.transaction(async (trx) => {
		const rows = planned.map((p) => ({
			follow_up_key: p.follow_up_key, kind: p.kind, customer: p.customer, service_request: p.service_request, repair_record: p.repair_record,
			status: 'planned', due_at: toStoredInstant(p.due_at, trx), due_until: toStoredInstant(p.due_until, trx), date_created: toStoredInstant(now, trx),
			...(p.event_name ? { event_name: p.event_name.slice(0, 255) } : {}), ...(p.event_on ? { event_on: p.event_on } : {}),
		}));
		const inserted = await insertManyOnce(trx, 'follow_ups', rows, 'follow_up_key');
		const surveyed = planned.filter((p) => p.survey).map((p) => p.follow_up_key);
		if (surveyed.length && settings.secret) {
			const fresh: { id: number }[] = await trx('follow_ups').whereIn('follow_up_key', surveyed).whereNull('survey_url').select('id');
			const expires = new Date(now.getTime() + settings.rules.survey_valid_days * 86_400_000);
			for (const { id } of fresh) {
				await trx('follow_ups').where({ id }).whereNull('survey_url').update({ survey_url: surveyUrlOf(settings, computeSurveyToken(Number(id), expires, settings.secret)) });
			}
		}
		// FUP-6: the survey link is texted after the service, in working time (never a 3 a.m. SMS); REQ-7: the notice at its time.
		const messaged = planned.filter((p) => (p.survey && settings.secret) || p.notify_customer_at);
		if (messaged.length) await addCustomerDeliveries(trx, messaged.map((p) => ({ key: p.follow_up_key, at: p.notify_customer_at ?? nextWorkingInstant(now, settings.calendar) })), settings);
		// FUP-3: the request's satisfaction call learns which repair it asks about, when the repair comes second.
		for (const p of planned) {
			if (p.repair_record !== null) await trx('follow_ups').where({ follow_up_key: p.follow_up_key }).whereNull('repair_record').update({ repair_record: p.repair_record });
		}
		return inserted;
	});
}

/** REQ-7, FUP-6: deliveries for planned follow-ups that have none yet, by the customer's phone and e-mail. */
export async function addCustomerDeliveries(trx: Knex, wanted: readonly { key: string; at: Date }[], settings: FollowUpSettings): Promise<void> {
	const at = new Map(wanted.map((w) => [w.key, w.at]));
	const rows: Record<string, any>[] = await trx('follow_ups as f').join('customers as c', 'c.id', 'f.customer')
		.whereIn('f.follow_up_key', [...at.keys()]).andWhere('f.status', 'planned').whereNull('f.deliveries')
		.select('f.id', 'f.follow_up_key', 'f.customer', 'c.phone', 'c.email');
	for (const row of rows) {
		const deliveries = computeCustomerDeliveries(String(row['follow_up_key']), Number(row['customer']), { phone: row['phone'] ?? null, email: row['email'] ?? null }, settings.channels, at.get(String(row['follow_up_key']))!);
		if (!deliveries.length) continue;
		await trx('follow_ups').where({ id: row['id'] }).whereNull('deliveries').update({ deliveries: JSON.stringify(deliveries), next_delivery_at: fromInstant(computeNextDeliveryAt(deliveries), trx) });
	}
}
