export { assertClaimTransition } from './assert-claim-transition';
export { assertOwnRepair } from './assert-own-repair';
export { CLAIM_TRANSITIONS, type ClaimTransition } from './claim-transitions';
export { computeAllowedClaimTransitions } from './compute-allowed-claim-transitions';
export { computeClaimTotals, type ClaimLineState, type ClaimLineTotals, type ClaimTotals, type ClaimTotalsLine } from './compute-claim-totals';
export { computeInspectionOutcome, type InspectionOutcome } from './compute-inspection-outcome';
export { computeLedgerAdjustment } from './compute-ledger-adjustment';
export { computeLedgerEntry, type LedgerEntry } from './compute-ledger-entry';
export { computeSubmissionRejections, type SubmissionCheckInput, type SubmissionRejection } from './compute-submission-rejections';
export { NotOwnRecordError } from './not-own-record-error';
export { REJECTION_REASONS } from './rejection-reasons';
export {
	CLAIM_LINE_KINDS,
	CLAIM_ROLES,
	CLAIM_STATUSES,
	ClaimLineSchema,
	ClaimStatusSchema,
	ClaimTransitionSchema,
	OLD_PART_STATUSES,
	OldPartStatusSchema,
	REJECTION_REASON_KEYS,
	RejectionReasonKeySchema,
	type ClaimLine,
	type ClaimRole,
	type ClaimStatus,
	type OldPartStatus,
	type RejectionReasonKey,
} from './schemas';
export { assertRepairEditable, FrozenRecordError } from './assert-repair-editable';
export type { ClaimCaller, ClaimFacts, ClaimLineUpdate, ClaimPartFacts, ClaimPlan, ClaimRepairFacts, LedgerEntryPlan, StoredClaim } from './claim-facts';
export { CLAIM_COMPUTED_FIELDS, CLAIM_DECIDING_STATUSES, LINE_DECIDING_ROLES } from './claim-fields';
export { computeClaimedAmounts, computePartLineAmount } from './claim-amounts';
export { computeActingRole } from './compute-acting-role';
export { decideClaimCreate } from './decide-claim-create';
export { decideClaimUpdate } from './decide-claim-update';
export { assertOldPartsUnclaimed, type ClaimedOldPart } from './assert-old-parts-unclaimed';
export { assertRepeatReviewed } from './assert-repeat-reviewed';
export { computeRepeatReviewNotice, type ClaimNotice } from './compute-repeat-review-notice';
export { decideSubmissionHolds } from './decide-claim-create';
export { decideRepeatReview, type RepeatReviewInput } from './decide-repeat-review';
export { normalizeOldPartSerial } from './normalize-old-part-serial';
export { OLD_PART_CLAIMED_STATUSES, REPEAT_REVIEW_ROLES, REPEAT_REVIEW_STATUSES, REPEAT_REVIEW_VALUES, type RepeatReview } from './repeat-review';
