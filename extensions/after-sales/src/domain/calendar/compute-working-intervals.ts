import { computeDateKey } from './compute-date-key';
import { computeDayHours } from './compute-day-hours';
import { computeMinutesOfDay } from './compute-minutes-of-day';
import { computeZonedInstant } from './compute-zoned-instant';
import type { Calendar } from './schemas';
import type { LocalDate, WorkingInterval } from './types';

/**
 * Zone conversion through Intl is the slow part of every deadline (a 30-business-day repair
 * limit walks some 45 days), and a sweep asks about the same days again and again. Calendars are
 * parsed, immutable values, so the instants of each day are kept per calendar object.
 */
const cache = new WeakMap<Calendar, Map<string, Array<[number, number]>>>();

/** CAL-1, CAL-3: the working hours of one local date as UTC instants (a DST day may be shorter or longer). */
export function computeWorkingIntervals(date: LocalDate, calendar: Calendar): WorkingInterval[] {
	let days = cache.get(calendar);

	if (!days) {
		days = new Map();
		cache.set(calendar, days);
	}

	const key = computeDateKey(date);
	let intervals = days.get(key);

	if (!intervals) {
		const toInstant = (time: string) => {
			const minutes = computeMinutesOfDay(time);
			const wall = { ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 };
			return computeZonedInstant(wall, calendar.timezone).getTime();
		};

		intervals = computeDayHours(date, calendar)
			.map((interval): [number, number] => [toInstant(interval.start), toInstant(interval.end)])
			.filter(([start, end]) => start < end);

		days.set(key, intervals);
	}

	// Fresh Dates every time: a caller mutating one must not corrupt the cache.
	return intervals.map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}
