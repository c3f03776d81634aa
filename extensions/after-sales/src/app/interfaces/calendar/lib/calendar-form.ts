// CAL-1..3: the business calendar as a form — what the form holds, how each edit changes it and the
// JSON it gives back (the shape CalendarSchema reads: timezone, working_hours mon..sun, holidays,
// adjusted_working_days, adjusted_day_hours). Pure, so the unit tests drive every edit.
import { CHINA_PUBLIC_HOLIDAYS, type PublicHolidayYear } from '../../../../domain/calendar/china-public-holidays';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Interval = { start: string; end: string };
export type DateList = 'holidays' | 'adjusted_working_days';

export interface CalendarDraft {
	timezone: string;
	working_hours: Record<Weekday, Interval[]>;
	holidays: string[];
	adjusted_working_days: string[];
	/** Absent: an adjusted day works Monday's hours. */
	adjusted_day_hours?: Interval[];
	/** Keys the form does not edit are kept as they are (the server names them if they are wrong). */
	extra: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const KNOWN = ['timezone', 'working_hours', 'holidays', 'adjusted_working_days', 'adjusted_day_hours'];

/** The calendar's stored value as a draft; what is missing reads as the schema's default would. */
export function readCalendar(value: unknown, defaultTimeZone = 'Asia/Shanghai'): CalendarDraft {
	const v = isRecord(value) ? value : {};
	const hours = isRecord(v['working_hours']) ? v['working_hours'] : null;
	const intervals = (list: unknown): Interval[] => (Array.isArray(list) ? list.map((i) => ({ start: String(isRecord(i) ? (i['start'] ?? '') : ''), end: String(isRecord(i) ? (i['end'] ?? '') : '') })) : []);
	const defaultDay = (day: Weekday) => (['sat', 'sun'].includes(day) ? [] : [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }]);
	const dates = (list: unknown) => (Array.isArray(list) ? list.map(String) : []);
	return {
		timezone: typeof v['timezone'] === 'string' ? v['timezone'] : defaultTimeZone,
		working_hours: Object.fromEntries(WEEKDAYS.map((day) => [day, hours ? intervals(hours[day]) : defaultDay(day)])) as Record<Weekday, Interval[]>,
		holidays: dates(v['holidays']),
		adjusted_working_days: dates(v['adjusted_working_days']),
		...(v['adjusted_day_hours'] !== undefined ? { adjusted_day_hours: intervals(v['adjusted_day_hours']) } : {}),
		extra: Object.fromEntries(Object.entries(v).filter(([key]) => !KNOWN.includes(key))),
	};
}

/** The JSON the field stores: the same shape as before, weekdays in CalendarSchema's order. */
export function writeCalendar(draft: CalendarDraft): Record<string, unknown> {
	return {
		...draft.extra,
		timezone: draft.timezone,
		working_hours: Object.fromEntries(WEEKDAYS.map((day) => [day, draft.working_hours[day].map((i) => ({ start: i.start, end: i.end }))])),
		holidays: [...draft.holidays],
		adjusted_working_days: [...draft.adjusted_working_days],
		...(draft.adjusted_day_hours ? { adjusted_day_hours: draft.adjusted_day_hours.map((i) => ({ start: i.start, end: i.end })) } : {}),
	};
}

const toMinutes = (time: string) => {
	const m = /^(\d{2}):(\d{2})$/.exec(time);
	return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};
const toTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A new interval after the day's last one (an hour from its end), or the morning when the day has none. */
export function nextInterval(intervals: readonly Interval[]): Interval {
	const last = intervals[intervals.length - 1];
	const end = last ? toMinutes(last.end) : null;
	if (end === null) return { start: '08:30', end: '17:30' };
	const start = Math.min(end + 60, 23 * 60);
	return { start: toTime(start), end: toTime(Math.min(start + 60, 24 * 60)) };
}

export const isDateKey = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Adds a date (YYYY-MM-DD) to a list, once, kept sorted; anything else leaves the list as it is. */
export function addDate(list: readonly string[], date: string): string[] {
	if (!isDateKey(date) || list.includes(date)) return [...list];
	return [...list, date].sort();
}

export const removeDate = (list: readonly string[], date: string) => list.filter((d) => d !== date);

/** The dates by year, years and dates in order. */
export function groupByYear(list: readonly string[]): { year: string; dates: string[] }[] {
	const groups = new Map<string, string[]>();
	for (const date of [...list].sort()) {
		const year = date.slice(0, 4);
		groups.set(year, [...(groups.get(year) ?? []), date]);
	}
	return [...groups].map(([year, dates]) => ({ year, dates }));
}

/**
 * CAL-2: the State Council's published schedule of a year when the list still holds every date of it
 * (install pre-filled it and nobody removed one), else null — the form then says where the dates come from.
 */
export function publishedSchedule(list: readonly string[], kind: DateList, year: string, years: readonly PublicHolidayYear[] = CHINA_PUBLIC_HOLIDAYS): PublicHolidayYear | null {
	const official = years.find((y) => String(y.year) === year);
	if (!official || official[kind].length === 0) return null;
	return official[kind].every((d) => list.includes(d)) ? official : null;
}

/** Whether a date is one the State Council published for that list. */
export function isPublished(date: string, kind: DateList, years: readonly PublicHolidayYear[] = CHINA_PUBLIC_HOLIDAYS): boolean {
	return years.some((y) => y[kind].includes(date));
}

/** The IANA zones to choose from: Asia/Shanghai first, then the runtime's own list; the current one always present. */
export function timeZoneChoices(current: string | null, supported: () => string[] = () => (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? []): string[] {
	const zones = ['Asia/Shanghai', ...supported().filter((z) => z !== 'Asia/Shanghai')];
	if (current && !zones.includes(current)) zones.splice(1, 0, current);
	return zones;
}
