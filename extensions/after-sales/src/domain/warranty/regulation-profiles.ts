import type { RegulationProfile, RegulationProfileRule } from './schemas';

/**
 * WTY-9 statutory remedy ladders as data, so a new regulation (the 2021 car rules, say) is a new
 * entry rather than new code.
 */
export const REGULATION_PROFILES = {
	agri_2010: {
		key: 'agri_2010',
		name_zh: '农业机械产品修理、更换、退货责任规定（2010）',
		name_en: 'Agricultural machinery repair, replacement and return rules (2010)',
		min_whole_machine_months: 12,
		serious_faults_only: true,
		early_remedies: [],
		ladder: [
			{ remedy: 'main_part_replacement', after: 'repair', count: 2 },
			{ remedy: 'machine_replacement', after: 'main_part_replacement', count: 1 },
			{ remedy: 'refund', after: 'machine_replacement', count: 1 },
		],
	},
	general_1995: {
		key: 'general_1995',
		name_zh: '部分商品修理更换退货责任规定（1995）',
		name_en: 'Repair, replacement and return rules for certain goods (1995)',
		min_whole_machine_months: null,
		serious_faults_only: false,
		early_remedies: [
			{ within_days: 7, remedy: 'refund' },
			{ within_days: 15, remedy: 'machine_replacement' },
		],
		ladder: [
			{ remedy: 'machine_replacement', after: 'repair', count: 2 },
			{ remedy: 'refund', after: 'machine_replacement', count: 1 },
		],
	},
} satisfies Record<string, RegulationProfile>;

export type RegulationProfileKey = keyof typeof REGULATION_PROFILES;

/** The pack's default (WTY-9): this is an agricultural-machinery maker's 三包 scheme (seed 003). */
export const DEFAULT_REGULATION_PROFILE: RegulationProfileKey = 'agri_2010';

/** Product categories the agricultural rules cover; matched case-insensitively. */
export const AGRICULTURAL_CATEGORIES = [
	'agricultural',
	'agricultural_machinery',
	'tractor',
	'harvester',
	'combine_harvester',
	'diesel_engine',
	'seeder',
	'planter',
	'transplanter',
	'sprayer',
	'tiller',
	'rotary_tiller',
	'thresher',
	'baler',
	'农机',
	'农业机械',
	'拖拉机',
	'收割机',
	'联合收割机',
	'柴油机',
	'播种机',
	'插秧机',
	'植保机械',
	'旋耕机',
	'脱粒机',
	'打捆机',
] as const;

/**
 * First matching row wins. The 2010 agricultural rules took effect on 2010-06-01; units sold before
 * fall back to the 1995 general rules. A product without a category is treated as agricultural
 * because that is this pack's default profile.
 */
export const REGULATION_PROFILE_RULES: readonly RegulationProfileRule[] = [
	{ categories: [...AGRICULTURAL_CATEGORIES, null], sold_from: '2010-06-01', profile: 'agri_2010' },
	{ categories: null, sold_from: null, profile: 'general_1995' },
];
