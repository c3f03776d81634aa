import type { DealerStatus } from './schemas';
import { DEALER_TIERS, RatingProposalSchema, type DealerRatingFacts, type DealerTier, type RatingHistoryEntry, type RatingProposal, type RatingReview } from './rating-schemas';

const rank = (tier: DealerTier) => DEALER_TIERS.length - DEALER_TIERS.indexOf(tier);
const isTier = (v: unknown): v is DealerTier => typeof v === 'string' && (DEALER_TIERS as readonly string[]).includes(v);

/** The stored proposal, or null when there is none (or it is unreadable). */
export function readRatingProposal(value: unknown): RatingProposal | null {
	const parsed = RatingProposalSchema.safeParse(value);
	return parsed.success ? parsed.data : null;
}

/**
 * DLR-4: what a dealer's monthly rating calls for — rewards for excellent service, demotion for
 * serious failures. The report's grade (A/B/C, every bar of that tier met) is compared with the
 * dealer's tier:
 * - below its tier's bar → demoted to the grade; a dealer already on probation, or one falling to
 *   C, also loses standing (active → probation, probation → suspended, which DLR-1 enforces);
 * - a C dealer on probation still graded C → suspended;
 * - above its tier → promoted to the grade, and a dealer on probation back to active;
 * - on probation and meeting its tier's bar (not C) → reinstated (active).
 * Nothing for a dealer without data in the period (no score), one suspended or terminated (a
 * manager decides those by hand), one whose proposal for the period exists or was decided.
 */
export function decideRatingProposal(dealer: DealerRatingFacts, review: RatingReview, now: Date): RatingProposal | null {
	if (review.score === null) return null;
	const status = (dealer.status ?? 'active') as DealerStatus;
	if (status !== 'active' && status !== 'probation') return null;
	const tier: DealerTier = isTier(dealer.tier) ? dealer.tier : 'B';
	const existing = readRatingProposal(dealer.rating_proposal);
	if (existing && existing.period === review.period) return null;
	const decided = (dealer.rating_history as Partial<RatingHistoryEntry>[]).some((e) => e && e.period === review.period && (e.decision === 'approve' || e.decision === 'dismiss'));
	if (decided) return null;

	const grade = review.rating;
	let target: { tier: DealerTier; status: DealerStatus; kind: RatingProposal['kind'] } | null = null;
	if (rank(grade) < rank(tier)) {
		target = { tier: grade, status: status === 'probation' ? 'suspended' : grade === 'C' ? 'probation' : status, kind: 'demotion' };
	} else if (grade === 'C' && tier === 'C' && status === 'probation') {
		target = { tier, status: 'suspended', kind: 'demotion' };
	} else if (rank(grade) > rank(tier)) {
		target = { tier: grade, status: 'active', kind: 'promotion' };
	} else if (status === 'probation' && grade !== 'C') {
		target = { tier, status: 'active', kind: 'reinstatement' };
	}
	if (!target) return null;
	return {
		kind: target.kind, from_tier: tier, from_status: status, proposed_tier: target.tier, proposed_status: target.status,
		score: review.score, grade, reasons: [...review.reasons], period: review.period, proposed_at: now.toISOString(),
	};
}
