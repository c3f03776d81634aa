import { catalogNotice, type LocalNoticeText } from '../notifications/local-notice';
import type { PlannedFollowUp } from './decide-follow-ups';

/** A dealer task as the scheduling notices see it (DLR-2). */
export interface ScheduledTask {
	id: number;
	status: string;
	dealer: number | null;
	dealer_name: string | null;
	customer: number | null;
	scheduled_for: Date | null;
	problem: string;
}

export interface StaffNotice {
	key: string;
	recipient: string;
	text: LocalNoticeText;
}

export interface VisitNoticePlan {
	/** The customer's message (SMS / e-mail through the follow-up pipeline); null when the task has no customer. */
	visit: PlannedFollowUp | null;
	/** In-app notices to the technical department, one per person. */
	notices: StaffNotice[];
}

const FINAL = ['resolved', 'closed', 'cancelled'];

/** DLR-2: one key per (task, scheduled time): a reschedule is a new scheduling, a retry of the same is not. */
export const computeVisitNoticeKey = (id: number, at: Date) => `service_requests:${id}:visit_notice:${at.toISOString()}`;
export const computeScheduledNoticeKey = (id: number, at: Date, user: string) => `service_requests:${id}:scheduled:${at.toISOString()}:${user}`;

/**
 * DLR-2: when a dealer schedules a task (or the desk moves the planned visit), the customer is told
 * the visit time and the technical department is informed — once per scheduled time. Nothing for a
 * task without a dealer or a planned visit, a task already done, or a visit in the past (old
 * schedulings are history, not news).
 */
export function decideVisitNotices(task: ScheduledTask, technical: readonly string[], formatted: string, now: Date): VisitNoticePlan | null {
	if (task.dealer === null || task.scheduled_for === null || FINAL.includes(task.status)) return null;
	if (task.scheduled_for.getTime() < now.getTime()) return null;
	const at = task.scheduled_for;
	const visit: PlannedFollowUp | null = task.customer === null ? null : {
		follow_up_key: computeVisitNoticeKey(task.id, at), kind: 'visit_notice', rule: 'DLR-2', customer: task.customer,
		service_request: task.id, repair_record: null, due_at: now, due_until: at, survey: false, notify_customer_at: now,
	};
	const dealer = task.dealer_name ?? `#${task.dealer}`;
	const text = catalogNotice('notice.visit_scheduled_subject', 'notice.visit_scheduled_message', { id: task.id, dealer, at: formatted, problem: task.problem.slice(0, 200) });
	return { visit, notices: technical.map((recipient) => ({ key: computeScheduledNoticeKey(task.id, at, recipient), recipient, text })) };
}
