import { computeZonedInstant } from '../calendar';
import { computeDatePlusDays, computeDaysBetween, computeLocalDate, parseCalendarDate } from '../warranty';
import { FollowUpSettingsSchema, type FollowUpKind, type FollowUpSettings } from './schemas';

export interface FollowUpScheduleInput {
	dispatched_at?: Date | null;
	/** When the first call was actually made; the second follow-up counts from it. */
	first_call_at?: Date | null;
	completed_at?: Date | null;
	/** A customer event or free-service campaign date. */
	event_on?: string | null;
	/** When the event phone call was actually made; the letter counts from it. */
	event_call_at?: Date | null;
	key_account?: boolean;
	now: Date;
	settings?: FollowUpSettings;
}

export interface FollowUpDue {
	kind: FollowUpKind;
	rule: string;
	due_from: Date;
	/** The last moment it is on time (23:59:59 business time of the last day). */
	due_at: Date;
	overdue: boolean;
	/** Stable per record, so the adapter creates each follow-up once. */
	key: string;
}

/**
 * FUP-1..5: the follow-ups a service record calls for, each with its window:
 * - FUP-1 a call on the day the technician is dispatched, confirming arrival, people and equipment;
 * - FUP-2 a second follow-up between day 7 and day 14 after the first call (after the dispatch
 *   while the first call is not made);
 * - FUP-3 a satisfaction call after the service is completed;
 * - FUP-4 for an event, a phone call 14 days before and a letter within 2 days after that call;
 * - FUP-5 key accounts: the next spring and autumn visit windows not yet over.
 * Days are business-time-zone dates; `now` only decides what is overdue and which season is next.
 */
export function computeFollowUpSchedule(input: FollowUpScheduleInput): FollowUpDue[] {
	const settings = input.settings ?? FollowUpSettingsSchema.parse({});
	const zone = settings.timezone;
	const startOf = (date: string) => computeZonedInstant({ ...parseCalendarDate(date), hour: 0, minute: 0, second: 0 }, zone);
	const endOf = (date: string) => computeZonedInstant({ ...parseCalendarDate(date), hour: 23, minute: 59, second: 59 }, zone);
	const localDate = (at: Date) => computeLocalDate(at, zone);
	const items: FollowUpDue[] = [];
	const add = (kind: FollowUpKind, rule: string, due_from: Date, due_at: Date, key: string = kind) =>
		items.push({ kind, rule, due_from, due_at, overdue: input.now.getTime() > due_at.getTime(), key });

	if (input.dispatched_at) {
		add('dispatch_call', 'FUP-1', input.dispatched_at, endOf(localDate(input.dispatched_at)));
		const firstDay = localDate(input.first_call_at ?? input.dispatched_at);
		add(
			'second_follow_up',
			'FUP-2',
			startOf(computeDatePlusDays(firstDay, settings.second_follow_up_from_days)),
			endOf(computeDatePlusDays(firstDay, settings.second_follow_up_to_days)),
		);
	}

	if (input.completed_at) {
		add('satisfaction_call', 'FUP-3', input.completed_at, endOf(computeDatePlusDays(localDate(input.completed_at), settings.satisfaction_call_within_days)));
	}

	if (input.event_on) {
		const callDay = computeDatePlusDays(input.event_on, -settings.event_call_days_before);
		add('event_call', 'FUP-4', startOf(callDay), endOf(callDay), `event_call:${input.event_on}`);
		const letterFrom = input.event_call_at ? localDate(input.event_call_at) : callDay;
		add('event_letter', 'FUP-4', input.event_call_at ?? startOf(callDay), endOf(computeDatePlusDays(letterFrom, settings.event_letter_within_days)), `event_letter:${input.event_on}`);
	}

	if (input.key_account) {
		const today = localDate(input.now);
		const year = Number(today.slice(0, 4));
		for (const visit of settings.key_account_visits) {
			const thisYearEnd = `${year}-${visit.to}`;
			const visitYear = computeDaysBetween(today, thisYearEnd) >= 0 ? year : year + 1;
			add('key_account_visit', 'FUP-5', startOf(`${visitYear}-${visit.from}`), endOf(`${visitYear}-${visit.to}`), `key_account_visit:${visitYear}-${visit.season}`);
		}
	}

	return items.sort((a, b) => a.due_at.getTime() - b.due_at.getTime());
}
