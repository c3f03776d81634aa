export { computeDealerRates, type DealerRates } from './compute-dealer-rates';
export { computeDealerRating, type DealerRating } from './compute-dealer-rating';
export { computeDealerScore } from './compute-dealer-score';
export { computeRanking, type RankableRow } from './compute-ranking';
export {
	DealerMetricsSchema,
	DealerRatingThresholdsSchema,
	DealerScoreWeightsSchema,
	type DealerMetrics,
	type DealerRatingThresholds,
	type DealerRatingTier,
	type DealerScoreWeights,
} from './schemas';
export { computeDealerReportRows, type DealerFigures, type DealerReportRow } from './compute-dealer-report-rows';
