import { computeDealerRates, type DealerRates } from './compute-dealer-rates';
import { DealerRatingThresholdsSchema, type DealerMetrics, type DealerRatingThresholds, type DealerRatingTier } from './schemas';

export type DealerRating = 'A' | 'B' | 'C';

const format = (value: number, unit: string) => `${value.toFixed(1)}${unit}`;

function missedThresholds(rates: DealerRates, complaints: number, tier: DealerRatingTier, name: 'A' | 'B'): string[] {
	const missed: string[] = [];
	const below = (value: number | null, min: number, zh: string, en: string, unit: string) => {
		if (value !== null && value < min) missed.push(`${zh} ${format(value, unit)} 低于 ${name} 级标准 ${min}${unit} / ${en} ${format(value, unit)} is below the ${name} threshold of ${min}${unit}`);
	};
	const above = (value: number | null, max: number, zh: string, en: string, unit: string) => {
		if (value !== null && value > max) missed.push(`${zh} ${format(value, unit)} 高于 ${name} 级上限 ${max}${unit} / ${en} ${format(value, unit)} is above the ${name} limit of ${max}${unit}`);
	};
	below(rates.schedule_compliance, tier.schedule_compliance_min, '任务安排及时率', 'schedule compliance', '%');
	above(rates.claim_rejection, tier.claim_rejection_max, '索赔驳回率', 'claim rejection rate', '%');
	below(rates.parts_on_time, tier.parts_on_time_min, '旧件按时返回率', 'parts returned on time', '%');
	above(rates.repeat_repair, tier.repeat_repair_max, '重复修理率', 'repeat repair rate', '%');
	below(rates.satisfaction, tier.satisfaction_min, '用户满意度', 'satisfaction', '');
	if (tier.complaints_max !== null && complaints > tier.complaints_max) {
		missed.push(`投诉 ${complaints} 次，超过 ${name} 级上限 ${tier.complaints_max} 次 / ${complaints} complaints exceed the ${name} limit of ${tier.complaints_max}`);
	}
	return missed;
}

/**
 * DLR-4, RPT-1: the suggested rating — A when every A threshold is met, else B when every B
 * threshold is met, else C — with each threshold of the next tier up that was missed, in Chinese
 * and English. A metric without data is neutral. The rating is a suggestion; demotion for fraud
 * stays a human decision.
 */
export function computeDealerRating(
	metrics: DealerMetrics,
	thresholds: DealerRatingThresholds = DealerRatingThresholdsSchema.parse({}),
): { rating: DealerRating; reasons: string[] } {
	const rates = computeDealerRates(metrics);
	const complaints = metrics.complaints ?? 0;
	const missedA = missedThresholds(rates, complaints, thresholds.A, 'A');
	if (missedA.length === 0) return { rating: 'A', reasons: [] };
	const missedB = missedThresholds(rates, complaints, thresholds.B, 'B');
	if (missedB.length === 0) return { rating: 'B', reasons: missedA };
	return { rating: 'C', reasons: missedB };
}
