// FUP-6: the customer's answer in one transaction — the follow-up row locked and its state
// re-checked, the answer written only if it is still open (so two taps, or two servers, record it
// once), and for a low score the follow-up task and the notices (each once, by key).
import type { Knex } from 'knex';
import { decideSurveyAnswer, OPEN_FOLLOW_UP_STATUSES, FollowUpStateError, type SurveyAnswer } from '../../domain/follow-ups';
import { computeNoticeDeliveries } from '../../domain/notifications';
import { ROLE_BY_KEY } from '../install/roles';
import { fromInstant, toStoredInstant, vendorOf } from '../lib/db-values';
import { insertManyOnce, insertOnce } from '../lib/insert-once';
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
		const managers: { id: string }[] = await trx('directus_users').where({ role: ROLE_BY_KEY.get('service_manager')!.id, status: 'active' }).select('id');
		const deliveriesOf = (key: string, person: string) => {
			const deliveries = computeNoticeDeliveries(key, 'negative_feedback', person, settings.channels, now);
			return { deliveries: JSON.stringify(deliveries), next_delivery_at: deliveries.length ? fromInstant(now, trx) : null };
		};
		const people = [...new Set([...(plan.lowScore.notify.technician ? [plan.lowScore.notify.technician] : []), ...managers.map((m) => String(m.id))])];
		const notified = await insertManyOnce(trx, 'directus_notifications', people.map((person) => ({
			notice_key: plan.lowScore!.noticeKey(person), recipient: person, sender: null, status: 'inbox', timestamp: fromInstant(now, trx),
			collection: 'follow_ups', item: String(taskRow?.id ?? id), subject: plan.lowScore!.subject.slice(0, 255), message: plan.lowScore!.message,
			// NTF-2: negative feedback reaches people by e-mail and the robots too, like every notice.
			...deliveriesOf(plan.lowScore!.noticeKey(person), person),
		})), 'notice_key');
		return { id, customer: facts.customer, satisfaction: answer.score, low_score: true, task: taskRow ? Number(taskRow.id) : null, notified };
	});
}
