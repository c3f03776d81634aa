import { DomainRuleError } from '../errors';
import { computeLocalParts } from './compute-local-parts';
import { computeWorkingIntervals } from './compute-working-intervals';
import type { Calendar } from './schemas';
import type { LocalDate, WorkingInterval } from './types';
import { msg } from '../messages';

/** Ten years without a working minute means the calendar is broken; stop instead of hanging a sweep. */
const MAX_IDLE_DAYS = 3660;

/**
 * CAL-1: working intervals in time order that end after `from`, day by day from the local day
 * containing `from`. Infinite: callers stop when they have what they need.
 */
export function* computeWorkingIntervalsFrom(from: Date, calendar: Calendar): Generator<WorkingInterval> {
	const local = computeLocalParts(from, calendar.timezone);
	let date: LocalDate = { year: local.year, month: local.month, day: local.day };
	let idleDays = 0;

	for (;;) {
		const intervals = computeWorkingIntervals(date, calendar).filter((interval) => interval.end > from);

		if (intervals.length > 0) {
			idleDays = 0;
			yield* intervals;
		} else if (++idleDays > MAX_IDLE_DAYS) {
			throw new DomainRuleError('CAL-1', 'working_hours', msg('calendar.no_working_time_years'), { collection: 'service_settings' });
		}

		const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
		date = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
	}
}
