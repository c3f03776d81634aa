import { describe, expect, test } from 'vitest';
import { computeNextRemedy, REGULATION_PROFILES, type RemedyHistoryEntry } from './index';

const at = new Date('2026-09-01T02:00:00Z');
const done = (fault_category: string, remedy: RemedyHistoryEntry['remedy'] = 'repair', extra: Partial<RemedyHistoryEntry> = {}): RemedyHistoryEntry => ({
	fault_category,
	completed_at: new Date('2026-06-01T02:00:00Z'),
	coverage: 'warranty',
	remedy,
	...extra,
});
const hydraulic = { category: 'hydraulic', scope: 'whole_machine' as const };

describe('computeNextRemedy — agri_2010', () => {
	const profile = REGULATION_PROFILES.agri_2010;
	test.each([
		['no earlier repair', [], 'repair'],
		['one earlier repair of the same fault', [done('hydraulic')], 'repair'],
		['two earlier repairs of the same fault', [done('hydraulic'), done('hydraulic')], 'main_part_replacement'],
		['two earlier repairs, fault category spelt differently', [done('Hydraulic '), done('hydraulic')], 'main_part_replacement'],
		['two earlier repairs of other faults', [done('engine'), done('gearbox')], 'repair'],
		['two repairs and a main part replacement', [done('hydraulic'), done('hydraulic'), done('hydraulic', 'main_part_replacement')], 'machine_replacement'],
		['a machine replacement already', [done('hydraulic'), done('hydraulic'), done('hydraulic', 'main_part_replacement'), done('hydraulic', 'machine_replacement')], 'refund'],
		['two repairs, one of them paid', [done('hydraulic'), done('hydraulic', 'repair', { coverage: 'paid' })], 'repair'],
		['two repairs, one not yet completed', [done('hydraulic'), done('hydraulic', 'repair', { completed_at: null })], 'repair'],
		['two repairs, one completed after `at`', [done('hydraulic'), done('hydraulic', 'repair', { completed_at: new Date('2026-09-02T00:00:00Z') })], 'repair'],
		['two repairs, one recorded as not serious', [done('hydraulic'), done('hydraulic', 'repair', { serious: false })], 'repair'],
	])('WTY-9: when the unit has %s, then the next remedy is %s', (_label, history, expected) => {
		expect(computeNextRemedy(profile, history, hydraulic, at, '2026-04-01').remedy).toBe(expected);
	});

	test('WTY-9: when a wear-part fault recurs, then it is only repaired because the ladder is for serious faults', () => {
		const result = computeNextRemedy(profile, [done('belt'), done('belt'), done('belt')], { category: 'belt', scope: 'wear_part' }, at, '2026-04-01');
		expect(result.remedy).toBe('repair');
		expect(result.basis_zh).toContain('非严重质量问题');
	});

	test('WTY-9: when the fault is 3 days after the sale, then the agricultural profile has no early refund', () => {
		expect(computeNextRemedy(profile, [], hydraulic, at, '2026-08-29').remedy).toBe('repair');
	});

	test('WTY-9: when the remedy escalates, then the basis names the count and the profile', () => {
		const result = computeNextRemedy(profile, [done('hydraulic'), done('hydraulic')], hydraulic, at, '2026-04-01');
		expect(result.basis_en).toMatch(/agri_2010.*2 × repair/);
		expect(result.basis_zh).toContain('更换主要部件');
	});
});

describe('computeNextRemedy — general_1995', () => {
	const profile = REGULATION_PROFILES.general_1995;
	test.each([
		['on the day of sale', '2026-09-01', [], 'refund'],
		['on day 7 after sale', '2026-08-25', [], 'refund'],
		['on day 8 after sale', '2026-08-24', [], 'machine_replacement'],
		['on day 15 after sale', '2026-08-17', [], 'machine_replacement'],
		['on day 16 after sale', '2026-08-16', [], 'repair'],
		['after 2 failed repairs', '2026-01-01', [done('hydraulic'), done('hydraulic')], 'machine_replacement'],
		['after a replacement failed', '2026-01-01', [done('hydraulic'), done('hydraulic'), done('hydraulic', 'machine_replacement')], 'refund'],
		['after 2 repairs of a wear part (no seriousness filter)', '2026-01-01', [done('hydraulic', 'repair', { serious: false }), done('hydraulic', 'repair', { serious: false })], 'machine_replacement'],
	])('WTY-9: when the fault appears %s, then the next remedy is %s', (_label, sold_on, history, expected) => {
		expect(computeNextRemedy(profile, history, hydraulic, at, sold_on).remedy).toBe(expected);
	});

	test('WTY-9: when day 7 is judged in Shanghai time, then an instant late on day 7 UTC is already day 8 locally', () => {
		// 2026-09-01T17:00Z is 2 September 01:00 in Shanghai: day 8 after a sale on 25 August.
		const late = new Date('2026-09-01T17:00:00Z');
		expect(computeNextRemedy(profile, [], hydraulic, late, '2026-08-25').remedy).toBe('machine_replacement');
		expect(computeNextRemedy(profile, [], hydraulic, late, '2026-08-25', 'UTC').remedy).toBe('refund');
	});
});
