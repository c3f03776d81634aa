import { parseCalendarDate } from './parse-calendar-date';

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function computeDaysBetween(from: string, to: string): number {
	const a = parseCalendarDate(from);
	const b = parseCalendarDate(to);
	return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}
