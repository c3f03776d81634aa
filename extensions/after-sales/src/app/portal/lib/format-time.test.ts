import { describe, expect, test } from 'vitest';
import { formatDay, formatInstant, localInputToIso, minutesUntil, toDate } from './format-time';

describe('CAL-1: the portal shows times in the business calendar zone', () => {
	test.each([
		['2026-10-01T06:05:00.000Z', 'Asia/Shanghai', '2026-10-01 14:05'],
		['2026-10-01T06:05:00.000Z', 'Asia/Urumqi', '2026-10-01 12:05'],
		['2026-12-31T16:30:00.000Z', 'Asia/Shanghai', '2027-01-01 00:30'],
		[1785720780, 'Asia/Shanghai', '2026-08-03 09:33'],
		['1785720780000', 'Asia/Shanghai', '2026-08-03 09:33'],
		[null, 'Asia/Shanghai', ''],
	])('CAL-1: when the API answers %s and the calendar is %s, then the portal shows %s', (value, zone, expected) => {
		expect(formatInstant(value, zone)).toBe(expected);
	});

	test.each([
		['2026-10-01', '2026-10-01'],
		['2026-09-30T17:00:00.000Z', '2026-10-01'],
		[1785720780, '2026-08-03'],
		['', ''],
	])('CAL-1: when a ledger or return date is %s, then it shows as the day %s', (value, expected) => {
		expect(formatDay(value, 'Asia/Shanghai')).toBe(expected);
	});

	test('CAL-1: when a dealer picks 09:30 for a visit, then it is 09:30 in the calendar zone whatever the browser zone is', () => {
		expect(localInputToIso('2026-10-01T09:30', 'Asia/Shanghai')).toBe('2026-10-01T01:30:00.000Z');
		expect(localInputToIso('2026-07-01T09:30', 'Europe/Berlin')).toBe('2026-07-01T07:30:00.000Z');
		expect(localInputToIso('2026-01-15T09:30', 'Europe/Berlin')).toBe('2026-01-15T08:30:00.000Z');
		expect(localInputToIso('not a time', 'Asia/Shanghai')).toBeNull();
	});

	test('REQ-3: when the page clock moves on, then the minutes left move with it', () => {
		const due = '2026-10-01T02:00:00.000Z';
		expect(minutesUntil(due, Date.parse('2026-10-01T00:00:00.000Z'))).toBe(120);
		expect(minutesUntil(due, Date.parse('2026-10-01T02:15:00.000Z'))).toBe(-15);
		expect(minutesUntil(null, 0)).toBeNull();
		expect(toDate('garbage')).toBeNull();
	});
});
