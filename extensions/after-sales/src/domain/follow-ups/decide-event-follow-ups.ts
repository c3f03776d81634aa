import { computeDatePlusDays } from '../warranty';
import { computeBusinessDate, computeDayEnd, computeDayStart } from './compute-day-bounds';
import type { PlannedFollowUp } from './decide-follow-ups';
import type { FollowUpRules } from './schemas';

export interface EventNotice {
	/** e.g. 2027 春季免费检修活动 (a free-service campaign) or a customer day. */
	event_name: string;
	/** The event's business date, YYYY-MM-DD. */
	event_on: string;
}

/** FUP-4: one event call per (event, customer), whoever plans it twice. */
export const computeEventCallKey = (event: EventNotice, customer: number) => `events:${event.event_on}:${slug(event.event_name)}:${customer}:event_call`;
/** FUP-4: the letter that follows a logged event call. */
export const computeEventLetterKey = (callId: number) => `follow_ups:${callId}:event_letter`;

const slug = (name: string) => name.trim().toLowerCase().replace(/[\s:|]+/g, '_').slice(0, 80);

/**
 * FUP-4: event notices (customer events, free-service campaigns): each customer is phoned
 * `event_notice_days_before` (14) days before the event, on that business day (missed after it);
 * an event too close for that is phoned from today until the day before it (or on the day itself).
 */
export function decideEventCalls(event: EventNotice, customers: readonly number[], rules: FollowUpRules, timeZone: string, now: Date): PlannedFollowUp[] {
	const today = computeBusinessDate(now, timeZone);
	const callDay = computeDatePlusDays(event.event_on, -rules.event_notice_days_before);
	const late = callDay < today;
	const from = late ? today : callDay;
	const until = late ? (event.event_on > today ? computeDatePlusDays(event.event_on, -1) : event.event_on) : callDay;
	return [...new Set(customers)].map((customer) => ({
		follow_up_key: computeEventCallKey(event, customer), kind: 'event_call', rule: 'FUP-4', customer, service_request: null, repair_record: null,
		due_at: computeDayStart(from, timeZone), due_until: computeDayEnd(until, timeZone), survey: false, event_name: event.event_name, event_on: event.event_on,
	}));
}

/** FUP-4: after the call is made, the letter goes out within `event_letter_within_days` (2) days of it. */
export function decideEventLetter(call: { id: number; customer: number; event_name: string | null; event_on: string | null }, rules: FollowUpRules, timeZone: string, calledAt: Date): PlannedFollowUp {
	return {
		follow_up_key: computeEventLetterKey(call.id), kind: 'event_letter', rule: 'FUP-4', customer: call.customer, service_request: null, repair_record: null,
		due_at: calledAt, due_until: computeDayEnd(computeDatePlusDays(computeBusinessDate(calledAt, timeZone), rules.event_letter_within_days), timeZone),
		survey: false, event_name: call.event_name, event_on: call.event_on,
	};
}
