import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from './default-calendar';
import { isWorkingInstant } from './is-working-instant';
import { nextWorkingInstant } from './next-working-instant';
import { BERLIN_CALENDAR, NATIONAL_DAY_CALENDAR, shanghai, utc } from './test-fixtures';

describe('isWorkingInstant', () => {
	test.each([
		['opening time', '2026-09-21 08:30', true],
		['a minute before opening', '2026-09-21 08:29', false],
		['the start of lunch', '2026-09-21 12:00', false],
		['the end of lunch', '2026-09-21 13:00', true],
		['closing time', '2026-09-21 17:30', false],
		['a minute before closing', '2026-09-21 17:29', true],
		['midnight', '2026-09-22 00:00', false],
		['a holiday morning', '2026-10-01 10:00', false],
		['the adjusted Saturday', '2026-10-10 10:00', true],
		['the adjusted Sunday', '2026-09-27 10:00', true],
		['an ordinary Saturday', '2026-10-17 10:00', false],
	])('CAL-1: when it is %s, then working is %s', (_label, at, expected) => {
		expect(isWorkingInstant(shanghai(at), NATIONAL_DAY_CALENDAR)).toBe(expected);
	});

	test('CAL-3: when it is 09:00 UTC, then Shanghai is already off for lunch at 17:00 local', () => {
		expect(isWorkingInstant(utc('2026-09-21T04:30:00Z'), DEFAULT_CALENDAR)).toBe(false);
		expect(isWorkingInstant(utc('2026-09-21T09:29:00Z'), DEFAULT_CALENDAR)).toBe(true);
		expect(isWorkingInstant(utc('2026-09-21T09:30:00Z'), DEFAULT_CALENDAR)).toBe(false);
	});
});

describe('nextWorkingInstant', () => {
	test.each([
		['working time itself', '2026-09-21 10:00', '2026-09-21 10:00'],
		['opening time itself', '2026-09-21 08:30', '2026-09-21 08:30'],
		['the lunch break', '2026-09-21 12:30', '2026-09-21 13:00'],
		['Friday evening', '2026-09-25 18:00', '2026-09-27 08:30'],
		['the eve of National Day', '2026-09-30 17:30', '2026-10-08 08:30'],
		['the day before the adjusted Saturday', '2026-10-09 19:00', '2026-10-10 08:30'],
	])('CAL-1: when it is %s, then the next working instant is right', (_label, at, expected) => {
		expect(nextWorkingInstant(shanghai(at), NATIONAL_DAY_CALENDAR)).toEqual(shanghai(expected));
	});

	test('CAL-3: when it is Saturday night before spring-forward in Berlin, then Monday 08:30 CEST follows', () => {
		expect(nextWorkingInstant(utc('2026-03-28T22:00:00Z'), BERLIN_CALENDAR)).toEqual(utc('2026-03-30T06:30:00Z'));
	});

	test('CAL-1: when the instant is returned, then the caller’s Date is not shared', () => {
		const at = shanghai('2026-09-21 10:00');
		expect(nextWorkingInstant(at, DEFAULT_CALENDAR)).not.toBe(at);
	});
});
