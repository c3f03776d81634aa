import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computePlanNotices, decidePartsPlanFiling, PartsPlanInputSchema, PartsPlanSettingsSchema, type PartsPlan } from '.';
import { DomainRuleError } from '../errors';
import { DEFAULT_SALES_SEASONS } from '../seasons';

const seasons = DEFAULT_SALES_SEASONS;
const input = (over: Record<string, unknown> = {}) => PartsPlanInputSchema.parse({ season: 'spring', year: 2027, lines: [{ part_no: 'YB-25', quantity: 2, kind: 'warranty' }], ...over });
const file = (today: string, existing: PartsPlan[] = [], over: Record<string, unknown> = {}) =>
	decidePartsPlanFiling(input(over), { seasons, leadDays: 30, today, now: new Date(`${today}T03:00:00Z`), user: 'u1', existing });

describe('spare-parts plans (DLR-3)', () => {
	test.each([
		['well before the deadline', '2026-12-01', true],
		['on the deadline day', '2027-01-30', true],
		['the day after the deadline', '2027-01-31', false],
		['after the season started', '2027-03-10', false],
	])('DLR-3: when a dealer files its spring plan %s (%s), then on_time is %s', (_l, today, onTime) => {
		const { plan, plans } = file(today);
		expect(plan).toMatchObject({ season: 'spring', year: 2027, season_starts_on: '2027-03-01', deadline: '2027-01-30', on_time: onTime, filed_on: today, by: 'u1', revision: 1 });
		expect(plans).toEqual([plan]);
	});

	test('DLR-3: when a late dealer revises a plan it filed on time, then it stays on time and the revision replaces the lines', () => {
		const first = file('2027-01-20').plans;
		const { plan, plans } = file('2027-02-05', first, { lines: [{ part_no: 'LV-60', quantity: '12', kind: 'wear' }] });
		expect(plans).toHaveLength(1);
		expect(plan).toMatchObject({ on_time: true, revision: 2, first_filed_on: '2027-01-20', filed_on: '2027-02-05', lines: [{ part_no: 'LV-60', quantity: '12', kind: 'wear' }] });
	});

	test.each([
		['an unknown season', { season: 'winter' }, '2026-12-01', 'season'],
		['a season that is over', { year: 2026 }, '2026-12-01', 'year'],
		['a season two years ahead', { year: 2028 }, '2026-12-01', 'year'],
	])('DLR-3: when a dealer files %s, then it is refused naming the field', (_l, over, today, field) => {
		let error: unknown;
		try {
			file(today, [], over);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(DomainRuleError);
		expect(error).toMatchObject({ rule: 'DLR-3', field });
	});

	test.each([
		['no lines', { lines: [] }, 'lines'],
		['a bad kind', { lines: [{ part_no: 'X', quantity: 1, kind: 'spare' }] }, 'lines.0.kind'],
		['a zero quantity', { lines: [{ part_no: 'X', quantity: 0, kind: 'wear' }] }, 'lines.0.quantity'],
		['a year as text', { year: '2027' }, 'year'],
	])('DLR-3: when the plan has %s, then the input schema names %s', (_l, over, path) => {
		const parsed = PartsPlanInputSchema.safeParse({ season: 'spring', year: 2027, lines: [{ part_no: 'X', quantity: 1, kind: 'wear' }], ...over });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.path.join('.')).toBe(path);
	});

	const dealers = [{ id: 1, code: 'D001', filed: [] }, { id: 2, code: 'D002', filed: [{ season: 'spring', year: 2027 }] }];
	test.each([
		['two weeks before the deadline', '2027-01-16', []],
		['seven days before the deadline', '2027-01-23', [{ dealer: 1, kind: 'reminder', key: 'dlr3:reminder:1:spring:2027' }]],
		['on the deadline', '2027-01-30', [{ dealer: 1, kind: 'reminder' }]],
		['the day after the deadline', '2027-01-31', [{ dealer: 1, kind: 'missed', key: 'dlr3:missed:1:spring:2027' }]],
		['the day the season starts (the next one is autumn)', '2027-03-01', []],
	])('DLR-3: when it is %s, then only the dealer without a plan is reminded or reported', (_l, today, expected) => {
		const notices = computePlanNotices(dealers, seasons, 30, 7, today);
		expect(notices).toHaveLength(expected.length);
		expected.forEach((e, i) => expect(notices[i]).toMatchObject(e));
	});

	test('DLR-3: for any day, a dealer with a plan for the next season is never reminded, and keys are unique per dealer, kind and season', () => {
		const day = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
		fc.assert(fc.property(day, fc.integer({ min: 1, max: 90 }), fc.integer({ min: 0, max: 30 }), (today, lead, remind) => {
			const notices = computePlanNotices([{ id: 7, code: null, filed: [] }], seasons, lead, remind, today);
			for (const n of notices) {
				expect(computePlanNotices([{ id: 7, code: null, filed: [{ season: n.season, year: n.year }] }], seasons, lead, remind, today)).toEqual([]);
				expect(n.key).toBe(`dlr3:${n.kind}:7:${n.season}:${n.year}`);
				expect(n.kind === 'missed' ? today > n.deadline : today <= n.deadline).toBe(true);
			}
		}));
	});

	test('DLR-3: when the settings are unset, then the defaults are two seasons, 30 days lead and a 7-day reminder', () => {
		expect(PartsPlanSettingsSchema.parse({})).toMatchObject({ lead_days: 30, reminder_days: 7, seasons: [{ key: 'spring', from: '03-01' }, { key: 'autumn', from: '09-01' }] });
		expect(PartsPlanSettingsSchema.safeParse({ lead_days: 0 }).success).toBe(false);
	});
});
