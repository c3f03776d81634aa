import { z } from 'zod';

interface TierDefaults {
	schedule_compliance_min: number;
	claim_rejection_max: number;
	parts_on_time_min: number;
	repeat_repair_max: number;
	satisfaction_min: number;
}

const percent = z.number().min(0).max(100);

const tierSchema = (defaults: TierDefaults) =>
	z
		.object({
			/** % of dealer tasks scheduled within the 2 h of DLR-2. */
			schedule_compliance_min: percent.default(defaults.schedule_compliance_min),
			/** % of decided claims rejected. */
			claim_rejection_max: percent.default(defaults.claim_rejection_max),
			/** % of old-part batches returned by the deadline (WTY-6). */
			parts_on_time_min: percent.default(defaults.parts_on_time_min),
			/** % of repairs flagged as repeats (REQ-8). */
			repeat_repair_max: percent.default(defaults.repeat_repair_max),
			/** Average satisfaction score, 1–5 (FUP-3). */
			satisfaction_min: z.number().min(1).max(5).default(defaults.satisfaction_min),
			/** Complaints in the period; null leaves complaints out of the rating. */
			complaints_max: z.number().int().min(0).nullable().default(null),
		})
		.prefault({});

/** DLR-4, RPT-1: the bars a dealer must clear for an A or B rating; below B is C. */
export const DealerRatingThresholdsSchema = z.object({
	A: tierSchema({ schedule_compliance_min: 95, claim_rejection_max: 5, parts_on_time_min: 95, repeat_repair_max: 3, satisfaction_min: 4.5 }),
	B: tierSchema({ schedule_compliance_min: 85, claim_rejection_max: 15, parts_on_time_min: 80, repeat_repair_max: 8, satisfaction_min: 4.0 }),
});
export type DealerRatingThresholds = z.output<typeof DealerRatingThresholdsSchema>;
export type DealerRatingTier = DealerRatingThresholds['A'];

/** Relative weights of the score; only their ratios matter. */
export const DealerScoreWeightsSchema = z.object({
	schedule_compliance: z.number().min(0).default(30),
	claim_rejection: z.number().min(0).default(20),
	parts_on_time: z.number().min(0).default(15),
	repeat_repair: z.number().min(0).default(15),
	satisfaction: z.number().min(0).default(20),
});
export type DealerScoreWeights = z.output<typeof DealerScoreWeightsSchema>;

const count = z.number().int().min(0);

/** One dealer's counts for a report period (RPT-1). */
export const DealerMetricsSchema = z
	.object({
		code: z.string().min(1),
		tasks: count,
		tasks_on_schedule: count,
		claims_decided: count,
		claims_rejected: count,
		parts_batches_due: count,
		parts_batches_on_time: count,
		repairs: count,
		repeat_repairs: count,
		satisfaction_responses: count,
		satisfaction_avg: z.number().min(1).max(5).nullable(),
		complaints: count.default(0),
	})
	.refine((m) => m.tasks_on_schedule <= m.tasks, { path: ['tasks_on_schedule'], message: 'cannot exceed tasks' })
	.refine((m) => m.claims_rejected <= m.claims_decided, { path: ['claims_rejected'], message: 'cannot exceed claims_decided' })
	.refine((m) => m.parts_batches_on_time <= m.parts_batches_due, { path: ['parts_batches_on_time'], message: 'cannot exceed parts_batches_due' })
	.refine((m) => m.repeat_repairs <= m.repairs, { path: ['repeat_repairs'], message: 'cannot exceed repairs' });
export type DealerMetrics = z.input<typeof DealerMetricsSchema>;

/** DLR-4: the `dealer_rating_thresholds` setting as stored: the thresholds and, optionally, the score weights. */
export const DealerRatingSettingsSchema = DealerRatingThresholdsSchema.extend({ weights: DealerScoreWeightsSchema.optional() });
