// DLR-1 adapters: a dealer's standing (status, agreement end) checked on every path that logs a
// dealer's repair or files its claims. DLR-4: rating proposals and decisions.
export { assertDealerStanding, dealerStandingOf, loadDealerStanding } from './load-dealer-standing';
export { registerDealerStandingHooks } from './standing-hooks';
export { registerRatingHooks, registerRatingRoutes, reviewDealerRatings } from './rating';
