import type { DealerMetrics } from './schemas';

export interface DealerRates {
	schedule_compliance: number | null;
	claim_rejection: number | null;
	parts_on_time: number | null;
	repeat_repair: number | null;
	satisfaction: number | null;
}

const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/**
 * DLR-4, RPT-1: the rating inputs as percentages (satisfaction as its 1–5 average). A metric with
 * nothing to measure (no tasks, no claims decided…) is null: a quiet dealer is not a bad one.
 */
export function computeDealerRates(metrics: DealerMetrics): DealerRates {
	return {
		schedule_compliance: percent(metrics.tasks_on_schedule, metrics.tasks),
		claim_rejection: percent(metrics.claims_rejected, metrics.claims_decided),
		parts_on_time: percent(metrics.parts_batches_on_time, metrics.parts_batches_due),
		repeat_repair: percent(metrics.repeat_repairs, metrics.repairs),
		satisfaction: metrics.satisfaction_responses > 0 ? metrics.satisfaction_avg : null,
	};
}
