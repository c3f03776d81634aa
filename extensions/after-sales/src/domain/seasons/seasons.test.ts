import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeNextSeason, computeSeasonOf, computeSeasonOccurrences, computeSeasonsCompletedBetween, computeSeasonsStartedBetween, DEFAULT_SALES_SEASONS, SalesSeasonsSchema, type SalesSeason } from '.';

const WINTER: SalesSeason[] = [{ key: 'winter', from: '12-01', to: '02-28' }, { key: 'summer', from: '06-01', to: '07-31' }];

describe('sales seasons (DLR-3, DLR-5)', () => {
	test.each([
		['03-01', 'the same day (March 1st is in spring already)', '2026-03-01T04:00:00Z', 'autumn', '2026-09-01', '2026-08-02'],
		['late winter', 'before spring', '2026-02-10T04:00:00Z', 'spring', '2026-03-01', '2026-01-30'],
		['summer', 'between the seasons', '2026-07-15T04:00:00Z', 'autumn', '2026-09-01', '2026-08-02'],
		['December', 'after autumn: next year’s spring', '2026-12-01T04:00:00Z', 'spring', '2027-03-01', '2027-01-30'],
		['Shanghai midnight', '23:30 UTC on Feb 28 is March 1st in Shanghai', '2026-02-28T16:30:00Z', 'autumn', '2026-09-01', '2026-08-02'],
	])('DLR-3: when it is %s (%s), then the next season and its plan deadline (start − 30 days) follow', (_l, _d, now, key, start, deadline) => {
		const next = computeNextSeason(DEFAULT_SALES_SEASONS, 30, new Date(now), 'Asia/Shanghai');
		expect(next).toMatchObject({ key, starts_on: start, deadline });
	});

	test('DLR-3: when a season runs over the new year, then it ends in the next year and a January day falls into the previous year’s occurrence', () => {
		expect(computeSeasonOccurrences(WINTER, 2026, 2026).find((o) => o.key === 'winter')).toMatchObject({ starts_on: '2026-12-01', ends_on: '2027-02-28' });
		expect(computeSeasonOf(WINTER, '2027-01-15')).toMatchObject({ key: 'winter', year: 2026 });
		expect(computeSeasonOf(WINTER, '2027-03-15')).toBeNull();
		expect(computeSeasonOf(DEFAULT_SALES_SEASONS, '2026-05-31')).toMatchObject({ key: 'spring', year: 2026 });
		expect(computeSeasonOf(DEFAULT_SALES_SEASONS, '2026-06-01')).toBeNull();
	});

	test.each([
		['2026-01-10', '2026-02-28', 0, 0],
		['2026-01-10', '2026-03-01', 1, 0],
		['2026-01-10', '2026-06-01', 1, 1],
		['2026-01-10', '2026-12-01', 2, 2],
		['2026-03-15', '2026-12-01', 1, 1],
		['2026-03-15', '2027-06-01', 2, 2],
		['2026-03-15', '2027-05-31', 2, 1],
		['2026-05-01', '2026-05-01', 0, 0],
	])('DLR-5: when stock was shipped on %s and today is %s, then %i seasons started and %i whole seasons passed', (from, to, started, completed) => {
		expect(computeSeasonsStartedBetween(DEFAULT_SALES_SEASONS, from, to)).toBe(started);
		expect(computeSeasonsCompletedBetween(DEFAULT_SALES_SEASONS, from, to)).toBe(completed);
	});

	test.each([
		['empty', [], ''],
		['bad month-day', [{ key: 'spring', from: '13-01', to: '05-31' }], '0.from'],
		['29 February', [{ key: 'spring', from: '02-29', to: '05-31' }], '0.from'],
		['not MM-DD', [{ key: 'spring', from: '3-1', to: '05-31' }], '0.from'],
		['overlapping', [{ key: 'spring', from: '03-01', to: '06-30' }, { key: 'summer', from: '06-01', to: '08-31' }], '1.from'],
		['overlapping over the new year', [{ key: 'winter', from: '11-01', to: '03-15' }, { key: 'spring', from: '03-01', to: '05-31' }], '1.from'],
		['a key used twice', [{ key: 'spring', from: '03-01', to: '04-30' }, { key: 'spring', from: '09-01', to: '10-31' }], '1.key'],
		['an unknown field', [{ key: 'spring', from: '03-01', to: '04-30', starts: 'x' }], '0'],
	])('DLR-3: when the seasons are %s, then they are refused at %s', (_label, seasons, path) => {
		const parsed = SalesSeasonsSchema.safeParse(seasons);
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.path.join('.')).toBe(path);
	});

	const day = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

	test('DLR-3: for any day, the next season starts after it, its deadline is exactly the lead days earlier, and no season starts in between', () => {
		fc.assert(fc.property(day, fc.integer({ min: 1, max: 120 }), (today, lead) => {
			const next = computeNextSeason(DEFAULT_SALES_SEASONS, lead, new Date(`${today}T12:00:00Z`), 'UTC');
			expect(next.starts_on > today).toBe(true);
			expect((Date.parse(next.starts_on) - Date.parse(next.deadline)) / 86_400_000).toBe(lead);
			expect(computeSeasonsStartedBetween(DEFAULT_SALES_SEASONS, today, next.starts_on)).toBe(1);
		}));
	});

	test('DLR-5: for any three days, seasons started and completed add up over the interval and completed never exceeds started', () => {
		fc.assert(fc.property(day, day, day, (a, b, c) => {
			const [x, y, z] = [a, b, c].sort();
			const started = (p: string, q: string) => computeSeasonsStartedBetween(DEFAULT_SALES_SEASONS, p, q);
			expect(started(x!, z!)).toBe(started(x!, y!) + started(y!, z!));
			expect(computeSeasonsCompletedBetween(DEFAULT_SALES_SEASONS, x!, z!)).toBeLessThanOrEqual(started(x!, z!));
		}));
	});
});
