import type { CalendarDateParts } from './parse-calendar-date';

export function formatCalendarDate({ year, month, day }: CalendarDateParts): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
