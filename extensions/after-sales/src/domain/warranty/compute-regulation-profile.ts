import { DomainRuleError } from '../errors';
import { computeDaysBetween } from './compute-days-between';
import { REGULATION_PROFILE_RULES, REGULATION_PROFILES } from './regulation-profiles';
import type { RegulationProfile, RegulationProfileRule } from './schemas';

/**
 * WTY-9: the regulation profile for a unit, chosen by product category and sale date through a
 * selection table (rows may come from settings), never by branching on category names in code.
 */
export function computeRegulationProfile(
	category: string | null | undefined,
	sold_on: string,
	rules: readonly RegulationProfileRule[] = REGULATION_PROFILE_RULES,
	profiles: Readonly<Record<string, RegulationProfile>> = REGULATION_PROFILES,
): RegulationProfile {
	const normalized = category?.trim().toLowerCase() || null;
	for (const rule of rules) {
		const categoryMatches = rule.categories === null || rule.categories.some((candidate) => (candidate?.toLowerCase() ?? null) === normalized);
		const dateMatches = rule.sold_from === null || computeDaysBetween(rule.sold_from, sold_on) >= 0;
		if (!categoryMatches || !dateMatches) continue;
		const profile = profiles[rule.profile];
		if (!profile) {
			throw new DomainRuleError('WTY-9', 'regulation_profile', `WTY-9: regulation profile "${rule.profile}" is not defined`);
		}
		return profile;
	}
	throw new DomainRuleError('WTY-9', 'regulation_profile', `WTY-9: no regulation profile applies to category "${category ?? ''}" sold on ${sold_on}`);
}
