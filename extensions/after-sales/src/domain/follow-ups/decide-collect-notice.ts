import type { FollowUpRules } from './schemas';
import type { PlannedFollowUp } from './decide-follow-ups';

/** A repair order as REQ-7 sees it. */
export interface CollectSubject {
	id: number;
	status: string;
	customer: number | null;
	service_request: number | null;
	/** When the machine was dropped off (else received). */
	dropped_off_at: Date | null;
	promised_at: Date | null;
	completed_at: Date | null;
}

export type CollectNoticeDecision = { plan: PlannedFollowUp } | { cancel: true } | null;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** REQ-7: the key of a repair's collection notice: one per repair, moved when the promise moves. */
export const computeCollectNoticeKey = (repairId: number) => `repair_records:${repairId}:collect_notice`;

/**
 * REQ-7: the customer is told to collect `collect_notice_short_hours` (1 h) before the promised
 * completion of a job shorter than `long_job_days` (2 days, drop-off → promise), and
 * `collect_notice_long_hours` (4 h) before a longer one; a repair finished earlier is announced at
 * once. The notice is a follow-up (due at the notice time, missed after the promise) sent to the
 * customer by the configured channel; without one an agent phones. A cancelled repair withdraws it;
 * a repair with no promise, no customer or no drop-off yet has none.
 */
export function decideCollectNotice(subject: CollectSubject, rules: FollowUpRules): CollectNoticeDecision {
	if (subject.status === 'cancelled') return { cancel: true };
	if (subject.customer === null || subject.promised_at === null || subject.dropped_off_at === null) return null;
	const length = subject.promised_at.getTime() - subject.dropped_off_at.getTime();
	const hours = length >= rules.long_job_days * DAY ? rules.collect_notice_long_hours : rules.collect_notice_short_hours;
	let due = new Date(Math.max(subject.promised_at.getTime() - hours * HOUR, subject.dropped_off_at.getTime()));
	if (subject.status === 'completed' && subject.completed_at && subject.completed_at.getTime() < due.getTime()) due = subject.completed_at;
	const until = new Date(Math.max(subject.promised_at.getTime(), due.getTime()));
	return {
		plan: {
			follow_up_key: computeCollectNoticeKey(subject.id), kind: 'collect_notice', rule: 'REQ-7', customer: subject.customer,
			service_request: subject.service_request, repair_record: subject.id, due_at: due, due_until: until, survey: false, notify_customer_at: due,
		},
	};
}
