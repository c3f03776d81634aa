import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { computeRegulationProfile, REGULATION_PROFILES, type RegulationProfileRule } from './index';

describe('computeRegulationProfile', () => {
	test.each([
		['tractor', '2026-04-01', 'agri_2010'],
		['Tractor', '2010-06-01', 'agri_2010'],
		['  combine_harvester ', '2015-01-01', 'agri_2010'],
		['拖拉机', '2020-01-01', 'agri_2010'],
		['tractor', '2010-05-31', 'general_1995'],
		['transformer', '2026-04-01', 'general_1995'],
		['lubricant', '2009-01-01', 'general_1995'],
		[null, '2026-04-01', 'agri_2010'],
		['', '2026-04-01', 'agri_2010'],
		[null, '2009-04-01', 'general_1995'],
	])('WTY-9: when category %j is sold on %s, then the profile is %s', (category, sold_on, key) => {
		expect(computeRegulationProfile(category, sold_on).key).toBe(key);
	});

	test('WTY-9: when settings supply their own selection table, then it is used instead of the default', () => {
		const rules: RegulationProfileRule[] = [{ categories: ['transformer'], sold_from: '2020-01-01', profile: 'agri_2010' }, { categories: null, sold_from: null, profile: 'general_1995' }];
		expect(computeRegulationProfile('transformer', '2021-01-01', rules).key).toBe('agri_2010');
	});

	test('WTY-9: when the table names an undefined profile, then the error names the rule', () => {
		const rules: RegulationProfileRule[] = [{ categories: null, sold_from: null, profile: 'car_2021' }];
		expect(() => computeRegulationProfile('car', '2022-01-01', rules, REGULATION_PROFILES)).toThrow(expect.objectContaining({ rule: 'WTY-9' }));
	});

	test('WTY-9: when no row matches, then a DomainRuleError is thrown', () => {
		expect(() => computeRegulationProfile('car', '2022-01-01', [])).toThrow(DomainRuleError);
	});
});
