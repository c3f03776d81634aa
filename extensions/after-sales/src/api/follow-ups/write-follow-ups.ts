// FUP-1..3, FUP-6: the planned follow-ups written once each, under their key (INT-3), in one
// transaction; a satisfaction call then gets its signed survey link, which needs the row's id.
import type { Knex } from 'knex';
import { computeSurveyToken, type PlannedFollowUp } from '../../domain/follow-ups';
import { toStoredInstant } from '../lib/db-values';
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
		// FUP-3: the request's satisfaction call learns which repair it asks about, when the repair comes second.
		for (const p of planned) {
			if (p.repair_record !== null) await trx('follow_ups').where({ follow_up_key: p.follow_up_key }).whereNull('repair_record').update({ repair_record: p.repair_record });
		}
		return inserted;
	});
}
