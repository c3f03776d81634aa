import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { addWorkingDays } from './add-working-days';
import { DEFAULT_CALENDAR } from './default-calendar';
import { parseCalendar } from './parse-calendar';
import { BERLIN_CALENDAR, NATIONAL_DAY_CALENDAR, shanghai } from './test-fixtures';

// 2026-09-21 is a Monday; National Day 2026 is Oct 1–7 with Sep 27 (Sun) and Oct 10 (Sat) worked.
describe('addWorkingDays (Asia/Shanghai, 08:30–12:00 and 13:00–17:30)', () => {
	test.each([
		['one day from a Monday morning', '2026-09-21 10:00', 1, '2026-09-22 17:30'],
		['the start day is not counted even before opening', '2026-09-21 07:00', 1, '2026-09-22 17:30'],
		['three days over a weekend', '2026-09-24 10:00', 3, '2026-09-29 17:30'],
		['from a Saturday', '2026-09-19 10:00', 1, '2026-09-21 17:30'],
		['from a Friday evening', '2026-09-25 20:00', 1, '2026-09-28 17:30'],
	])('CAL-1: %s ends when work stops on the last working day', (_label, start, days, due) => {
		expect(addWorkingDays(shanghai(start), days, DEFAULT_CALENDAR)).toEqual(shanghai(due));
	});

	test('CAL-2: holidays are skipped and a 调休 Sunday counts (WTY-12: 10 working days across National Day)', () => {
		// Fri 25 Sep: Sat 26 no, Sun 27 adjusted (1), Mon 28 (2), Tue 29 (3), Wed 30 (4), Oct 1–7 off,
		// Thu 8 (5), Fri 9 (6), Sat 10 adjusted (7), Mon 12 (8), Tue 13 (9), Wed 14 (10).
		expect(addWorkingDays(shanghai('2026-09-25 10:00'), 10, NATIONAL_DAY_CALENDAR)).toEqual(shanghai('2026-10-14 17:30'));
		expect(addWorkingDays(shanghai('2026-09-25 10:00'), 10, DEFAULT_CALENDAR)).toEqual(shanghai('2026-10-09 17:30'));
	});

	test('WTY-11: the deadline stays on its day when the working hours change (no 8-hour blocks)', () => {
		const long = parseCalendar({ working_hours: { ...DEFAULT_CALENDAR.working_hours, mon: [{ start: '07:00', end: '19:00' }], tue: [{ start: '07:00', end: '19:00' }], wed: [{ start: '07:00', end: '19:00' }], thu: [{ start: '07:00', end: '19:00' }], fri: [{ start: '07:00', end: '19:00' }] } });
		expect(addWorkingDays(shanghai('2026-09-21 10:00'), 3, long)).toEqual(shanghai('2026-09-24 19:00'));
		expect(addWorkingDays(shanghai('2026-09-21 10:00'), 30, long).getTime()).toBe(shanghai('2026-11-02 19:00').getTime());
	});

	test('CAL-3: the days are the calendar zone’s days', () => {
		// 21:30 UTC on Monday is already Tuesday morning in Shanghai, still Monday evening in Berlin.
		const start = new Date('2026-09-21T21:30:00Z');
		expect(addWorkingDays(start, 1, DEFAULT_CALENDAR)).toEqual(shanghai('2026-09-23 17:30'));
		expect(addWorkingDays(start, 1, BERLIN_CALENDAR)).toEqual(new Date('2026-09-22T15:30:00Z'));
	});

	test('CAL-2: a count that is not a whole number of at least 1 is refused', () => {
		expect(() => addWorkingDays(shanghai('2026-09-21 10:00'), 0, DEFAULT_CALENDAR)).toThrow(DomainRuleError);
		expect(() => addWorkingDays(shanghai('2026-09-21 10:00'), 1.5, DEFAULT_CALENDAR)).toThrow(DomainRuleError);
	});
});
