import { computeZonedInstant } from '../calendar';
import { computeLocalDate, parseCalendarDate } from '../warranty';

/** CAL-3: the first and the last second of a business date in the calendar's time zone. */
export function computeDayStart(date: string, timeZone: string): Date {
	return computeZonedInstant({ ...parseCalendarDate(date), hour: 0, minute: 0, second: 0 }, timeZone);
}

export function computeDayEnd(date: string, timeZone: string): Date {
	return computeZonedInstant({ ...parseCalendarDate(date), hour: 23, minute: 59, second: 59 }, timeZone);
}

/** The business date of an instant (re-exported here so the family reads as one vocabulary). */
export const computeBusinessDate = (at: Date, timeZone: string) => computeLocalDate(at, timeZone);
