// Sales seasons (DLR-3, DLR-5): month-day seasons, their occurrences, the next one and its plan deadline.
export { computeNextSeason, computePlanDeadline, type NextSeason } from './compute-next-season';
export { computeSeasonOccurrences } from './compute-season-occurrences';
export { computeSeasonOf } from './compute-season-of';
export { computeSeasonsCompletedBetween, computeSeasonsStartedBetween } from './compute-seasons-between';
export { DEFAULT_SALES_SEASONS, monthDayOrdinal, SalesSeasonSchema, SalesSeasonsSchema, type SalesSeason, type SeasonOccurrence } from './schemas';
