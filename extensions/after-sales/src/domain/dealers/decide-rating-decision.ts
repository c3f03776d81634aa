import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { readRatingProposal } from './decide-rating-proposal';
import { RATING_DECISIONS, type DealerRatingFacts, type RatingDecision, type RatingHistoryEntry } from './rating-schemas';

const C = 'dealers';

/** Who decides: `manager` is a Service Manager or an administrator. */
export interface RatingActor {
	user: string | null;
	manager: boolean;
}

/** DLR-4: only a Service Manager or an administrator decides on a rating (403). */
export class RatingForbiddenError extends DomainRuleError {
	readonly status = 403;
	constructor(key: 'rating.role' | 'rating.review_role' = 'rating.role') {
		super('DLR-4', 'rating_decision', msg(key), { collection: C });
		this.name = 'RatingForbiddenError';
	}
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const standing = (tier: unknown, status: unknown) => `${String(tier ?? '—')} · ${String(status ?? 'active')}`;

/**
 * DLR-4: a manager approves or dismisses the dealer's pending rating proposal. Approving applies
 * the proposed tier and status (a suspension then stops the dealer filing, DLR-1); dismissing needs
 * a note. Either way the proposal is cleared and the rating history gains who, when, from → to,
 * the score and the note. Returns the columns to write.
 */
export function decideRatingDecision(dealer: DealerRatingFacts, decision: unknown, note: unknown, actor: RatingActor | null, now: Date): Record<string, unknown> {
	if (actor && !actor.manager) throw new RatingForbiddenError();
	if (typeof decision !== 'string' || !(RATING_DECISIONS as readonly string[]).includes(decision)) {
		throw new DomainRuleError('DLR-4', 'rating_decision', msg('rating.decision', { value: String(decision) }), { collection: C });
	}
	const proposal = readRatingProposal(dealer.rating_proposal);
	if (!proposal) throw new DomainRuleError('DLR-4', 'rating_decision', msg('rating.no_proposal', { code: dealer.code }), { collection: C });
	if (decision === 'dismiss' && blank(note)) throw new DomainRuleError('DLR-4', 'rating_decision_note', msg('rating.needs_note'), { collection: C });
	const approve = decision === 'approve';
	const from = standing(dealer.tier, dealer.status);
	const to = approve ? standing(proposal.proposed_tier, proposal.proposed_status) : from;
	const entry: RatingHistoryEntry = {
		at: now.toISOString(), by: actor?.user ?? null, from, to, decision: decision as RatingDecision,
		summary: `${approve ? 'rating proposal approved' : 'rating proposal dismissed'} (${proposal.kind}, ${proposal.period}, grade ${proposal.grade}) (DLR-4)`,
		period: proposal.period, score: proposal.score, grade: proposal.grade, ...(blank(note) ? {} : { note: String(note).trim() }),
	};
	return {
		...(approve ? { tier: proposal.proposed_tier, status: proposal.proposed_status } : {}),
		rating_proposal: null, rating_decision: null, rating_decision_note: null, rating_history: [...dealer.rating_history, entry],
	};
}

/**
 * DLR-4: a tier or status changed by hand (e.g. a demotion for fraud) is logged on the rating
 * history too, with the note given; null when nothing changed.
 */
export function computeManualRatingEntry(dealer: DealerRatingFacts, change: { tier?: unknown; status?: unknown; note?: unknown }, user: string | null, now: Date): RatingHistoryEntry | null {
	const tier = 'tier' in change && change.tier !== undefined ? change.tier : dealer.tier;
	const status = 'status' in change && change.status !== undefined ? change.status : dealer.status;
	if (String(tier) === String(dealer.tier) && String(status) === String(dealer.status)) return null;
	return {
		at: now.toISOString(), by: user, from: standing(dealer.tier, dealer.status), to: standing(tier, status), decision: 'manual',
		summary: 'tier / status changed by hand (DLR-4)', ...(blank(change.note) ? {} : { note: String(change.note).trim() }),
	};
}
