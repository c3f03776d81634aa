import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { computeLocalParts } from './compute-local-parts';
import { computeWorkingIntervals } from './compute-working-intervals';
import type { Calendar } from './schemas';
import type { LocalDate } from './types';

/** Ten years of days: a calendar that has no working day in that span is refused, not looped on. */
const MAX_DAYS_SCANNED = 3_660;

/**
 * CAL-1, WTY-11, WTY-12: the deadline of a limit counted in working days (三包修理 30 个工作日,
 * 补发三包凭证 10 个工作日, 上门服务 3 个工作日). As the Civil Code counts periods (民法典 第二百零一、
 * 二百零三条): the day the clock starts is not counted, each later day that has working hours in
 * the calendar (a 调休 Saturday does, a public holiday does not) counts as one, and the period
 * ends when work stops on the last of them. Counting whole days of the calendar, not 8-hour
 * blocks, keeps the deadline on the right day when an admin changes the working hours.
 */
export function addWorkingDays(start: Date, days: number, calendar: Calendar): Date {
	if (Number.isNaN(start.getTime())) throw new DomainRuleError('CAL-2', 'start', 'CAL-2: the start is not a valid instant');
	if (!Number.isInteger(days) || days < 1) {
		throw new DomainRuleError('CAL-2', 'days', `CAL-2: a number of working days must be a whole number of at least 1, got ${days}`);
	}

	const first = computeLocalParts(start, calendar.timezone);
	let counted = 0;

	for (let offset = 1; offset <= MAX_DAYS_SCANNED; offset++) {
		const date = shiftDate(first, offset);
		const intervals = computeWorkingIntervals(date, calendar);
		if (intervals.length === 0) continue;
		counted++;
		if (counted === days) return intervals[intervals.length - 1]!.end;
	}

	throw new DomainRuleError('CAL-1', 'working_hours', msg('calendar.no_working_time_years'), { collection: 'service_settings' });
}

function shiftDate(date: LocalDate, days: number): LocalDate {
	const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
	return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
