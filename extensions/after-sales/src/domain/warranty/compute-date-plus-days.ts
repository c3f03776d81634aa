import { formatCalendarDate } from './format-calendar-date';
import { parseCalendarDate } from './parse-calendar-date';

const DAY_MS = 86_400_000;

/** Calendar-day arithmetic on business dates; UTC is used only as a time-zone-free day counter. */
export function computeDatePlusDays(date: string, days: number): string {
	const { year, month, day } = parseCalendarDate(date);
	const shifted = new Date(Date.UTC(year, month - 1, day) + Math.trunc(days) * DAY_MS);
	return formatCalendarDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}
