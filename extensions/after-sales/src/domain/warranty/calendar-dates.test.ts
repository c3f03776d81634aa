import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { computeDatePlusDays, computeDatePlusMonths, computeDaysBetween, computeLocalDate, parseCalendarDate } from './index';

describe('business calendar dates', () => {
	test.each([
		['2026-01-31', 1, '2026-02-28'],
		['2028-01-31', 1, '2028-02-29'],
		['2026-03-31', 1, '2026-04-30'],
		['2026-01-15', 12, '2027-01-15'],
		['2024-02-29', 12, '2025-02-28'],
		['2024-02-29', 48, '2028-02-29'],
		['2026-11-30', 3, '2027-02-28'],
		['2026-05-10', 0, '2026-05-10'],
		['2026-05-10', -5, '2025-12-10'],
	])('WTY-10: when %s is moved by %i month(s), then it is %s (end-of-month safe)', (date, months, expected) => {
		expect(computeDatePlusMonths(date, months)).toBe(expected);
	});

	test.each([
		['2026-02-27', 2, '2026-03-01'],
		['2028-02-28', 1, '2028-02-29'],
		['2026-12-31', 1, '2027-01-01'],
		['2026-01-01', -1, '2025-12-31'],
		['2026-03-29', 0, '2026-03-29'],
	])('WTY-10: when %s is moved by %i day(s), then it is %s', (date, days, expected) => {
		expect(computeDatePlusDays(date, days)).toBe(expected);
	});

	test.each([
		['2026-01-01', '2026-01-21', 20],
		['2026-01-21', '2026-01-01', -20],
		['2026-02-28', '2026-03-01', 1],
		['2025-12-31', '2026-12-31', 365],
	])('WTY-2: when counting from %s to %s, then it is %i days', (from, to, days) => {
		expect(computeDaysBetween(from, to)).toBe(days);
	});

	test.each([
		['2026-06-30T15:59:59Z', 'Asia/Shanghai', '2026-06-30'],
		['2026-06-30T16:00:00Z', 'Asia/Shanghai', '2026-07-01'],
		['2026-06-30T16:00:00Z', 'UTC', '2026-06-30'],
		['2026-12-31T23:30:00Z', 'Asia/Shanghai', '2027-01-01'],
		['2026-03-08T07:30:00Z', 'America/New_York', '2026-03-08'],
	])('CAL-3: when the instant is %s in %s, then the business date is %s', (iso, zone, expected) => {
		expect(computeLocalDate(new Date(iso), zone)).toBe(expected);
	});

	test.each([['2026-02-30'], ['2026-13-01'], ['26-01-01'], ['2026-1-1'], [''], ['2026-01-01T00:00:00Z']])(
		'DATE: when the date is %j, then it is refused',
		(text) => {
			expect(() => parseCalendarDate(text, 'sold_on')).toThrow(DomainRuleError);
		},
	);

	test('DATE: when the time zone is unknown, then it is refused naming the timezone field', () => {
		expect(() => computeLocalDate(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus')).toThrow(expect.objectContaining({ field: 'timezone' }));
	});
});
