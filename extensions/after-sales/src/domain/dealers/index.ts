export { assertDealerMayFile } from './assert-dealer-may-file';
export { computeDealerStanding } from './compute-dealer-standing';
export { DealerStandingError } from './dealer-standing-error';
export { DEALER_STATUSES, type DealerStanding, type DealerStandingFacts, type DealerStandingReason, type DealerStatus } from './schemas';
export { DEALER_TIERS, RATING_DECISIONS, RatingProposalSchema, type DealerRatingFacts, type DealerTier, type RatingDecision, type RatingHistoryEntry, type RatingProposal, type RatingReview } from './rating-schemas';
export { decideRatingProposal, readRatingProposal } from './decide-rating-proposal';
export { computeManualRatingEntry, decideRatingDecision, RatingForbiddenError, type RatingActor } from './decide-rating-decision';
