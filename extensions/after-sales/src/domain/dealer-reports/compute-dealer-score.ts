import { computeDealerRates, type DealerRates } from './compute-dealer-rates';
import { DealerScoreWeightsSchema, type DealerMetrics, type DealerScoreWeights } from './schemas';

/**
 * RPT-1, DLR-4: a 0–100 score for ranking dealers, each input scaled so that 100 is perfect
 * (rejection and repeat rates inverted, satisfaction 1–5 mapped to 0–100). Metrics without data are
 * left out and the remaining weights rescaled, so they neither help nor hurt; with no data at all
 * the score is null. One decimal, enough to rank without implying precision.
 */
export function computeDealerScore(metrics: DealerMetrics, weights: DealerScoreWeights = DealerScoreWeightsSchema.parse({})): number | null {
	const rates = computeDealerRates(metrics);
	const scaled: Record<keyof DealerRates, number | null> = {
		schedule_compliance: rates.schedule_compliance,
		claim_rejection: rates.claim_rejection === null ? null : 100 - rates.claim_rejection,
		parts_on_time: rates.parts_on_time,
		repeat_repair: rates.repeat_repair === null ? null : 100 - rates.repeat_repair,
		satisfaction: rates.satisfaction === null ? null : ((rates.satisfaction - 1) / 4) * 100,
	};
	let weighted = 0;
	let totalWeight = 0;
	for (const key of Object.keys(scaled) as Array<keyof DealerRates>) {
		const value = scaled[key];
		if (value === null || weights[key] === 0) continue;
		weighted += value * weights[key];
		totalWeight += weights[key];
	}
	return totalWeight === 0 ? null : Math.round((weighted / totalWeight) * 10) / 10;
}
