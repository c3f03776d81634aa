export { assertDealerMayFile } from './assert-dealer-may-file';
export { computeDealerStanding } from './compute-dealer-standing';
export { DealerStandingError } from './dealer-standing-error';
export { DEALER_STATUSES, type DealerStanding, type DealerStandingFacts, type DealerStandingReason, type DealerStatus } from './schemas';
