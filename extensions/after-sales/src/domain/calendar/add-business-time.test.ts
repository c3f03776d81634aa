import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { addBusinessTime } from './add-business-time';
import { DEFAULT_CALENDAR } from './default-calendar';
import { isWorkingInstant } from './is-working-instant';
import { measureBusinessTime } from './measure-business-time';
import { parseCalendar } from './parse-calendar';
import { BERLIN_CALENDAR, NATIONAL_DAY_CALENDAR, seededRandom, shanghai, utc } from './test-fixtures';

// 2026-09-21 is a Monday; 2026-10-01 a Thursday.
describe('addBusinessTime in business time (Asia/Shanghai)', () => {
	test.each([
		['within the morning', '2026-09-21 09:00', 60, '2026-09-21 10:00'],
		['across the lunch break', '2026-09-21 11:30', 60, '2026-09-21 13:30'],
		['starting in the lunch break', '2026-09-21 12:15', 30, '2026-09-21 13:30'],
		['starting before opening', '2026-09-21 07:00', 30, '2026-09-21 09:00'],
		['landing exactly at closing time', '2026-09-21 17:00', 30, '2026-09-21 17:30'],
		['landing exactly at the lunch break', '2026-09-21 11:00', 60, '2026-09-21 12:00'],
		['starting exactly at closing time', '2026-09-21 17:30', 30, '2026-09-22 09:00'],
		['starting in the evening', '2026-09-21 20:00', 60, '2026-09-22 09:30'],
		['starting at midnight', '2026-09-22 00:00', 60, '2026-09-22 09:30'],
		['Friday 17:00 plus one hour', '2026-09-25 17:00', 60, '2026-09-28 09:00'],
		['starting on a Saturday', '2026-09-19 10:00', 30, '2026-09-21 09:00'],
		['a full working day from the weekend', '2026-09-19 10:00', 480, '2026-09-21 17:30'],
		['three business days', '2026-09-21 10:00', 3 * 480, '2026-09-24 10:00'],
		['three business days over a weekend', '2026-09-24 10:00', 3 * 480, '2026-09-29 10:00'],
		['zero minutes outside working time', '2026-09-19 10:00', 0, '2026-09-21 08:30'],
		['zero minutes in working time', '2026-09-21 10:00', 0, '2026-09-21 10:00'],
		['fractional minutes', '2026-09-21 10:00', 0.5, '2026-09-21 10:00:30'],
	])('CAL-1: when %s, then the deadline is right', (_label, start, minutes, due) => {
		const expected = due.length > 16 ? new Date(`${due.replace(' ', 'T')}+08:00`) : shanghai(due);
		expect(addBusinessTime(shanghai(start), minutes, DEFAULT_CALENDAR, 'business')).toEqual(expected);
	});

	test('CAL-3: when the start is midnight in Shanghai (16:00 UTC the day before), then counting starts at 08:30 local', () => {
		expect(addBusinessTime(utc('2026-09-21T16:00:00Z'), 1, DEFAULT_CALENDAR, 'business')).toEqual(
			utc('2026-09-22T00:31:00Z'),
		);
	});

	test.each([
		['the eve of National Day', '2026-09-30 17:00', 60, '2026-10-08 09:00'],
		['during the holiday', '2026-10-03 10:00', 60, '2026-10-08 09:30'],
		['before the adjusted Sunday', '2026-09-25 17:00', 60, '2026-09-27 09:00'],
		['before the adjusted Saturday', '2026-10-09 17:00', 60, '2026-10-10 09:00'],
		['on the adjusted Saturday afternoon', '2026-10-10 16:00', 120, '2026-10-12 09:00'],
		['three business days across the holiday', '2026-09-29 10:00', 3 * 480, '2026-10-09 10:00'],
	])('CAL-1: when %s (holidays and 调休), then the deadline is right', (_label, start, minutes, due) => {
		expect(addBusinessTime(shanghai(start), minutes, NATIONAL_DAY_CALENDAR, 'business')).toEqual(shanghai(due));
	});

	test('CAL-1: when an adjusted day has its own hours, then they replace Monday hours', () => {
		const calendar = parseCalendar({
			adjusted_working_days: ['2026-10-10'],
			adjusted_day_hours: [{ start: '10:00', end: '12:00' }],
		});

		expect(addBusinessTime(shanghai('2026-10-09 17:00'), 150, calendar, 'business')).toEqual(shanghai('2026-10-10 12:00'));
		expect(addBusinessTime(shanghai('2026-10-09 17:00'), 160, calendar, 'business')).toEqual(shanghai('2026-10-12 08:40'));
	});
});

describe('addBusinessTime on the 24×7 clock', () => {
	test.each([
		['across a holiday', '2026-09-30 17:00', 24 * 60, '2026-10-01 17:00'],
		['across a weekend night', '2026-09-25 23:30', 60, '2026-09-26 00:30'],
		['one hour at lunch', '2026-09-21 12:00', 60, '2026-09-21 13:00'],
	])('CAL-2: when %s, then plain clock time is added', (_label, start, minutes, due) => {
		expect(addBusinessTime(shanghai(start), minutes, NATIONAL_DAY_CALENDAR, '24x7')).toEqual(shanghai(due));
	});
});

describe('addBusinessTime in a DST zone (Europe/Berlin)', () => {
	test.each([
		['Friday 17:00 CET + 1 h over spring-forward', 'business', '2026-03-27T16:00:00Z', 60, '2026-03-30T07:00:00Z'],
		['Friday 17:00 CEST + 1 h over fall-back', 'business', '2026-10-23T15:00:00Z', 60, '2026-10-26T08:00:00Z'],
		['a summer morning', 'business', '2026-07-01T06:30:00Z', 30, '2026-07-01T07:00:00Z'],
		['3 h over spring-forward', '24x7', '2026-03-28T23:00:00Z', 180, '2026-03-29T02:00:00Z'],
	] as const)('CAL-3: when %s on the %s clock, then the deadline follows the local working hours', (_label, clock, start, minutes, due) => {
		expect(addBusinessTime(utc(start), minutes, BERLIN_CALENDAR, clock)).toEqual(utc(due));
	});

	test('CAL-3: when a day working around the clock is shortened by spring-forward, then it holds 23 hours', () => {
		const calendar = parseCalendar({
			timezone: 'Europe/Berlin',
			working_hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ start: '00:00', end: '24:00' }] },
		});

		expect(measureBusinessTime(utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'), calendar, 'business')).toBe(23 * 60);
		expect(measureBusinessTime(utc('2026-10-24T00:00:00Z'), utc('2026-10-26T00:00:00Z'), calendar, 'business')).toBe(25 * 60);
		expect(addBusinessTime(utc('2026-03-28T12:00:00Z'), 23 * 60, calendar, 'business')).toEqual(utc('2026-03-29T22:00:00Z'));
	});
});

describe('addBusinessTime input checks', () => {
	test.each([
		['a negative duration', 'minutes', shanghai('2026-09-21 09:00'), -1],
		['an infinite duration', 'minutes', shanghai('2026-09-21 09:00'), Infinity],
		['NaN minutes', 'minutes', shanghai('2026-09-21 09:00'), NaN],
		['an invalid start', 'start', new Date('not a date'), 10],
	])('CAL-2: when given %s, then a CAL-2 error names %s', (_label, field, start, minutes) => {
		const attempt = () => addBusinessTime(start, minutes, DEFAULT_CALENDAR, 'business');
		expect(attempt).toThrow(DomainRuleError);
		expect(attempt).toThrow(expect.objectContaining({ rule: 'CAL-2', field }));
	});
});

describe('addBusinessTime and measureBusinessTime agree', () => {
	const cases = (seed: number, from: number, spanDays: number) => {
		const random = seededRandom(seed);
		return Array.from({ length: 300 }, () => ({
			start: new Date(from + Math.floor(random() * spanDays * 1440) * 60_000),
			minutes: Math.floor(random() * 6000),
		}));
	};

	test.each([
		['Asia/Shanghai around National Day', NATIONAL_DAY_CALENDAR, 1, Date.UTC(2026, 8, 15)],
		['Europe/Berlin around spring-forward', BERLIN_CALENDAR, 2, Date.UTC(2026, 2, 20)],
		['Europe/Berlin around fall-back', BERLIN_CALENDAR, 3, Date.UTC(2026, 9, 18)],
	])('CAL-1: when minutes are added in %s, then measuring them back gives the same minutes', (_label, calendar, seed, from) => {
		for (const { start, minutes } of cases(seed, from, 40)) {
			const due = addBusinessTime(start, minutes, calendar, 'business');
			expect(measureBusinessTime(start, due, calendar, 'business'), `${start.toISOString()} + ${minutes}`).toBeCloseTo(minutes, 6);

			if (minutes > 0) {
				// The last counted minute is working time, so a deadline never lands in a gap.
				expect(isWorkingInstant(new Date(due.getTime() - 1), calendar)).toBe(true);
			}
		}
	});

	test('CAL-2: when minutes are added on the 24×7 clock, then measuring them back gives the same minutes', () => {
		for (const { start, minutes } of cases(4, Date.UTC(2026, 8, 15), 40)) {
			const due = addBusinessTime(start, minutes, NATIONAL_DAY_CALENDAR, '24x7');
			expect(measureBusinessTime(start, due, NATIONAL_DAY_CALENDAR, '24x7')).toBe(minutes);
		}
	});
});
