import { isPolicyMatching } from './is-policy-matching';
import type { SlaPolicy } from './schemas';
import type { SlaFacts } from './types';

/** ESC-1: the matching policy with the highest priority; on a tie the first listed wins, so order is stable. */
export function selectPolicy(facts: SlaFacts, policies: readonly SlaPolicy[]): SlaPolicy | null {
	let selected: SlaPolicy | null = null;

	for (const policy of policies) {
		if (isPolicyMatching(facts, policy) && (selected === null || policy.priority > selected.priority)) {
			selected = policy;
		}
	}

	return selected;
}
