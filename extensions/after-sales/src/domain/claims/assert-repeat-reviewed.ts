import { DomainRuleError } from '../errors';
import type { RepeatReview } from './repeat-review';
import { msg } from '../messages';

/**
 * REQ-8: a repeat-repair claim is not approved on the ordinary path until the technical department
 * (or the service manager) has cleared it; a refused review leaves only rejection. A repeat repair
 * whose claim has no review yet (filed before the hold existed) is held the same way.
 */
export function assertRepeatReviewed(input: { repeat_of: number | null; review: RepeatReview | null }): void {
	if (input.review === 'cleared') return;
	if (input.review === 'refused') {
		throw new DomainRuleError('REQ-8', 'repeat_review', msg('claim.repeat_refused'), { collection: 'warranty_claims' });
	}
	if (input.review === 'pending' || input.repeat_of !== null) {
		throw new DomainRuleError(
			'REQ-8',
			'repeat_review',
			msg('claim.repeat_held', { repeat: input.repeat_of ?? '?' }),
			{ collection: 'warranty_claims' },
		);
	}
}
