import { DomainRuleError } from '../errors';
import type { ClaimCaller } from './claim-facts';
import { REPEAT_REVIEW_ROLES, REPEAT_REVIEW_STATUSES, REPEAT_REVIEW_VALUES, type RepeatReview } from './repeat-review';
import type { ClaimStatus } from './schemas';
import { msg, state } from '../messages';

export interface RepeatReviewInput {
	status: ClaimStatus;
	/** The repair's REQ-8 link; null when it is not a repeat repair. */
	repeat_of: number | null;
	stored: RepeatReview | null;
	requested: unknown;
	note?: unknown;
}

/**
 * REQ-8: the technical department (or the service manager) records its review of a repeat-repair
 * claim: `cleared` lets it go on, `refused` keeps it from approval. Who and when are stamped; the
 * decision may be revised until finance approves. Returns the columns to write.
 */
export function decideRepeatReview(input: RepeatReviewInput, caller: ClaimCaller, now: Date): Record<string, unknown> {
	const { requested } = input;
	if (!caller.admin && !caller.roles.some((r) => (REPEAT_REVIEW_ROLES as readonly string[]).includes(r))) {
		throw new DomainRuleError('REQ-8', 'repeat_review', 'REQ-8: repeat_review: a repeat-repair claim is reviewed by the technical department or the service manager', { collection: 'warranty_claims', text: msg('review.by_whom') });
	}
	if (input.repeat_of === null && input.stored === null) {
		throw new DomainRuleError('REQ-8', 'repeat_review', 'REQ-8: repeat_review: the claimed repair is not a repeat repair; there is nothing to review', { collection: 'warranty_claims', text: msg('review.not_repeat') });
	}
	if (requested !== 'cleared' && requested !== 'refused') {
		const hint = (REPEAT_REVIEW_VALUES as readonly string[]).includes(String(requested)) ? 'is set by the system' : 'is not a review decision';
		throw new DomainRuleError('REQ-8', 'repeat_review', `REQ-8: repeat_review: ${JSON.stringify(requested)} ${hint}; record cleared or refused`, { collection: 'warranty_claims', text: msg('review.cleared_or_refused', { value: JSON.stringify(requested), hint }) });
	}
	if (!REPEAT_REVIEW_STATUSES.includes(input.status)) {
		throw new DomainRuleError('REQ-8', 'repeat_review', `REQ-8: repeat_review: the review is recorded while the claim is submitted, audited or inspected (not ${input.status})`, { collection: 'warranty_claims', text: msg('review.when', { status: state('warranty_claims', 'status', input.status) }) });
	}
	const note = input.note;
	if (note !== undefined && note !== null && typeof note !== 'string') {
		throw new DomainRuleError('REQ-8', 'repeat_review_note', 'REQ-8: repeat_review_note: must be text', { collection: 'warranty_claims', text: msg('claim.must_be_text') });
	}
	if (requested === 'refused' && !(typeof note === 'string' && note.trim())) {
		throw new DomainRuleError('REQ-8', 'repeat_review_note', 'REQ-8: repeat_review_note: a refused review says why (e.g. the first repair was not done properly)', { collection: 'warranty_claims', text: msg('review.refusal_says_why') });
	}
	return {
		repeat_review: requested as RepeatReview,
		repeat_reviewed_by: caller.user,
		repeat_reviewed_at: now.toISOString(),
		...(note !== undefined ? { repeat_review_note: note } : {}),
	};
}
