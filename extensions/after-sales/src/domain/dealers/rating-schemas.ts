import { z } from 'zod';
import { DEALER_STATUSES } from './schemas';

/** DLR-4: the dealer tiers (CONTRACT.md: dealers.tier), best first. */
export const DEALER_TIERS = ['A', 'B', 'C'] as const;
export type DealerTier = (typeof DEALER_TIERS)[number];

export const RATING_DECISIONS = ['approve', 'dismiss'] as const;
export type RatingDecision = (typeof RATING_DECISIONS)[number];

/** DLR-4: what the monthly review proposes, stored on the dealer (`rating_proposal`, read-only). */
export const RatingProposalSchema = z.object({
	kind: z.enum(['demotion', 'promotion', 'reinstatement']),
	from_tier: z.enum(DEALER_TIERS),
	from_status: z.enum(DEALER_STATUSES),
	proposed_tier: z.enum(DEALER_TIERS),
	proposed_status: z.enum(DEALER_STATUSES),
	score: z.number().nullable(),
	grade: z.enum(DEALER_TIERS),
	reasons: z.array(z.string()),
	/** The month reviewed, YYYY-MM. */
	period: z.string().regex(/^\d{4}-\d{2}$/),
	proposed_at: z.string(),
});
export type RatingProposal = z.output<typeof RatingProposalSchema>;

/** DLR-4: one entry of a dealer's `rating_history` timeline (who, when, from → to, score, note). */
export interface RatingHistoryEntry {
	at: string;
	by: string | null;
	from: string;
	to: string;
	summary: string;
	decision: RatingDecision | 'manual';
	period?: string | null;
	score?: number | null;
	grade?: DealerTier | null;
	note?: string;
}

/** A dealer as the rating rules see it. */
export interface DealerRatingFacts {
	id: number;
	code: string;
	tier: string | null;
	status: string | null;
	rating_proposal: unknown;
	rating_history: unknown[];
}

/** The dealer report's verdict for one dealer and period (RPT-1). */
export interface RatingReview {
	rating: DealerTier;
	score: number | null;
	reasons: readonly string[];
	period: string;
}
