import { nextWorkingInstant, type Calendar } from '../calendar';
import { computeDatePlusDays } from '../warranty';
import { computeBusinessDate, computeDayEnd, computeDayStart } from './compute-day-bounds';
import { computeFollowUpKey } from './compute-follow-up-key';
import type { FollowUpRecordKind, FollowUpRules } from './schemas';

/** What happened to a record: a request reached `dispatched`, a request `resolved`, a repair `completed`. */
export type FollowUpEvent = 'dispatched' | 'resolved' | 'completed';

/** A service request or a repair record, as the follow-up rules see it. */
export interface FollowUpSubject {
	collection: 'service_requests' | 'repair_records';
	id: number;
	status: string;
	/** The customer to call; without one nobody can be called and nothing is planned. */
	customer: number | null;
	/** A repair's request (for a request: its own id). */
	service_request: number | null;
	dispatched_at: Date | null;
	/** A request's `resolved_at`, a repair's `completed_at`. */
	done_at: Date | null;
}

export interface FollowUpSettingsInput {
	rules: FollowUpRules;
	calendar: Calendar;
}

/** A follow-up the rules call for, ready to be written once under its key. */
export interface PlannedFollowUp {
	follow_up_key: string;
	kind: FollowUpRecordKind;
	rule: 'FUP-1' | 'FUP-2' | 'FUP-3' | 'FUP-4' | 'FUP-5' | 'REQ-7' | 'DLR-2';
	/** FUP-4: the event a call or letter is about. */
	event_name?: string | null;
	event_on?: string | null;
	customer: number;
	service_request: number | null;
	repair_record: number | null;
	due_at: Date;
	due_until: Date;
	/** FUP-6: the row gets a signed survey link once it has an id. */
	survey: boolean;
	/** REQ-7, FUP-6: a message goes to the customer (SMS / e-mail) at this moment: the collection notice, the survey link. */
	notify_customer_at?: Date | null;
}

const REQUEST_DISPATCHED = ['dispatched', 'scheduled', 'on_site', 'waiting_customer', 'waiting_parts', 'resolved', 'closed'];
const REQUEST_DONE = ['resolved', 'closed'];

/**
 * FUP-1..3: the follow-ups an event calls for.
 * - FUP-1 dispatched → a `first_call` confirming arrival time, people and equipment, due
 *   `first_call_within_hours` after the dispatch and missed after the end of that business day;
 * - FUP-2 dispatched → a `second_call` due between day `second_follow_up_from_days` (7) and day
 *   `second_follow_up_until_days` (14) after the first call's day;
 * - FUP-3 resolved (request) or completed (repair) → a `satisfaction_call`, due from the first
 *   working time `satisfaction_call_after_days` (1) after the service, missed after the end of day
 *   `satisfaction_call_within_days` (3) (never before the end of its first due day); it carries a
 *   survey link (FUP-6).
 * Each has a stable key, so the adapter writes it once however often the event is seen. `now`
 * stands in for a missing stamp only.
 */
export function decideFollowUps(event: FollowUpEvent, subject: FollowUpSubject, settings: FollowUpSettingsInput, now: Date): PlannedFollowUp[] {
	if (subject.customer === null) return [];
	const { rules, calendar } = settings;
	const zone = calendar.timezone;
	const isRequest = subject.collection === 'service_requests';
	const base = {
		customer: subject.customer,
		service_request: isRequest ? subject.id : subject.service_request,
		repair_record: isRequest ? null : subject.id,
	};
	const planned: PlannedFollowUp[] = [];

	if (event === 'dispatched' && isRequest && REQUEST_DISPATCHED.includes(subject.status)) {
		const dispatched = subject.dispatched_at ?? now;
		const firstDue = new Date(dispatched.getTime() + rules.first_call_within_hours * 3_600_000);
		planned.push({ ...base, follow_up_key: computeFollowUpKey(subject, 'first_call'), kind: 'first_call', rule: 'FUP-1', due_at: firstDue, due_until: computeDayEnd(computeBusinessDate(firstDue, zone), zone), survey: false });
		planned.push({ ...base, follow_up_key: computeFollowUpKey(subject, 'second_call'), kind: 'second_call', rule: 'FUP-2', ...computeSecondCallWindow(firstDue, rules, zone), survey: false });
	}

	const done = (event === 'resolved' && isRequest && REQUEST_DONE.includes(subject.status)) || (event === 'completed' && !isRequest && subject.status === 'completed');
	if (done) {
		const served = subject.done_at ?? now;
		const serviceDay = computeBusinessDate(served, zone);
		const due = nextWorkingInstant(computeDayStart(computeDatePlusDays(serviceDay, rules.satisfaction_call_after_days), zone), calendar);
		const until = computeDayEnd(computeDatePlusDays(serviceDay, rules.satisfaction_call_within_days), zone);
		const firstDayEnd = computeDayEnd(computeBusinessDate(due, zone), zone);
		planned.push({
			...base, follow_up_key: computeFollowUpKey(subject, 'satisfaction_call'), kind: 'satisfaction_call', rule: 'FUP-3',
			due_at: due, due_until: until.getTime() < firstDayEnd.getTime() ? firstDayEnd : until, survey: true,
		});
	}
	return planned;
}

/** FUP-2: the second follow-up's window, counted in business dates from the day of the first call. */
export function computeSecondCallWindow(firstCallAt: Date, rules: FollowUpRules, timeZone: string): { due_at: Date; due_until: Date } {
	const day = computeBusinessDate(firstCallAt, timeZone);
	return {
		due_at: computeDayStart(computeDatePlusDays(day, rules.second_follow_up_from_days), timeZone),
		due_until: computeDayEnd(computeDatePlusDays(day, rules.second_follow_up_until_days), timeZone),
	};
}
