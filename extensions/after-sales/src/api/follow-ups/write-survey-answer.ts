// FUP-6: the customer's answer in one transaction — the follow-up row locked and its state
// re-checked, the answer written only if it is still open (so two taps, or two servers, record it
// once), and for a low score the follow-up task and the notices (each once, by key).
import type { Knex } from 'knex';
import { decideSurveyAnswer, OPEN_FOLLOW_UP_STATUSES, FollowUpStateError, type SurveyAnswer } from '../../domain/follow-ups';
import { toStoredInstant, vendorOf } from '../lib/db-values';
import { insertManyOnce, insertOnce } from '../lib/insert-once';
import { activeUsersOf, noticeRows } from '../notices/notice-row';
import { notFound } from '../lib/errors';
import { loadFollowUpFacts } from './load-follow-up-facts';
import type { FollowUpSettings } from './load-follow-up-settings';
import { msg } from '../../domain/messages';

export type SurveyResult = { id: number; customer: number; satisfaction: number; low_score: boolean; task: number | null; notified: number };

export async function writeSurveyAnswer(knex: Knex, id: number, answer: SurveyAnswer, settings: FollowUpSettings, now: Date): Promise<SurveyResult> {
	return knex.transaction(async (trx) => {
		const lock = trx('follow_ups').where({ id }).select('id');
		if (vendorOf(trx) !== 'sqlite') lock.forUpdate();
		await lock;
		const facts = await loadFollowUpFacts(trx, id);
		if (!facts) throw notFound(msg('survey.gone'));
		const plan = decideSurveyAnswer(facts, answer, settings, now);
		const stamp = toStoredInstant(now, trx);
		const updated = await trx('follow_ups').where({ id }).whereIn('status', [...OPEN_FOLLOW_UP_STATUSES])
			.update({ ...plan.columns, done_at: stamp, date_updated: stamp });
		if (!updated) throw new FollowUpStateError('FUP-6', 'token', msg('survey.answered'));
		if (!plan.lowScore) return { id, customer: facts.customer, satisfaction: answer.score, low_score: false, task: null, notified: 0 };

		const { task } = plan.lowScore;
		// FUP-6: per setting, a low score opens a complaint instead of the task (survey-routes.ts, after this commits).
		const asTask = settings.rules.low_score_opens === 'follow_up';
		if (asTask) await insertOnce(trx, 'follow_ups', {
			follow_up_key: task.follow_up_key, kind: task.kind, customer: task.customer, service_request: task.service_request, repair_record: task.repair_record,
			status: 'planned', due_at: toStoredInstant(task.due_at, trx), due_until: toStoredInstant(task.due_until, trx), notes: task.notes, date_created: stamp,
		}, 'follow_up_key');
		const taskRow = asTask ? await trx('follow_ups').where({ follow_up_key: task.follow_up_key }).first('id') : null;
		const managers = await activeUsersOf(trx, 'service_manager');
		const people = [...new Set([...(plan.lowScore.notify.technician ? [plan.lowScore.notify.technician] : []), ...managers])];
		// NTF-2: negative feedback reaches people by e-mail and the robots too, like every notice.
		const notified = await insertManyOnce(trx, 'directus_notifications', await noticeRows(trx, people.map((person) => ({
			key: plan.lowScore!.noticeKey(person), recipient: person, kind: 'negative_feedback' as const, collection: 'follow_ups', item: taskRow?.id ?? id, text: plan.lowScore!.text,
		})), settings.channels, now), 'notice_key');
		return { id, customer: facts.customer, satisfaction: answer.score, low_score: true, task: taskRow ? Number(taskRow.id) : null, notified };
	});
}
