import { describe, expect, test } from 'vitest';
import { computeWorkingIntervals } from './compute-working-intervals';
import { DEFAULT_CALENDAR } from './default-calendar';
import { BERLIN_CALENDAR, NATIONAL_DAY_CALENDAR, shanghai, utc } from './test-fixtures';

const day = (key: string) => {
	const [year, month, dayOfMonth] = key.split('-').map(Number);
	return { year: year!, month: month!, day: dayOfMonth! };
};

describe('computeWorkingIntervals', () => {
	test.each([
		['an ordinary Monday', '2026-09-21', [['2026-09-21 08:30', '2026-09-21 12:00'], ['2026-09-21 13:00', '2026-09-21 17:30']]],
		['a holiday', '2026-10-01', []],
		['an ordinary Sunday', '2026-10-18', []],
		['the adjusted Saturday', '2026-10-10', [['2026-10-10 08:30', '2026-10-10 12:00'], ['2026-10-10 13:00', '2026-10-10 17:30']]],
	])('CAL-1: when the day is %s, then its working intervals are right', (_label, key, expected) => {
		const intervals = computeWorkingIntervals(day(key), NATIONAL_DAY_CALENDAR);
		expect(intervals).toEqual(expected.map(([start, end]) => ({ start: shanghai(start!), end: shanghai(end!) })));
	});

	test.each([
		['the Monday after spring-forward', '2026-03-30', '2026-03-30T06:30:00Z'],
		['the Monday after fall-back', '2026-10-26', '2026-10-26T07:30:00Z'],
	])('CAL-3: when the day is %s in Berlin, then 08:30 local follows the new offset', (_label, key, opening) => {
		expect(computeWorkingIntervals(day(key), BERLIN_CALENDAR)[0]?.start).toEqual(utc(opening));
	});

	test('CAL-1: when a caller changes a returned instant, then later answers are unaffected', () => {
		const first = computeWorkingIntervals(day('2026-09-21'), DEFAULT_CALENDAR);
		first[0]!.start.setTime(0);
		expect(computeWorkingIntervals(day('2026-09-21'), DEFAULT_CALENDAR)[0]?.start).toEqual(shanghai('2026-09-21 08:30'));
	});
});
