import { z } from 'zod';
import { DEFAULT_SALES_SEASONS, SalesSeasonsSchema } from '../seasons';

/** DLR-3: the settings of the spare-parts plan (service_settings). */
export const PartsPlanSettingsSchema = z.object({
	seasons: SalesSeasonsSchema.default(DEFAULT_SALES_SEASONS),
	/** The plan is due this many days before the season starts (003 (二)7: 30). */
	lead_days: z.number().int().min(1).max(365).default(30),
	/** Dealers without a plan are reminded this many days before the deadline. */
	reminder_days: z.number().int().min(0).max(365).default(7),
});
export type PartsPlanSettings = z.output<typeof PartsPlanSettingsSchema>;

const quantity = z
	.union([z.string(), z.number()])
	.transform((v) => String(v).trim())
	.refine((v) => /^\d{1,9}(\.\d{1,3})?$/.test(v) && Number(v) > 0, 'must be a number greater than 0 with at most 3 decimals');

export const PartsPlanLineSchema = z.strictObject({
	part_no: z.string().trim().min(1).max(64),
	part_name: z.string().trim().max(255).optional(),
	quantity,
	kind: z.enum(['warranty', 'wear']),
});

/** DLR-3: what a dealer files from the portal: its warranty and wear parts for one season. */
export const PartsPlanInputSchema = z.strictObject({
	season: z.string().trim().min(1).max(32),
	year: z.number().int().min(2000).max(2100),
	lines: z.array(PartsPlanLineSchema).min(1).max(500),
	note: z.string().trim().max(2000).optional(),
});
export type PartsPlanInput = z.output<typeof PartsPlanInputSchema>;

/** A filed plan as it is kept on the dealer (dealers.parts_plans), shaped for the Studio's timeline too. */
export interface PartsPlan {
	season: string;
	year: number;
	label: string;
	season_starts_on: string;
	deadline: string;
	/** The latest filing's business day and instant, and who filed it. */
	filed_on: string;
	at: string;
	by: string | null;
	first_filed_on: string;
	/** DLR-3: whether the first filing was on or before the deadline; a late plan stays late. */
	on_time: boolean;
	revision: number;
	lines: z.output<typeof PartsPlanLineSchema>[];
	note: string | null;
	summary: string;
}
