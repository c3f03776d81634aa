import type { SlaPolicy } from './schemas';
import type { SlaFacts } from './types';

const LIST_KEYS = ['severity', 'category', 'dealer_tier', 'coverage', 'fault_scope'] as const;
const FLAG_KEYS = ['key_account', 'is_dealer_task', 'busy_season'] as const;

/**
 * ESC-1: a policy applies when it is active, targets the record's collection and every condition
 * key present holds. A missing flag on the record counts as false: a record not marked as a
 * dealer task is not one.
 */
export function isPolicyMatching(facts: SlaFacts, policy: SlaPolicy): boolean {
	if (!policy.active || policy.collection !== facts.collection) return false;

	const { condition } = policy;

	for (const key of LIST_KEYS) {
		const allowed: readonly string[] | undefined = condition[key];
		if (allowed === undefined) continue;

		const value = facts[key];
		if (value === undefined || value === null || !allowed.includes(value)) return false;
	}

	for (const key of FLAG_KEYS) {
		const wanted = condition[key];
		if (wanted !== undefined && (facts[key] ?? false) !== wanted) return false;
	}

	return true;
}
