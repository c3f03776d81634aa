import { z } from 'zod';
import { DomainRuleError } from '../errors';
import { REGULATION_PROFILE_RULES, REGULATION_PROFILES } from './regulation-profiles';
import { RegulationProfileRuleSchema, RegulationProfileSchema, type RegulationProfile, type RegulationProfileRule } from './schemas';

/** WTY-9: the regulation profiles and the table that picks one, as the settings hold them. */
export const RegulationProfilesSettingSchema = z.array(RegulationProfileSchema).min(1, 'at least one profile');
export const RegulationProfileRulesSettingSchema = z.array(RegulationProfileRuleSchema).min(1, 'at least one row');

export interface RegulationSettings {
	profiles: Readonly<Record<string, RegulationProfile>>;
	rules: readonly RegulationProfileRule[];
}

export const DEFAULT_REGULATION_SETTINGS: RegulationSettings = { profiles: REGULATION_PROFILES, rules: REGULATION_PROFILE_RULES };

const fail = (field: string, message: string): never => {
	throw new DomainRuleError('WTY-9', field, message, { collection: 'service_settings' });
};

/**
 * WTY-9: `regulation_profiles` and `regulation_profile_rules` of the settings, checked together:
 * profile keys are unique, every row names a defined profile, and the last row matches every unit
 * (no category and no date), so each unit has a profile. Null keeps the built-in one. Throws a
 * DomainRuleError naming the field (`regulation_profiles.1.key`, `regulation_profile_rules.0.profile`).
 */
export function parseRegulationSettings(profilesValue: unknown, rulesValue: unknown): RegulationSettings {
	let profiles: Record<string, RegulationProfile> = { ...REGULATION_PROFILES };
	if (profilesValue !== null && profilesValue !== undefined) {
		const parsed = RegulationProfilesSettingSchema.safeParse(profilesValue);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			fail(['regulation_profiles', ...issue.path.map(String)].join('.'), issue.message);
		}
		profiles = {};
		parsed.data!.forEach((profile, i) => {
			if (profiles[profile.key]) fail(`regulation_profiles.${i}.key`, `the key "${profile.key}" is used twice`);
			profiles[profile.key] = profile;
		});
	}
	let rules: readonly RegulationProfileRule[] = REGULATION_PROFILE_RULES;
	if (rulesValue !== null && rulesValue !== undefined) {
		const parsed = RegulationProfileRulesSettingSchema.safeParse(rulesValue);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			fail(['regulation_profile_rules', ...issue.path.map(String)].join('.'), issue.message);
		}
		rules = parsed.data!;
	}
	rules.forEach((rule, i) => {
		if (!profiles[rule.profile]) fail(`regulation_profile_rules.${i}.profile`, `no regulation profile "${rule.profile}" is defined`);
	});
	const last = rules[rules.length - 1]!;
	if (last.categories !== null || last.sold_from !== null) fail(`regulation_profile_rules.${rules.length - 1}`, 'the last row matches every unit (categories and sold_from null), so each unit has a profile');
	return { profiles, rules };
}
