import type { ClaimStatus } from './schemas';

/**
 * REQ-8: a claim for a repeat repair (same unit, same fault within the window: `repeat_of`) is held
 * for the technical department's review. `pending` from submission until the technical department
 * or the service manager records `cleared` (the claim goes on as usual) or `refused` (it can only
 * be rejected). Null on a claim whose repair is not a repeat.
 */
export const REPEAT_REVIEW_VALUES = ['pending', 'cleared', 'refused'] as const;
export type RepeatReview = (typeof REPEAT_REVIEW_VALUES)[number];

/** REQ-8: who records the review (an administrator may act for them). */
export const REPEAT_REVIEW_ROLES = ['technical_dept', 'service_manager'] as const;

/** REQ-8: the review is recorded while the claim is with the audit, before finance approves it. */
export const REPEAT_REVIEW_STATUSES: readonly ClaimStatus[] = ['submitted', 'audited', 'inspected'];

/** REQ-8: claims whose old parts count as claimed: submitted and on the way to (or past) payment. */
export const OLD_PART_CLAIMED_STATUSES: readonly ClaimStatus[] = ['submitted', 'audited', 'inspected', 'approved', 'settled'];
