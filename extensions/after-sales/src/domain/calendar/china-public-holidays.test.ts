import { describe, expect, test } from 'vitest';
import { CHINA_PUBLIC_HOLIDAYS, withPublicHolidays } from './china-public-holidays';
import { DEFAULT_CALENDAR } from './default-calendar';
import { isWorkingInstant } from './is-working-instant';
import { parseCalendar } from './parse-calendar';

describe('CHINA_PUBLIC_HOLIDAYS', () => {
	const calendar = parseCalendar(withPublicHolidays({ ...DEFAULT_CALENDAR, holidays: [], adjusted_working_days: [] }));
	test.each([
		['2026-10-02T02:00:00Z', false, 'National Day (a Friday)'],
		['2026-02-16T02:00:00Z', false, 'Spring Festival (a Monday)'],
		['2026-02-14T02:00:00Z', true, 'the adjusted Saturday before the Spring Festival'],
		['2026-10-10T02:00:00Z', true, 'the adjusted Saturday after National Day'],
		['2026-10-09T02:00:00Z', true, 'an ordinary Friday'],
		['2025-10-08T02:00:00Z', false, 'the last day of the 2025 National Day and Mid-Autumn break'],
	])('CAL-2: when it is %s, then working is %s (%s)', (at, working) => {
		expect(isWorkingInstant(new Date(at), calendar)).toBe(working);
	});
	test('CAL-2: when a year is already in the calendar, then an admin’s edits of it stay and only missing years are added', () => {
		const edited = withPublicHolidays({ ...DEFAULT_CALENDAR, holidays: ['2026-12-24'], adjusted_working_days: [] });
		expect(edited.holidays.filter((d) => d.startsWith('2026'))).toEqual(['2026-12-24']);
		expect(edited.holidays.filter((d) => d.startsWith('2025'))).toEqual([...CHINA_PUBLIC_HOLIDAYS[0]!.holidays].sort());
		expect(withPublicHolidays(edited)).toEqual(edited);
	});
	test('CAL-2: every published year is a valid calendar (no day both a holiday and a working day)', () => {
		for (const y of CHINA_PUBLIC_HOLIDAYS) {
			expect(y.holidays.filter((d) => y.adjusted_working_days.includes(d))).toEqual([]);
			expect([...y.holidays, ...y.adjusted_working_days].every((d) => d.startsWith(String(y.year)))).toBe(true);
		}
	});
});
