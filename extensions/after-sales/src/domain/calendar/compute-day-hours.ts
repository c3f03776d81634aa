import { computeDateKey } from './compute-date-key';
import { WEEKDAY_KEYS, type Calendar, type DayHours, type WeekdayKey } from './schemas';
import type { LocalDate } from './types';

/** CAL-1: a holiday wins over the weekday; an adjusted day (调休) works like a Monday unless told otherwise. */
export function computeDayHours(date: LocalDate, calendar: Calendar): DayHours {
	const key = computeDateKey(date);

	if (calendar.holidays.includes(key)) return [];
	if (calendar.adjusted_working_days.includes(key)) return calendar.adjusted_day_hours ?? calendar.working_hours.mon;

	const weekday = WEEKDAY_KEYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] as WeekdayKey;
	return calendar.working_hours[weekday];
}
