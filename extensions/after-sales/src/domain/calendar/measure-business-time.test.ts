import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from './default-calendar';
import { measureBusinessTime } from './measure-business-time';
import { NATIONAL_DAY_CALENDAR, shanghai } from './test-fixtures';

describe('measureBusinessTime', () => {
	test.each([
		['the same instant', '2026-09-21 10:00', '2026-09-21 10:00', 0],
		['an end before the start', '2026-09-21 10:00', '2026-09-21 09:00', 0],
		['one morning hour', '2026-09-21 09:00', '2026-09-21 10:00', 60],
		['across the lunch break', '2026-09-21 11:00', '2026-09-21 14:00', 120],
		['inside the lunch break', '2026-09-21 12:10', '2026-09-21 12:50', 0],
		['Friday 17:00 to Monday 09:00', '2026-09-25 17:00', '2026-09-28 09:00', 60],
		['a whole working day', '2026-09-21 00:00', '2026-09-22 00:00', 480],
		['a whole week', '2026-09-21 00:00', '2026-09-28 00:00', 5 * 480],
		['a weekend', '2026-09-26 00:00', '2026-09-28 08:30', 0],
	])('CAL-1: when measuring %s, then business minutes are counted', (_label, from, to, minutes) => {
		expect(measureBusinessTime(shanghai(from), shanghai(to), DEFAULT_CALENDAR, 'business')).toBe(minutes);
	});

	test.each([
		['the National Day week', '2026-09-30 17:30', '2026-10-08 08:30', 0],
		['the adjusted Saturday', '2026-10-10 00:00', '2026-10-11 00:00', 480],
		['the adjusted Sunday to the holiday', '2026-09-27 00:00', '2026-10-08 00:00', 4 * 480],
	])('CAL-1: when measuring %s, then holidays and 调休 are honoured', (_label, from, to, minutes) => {
		expect(measureBusinessTime(shanghai(from), shanghai(to), NATIONAL_DAY_CALENDAR, 'business')).toBe(minutes);
	});

	test('CAL-1: when the interval has seconds, then fractional minutes are returned', () => {
		const from = new Date('2026-09-21T09:00:30+08:00');
		expect(measureBusinessTime(from, shanghai('2026-09-21 09:01'), DEFAULT_CALENDAR, 'business')).toBe(0.5);
	});

	test.each([
		['over a holiday', '2026-09-30 17:00', '2026-10-01 17:00', 1440],
		['backwards', '2026-10-01 17:00', '2026-09-30 17:00', 0],
	])('CAL-2: when measuring 24×7 %s, then wall-clock minutes are counted', (_label, from, to, minutes) => {
		expect(measureBusinessTime(shanghai(from), shanghai(to), NATIONAL_DAY_CALENDAR, '24x7')).toBe(minutes);
	});
});
