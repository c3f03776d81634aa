import { formatCalendarDate } from './format-calendar-date';
import { parseCalendarDate } from './parse-calendar-date';

/**
 * Calendar-month arithmetic: the same day of the month `months` later, or that month's last day
 * when it has no such day (31 Jan + 1 month = 28/29 Feb), as 民法典 art. 203 counts periods.
 */
export function computeDatePlusMonths(date: string, months: number): string {
	const { year, month, day } = parseCalendarDate(date);
	const monthIndex = year * 12 + (month - 1) + Math.trunc(months);
	const targetYear = Math.floor(monthIndex / 12);
	const targetMonth = monthIndex - targetYear * 12 + 1;
	const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
	return formatCalendarDate({ year: targetYear, month: targetMonth, day: Math.min(day, lastDay) });
}
