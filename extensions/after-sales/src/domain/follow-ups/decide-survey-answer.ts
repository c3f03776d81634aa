import { nextWorkingInstant, type Calendar } from '../calendar';
import { computeDatePlusDays } from '../warranty';
import { computeBusinessDate, computeDayEnd } from './compute-day-bounds';
import { computeLowScoreNoticeKey, computeLowScoreTaskKey } from './compute-follow-up-key';
import { FollowUpStateError, SurveyGoneError } from './follow-up-errors';
import type { FollowUpFacts } from './follow-up-facts';
import type { FollowUpRules, SurveyAnswer } from './schemas';
import { msg } from '../messages';
import { catalogNotice, type LocalNoticeText } from '../notifications/local-notice';

export interface SurveyAnswerPlan {
	/** Columns of the answered follow-up. */
	columns: Record<string, unknown>;
	/** FUP-6: present when the score is low. */
	lowScore: {
		/** A follow-up task for the service manager and the technician, written once under its key. */
		task: {
			follow_up_key: string; kind: 'satisfaction_call'; customer: number; service_request: number | null; repair_record: number | null;
			due_at: Date; due_until: Date; notes: string;
		};
		/** NTF-1: the technician (when known) and every service manager, each told once. */
		notify: { technician: string | null; roles: readonly ['service_manager'] };
		noticeKey: (user: string) => string;
		text: LocalNoticeText;
	} | null;
}

/**
 * FUP-6: the customer's answer through a signed link. It records the score and the comment on the
 * follow-up, which is then done (channel `survey`). A follow-up already done (answered, or logged
 * by phone) is a 409; a cancelled one is a 410. A score at or below `low_score_threshold` (2)
 * opens a `satisfaction_call` task for the next working time, noting the score and the comment,
 * and tells the technician and the service managers (NTF-1).
 */
export function decideSurveyAnswer(facts: FollowUpFacts, answer: SurveyAnswer, settings: { rules: FollowUpRules; calendar: Calendar }, now: Date): SurveyAnswerPlan {
	if (facts.status === 'cancelled') throw new SurveyGoneError('FUP-6', 'token', msg('survey.closed'));
	if (facts.status === 'done') throw new FollowUpStateError('FUP-6', 'token', msg('survey.answered'));
	const comment = answer.comment?.trim() || null;
	const line = `满意度调查 / survey: ${answer.score}/5${comment ? ` — ${comment}` : ''}`;
	const columns: Record<string, unknown> = {
		status: 'done', done_at: now, done_by: null, channel: 'survey', satisfaction: answer.score,
		notes: facts.notes ? `${facts.notes}\n${line}` : line,
	};
	if (answer.score > settings.rules.low_score_threshold) return { columns, lowScore: null };

	const zone = settings.calendar.timezone;
	const due = nextWorkingInstant(now, settings.calendar);
	const ref = facts.service_request ?? facts.repair_record ?? facts.id;
	const notes = `FUP-6 低分跟进 / low-score follow-up: 客户评分 ${answer.score}/5${comment ? `：${comment}` : ''}（回访 #${facts.id}）`;
	return {
		columns,
		lowScore: {
			task: {
				follow_up_key: computeLowScoreTaskKey(facts.id), kind: 'satisfaction_call', customer: facts.customer,
				service_request: facts.service_request, repair_record: facts.repair_record,
				due_at: due, due_until: computeDayEnd(computeDatePlusDays(computeBusinessDate(due, zone), 1), zone), notes,
			},
			notify: { technician: facts.technician, roles: ['service_manager'] },
			noticeKey: (user) => computeLowScoreNoticeKey(facts.id, user),
			text: comment
				? catalogNotice('notice.low_score_subject', 'notice.low_score_message_comment', { score: answer.score, ref, comment })
				: catalogNotice('notice.low_score_subject', 'notice.low_score_message', { score: answer.score, ref }),
		},
	};
}
