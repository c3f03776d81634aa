import type { DealerStandingFacts } from '../dealers';
import type { ClaimedOldPart } from './assert-old-parts-unclaimed';
import type { ClaimNotice } from './compute-repeat-review-notice';
import type { RepeatReview } from './repeat-review';
import type { ClaimStatus } from './schemas';

type Id = string | number;

/** The repair a claim asks money for (WTY-5, WTY-7), as loaded by the adapter. */
export interface ClaimRepairFacts {
	id: number;
	dealer: number | null;
	/** A company technician's repair: reported under the unit's dealer, never claimed by it (DLR-1). */
	technician: string | null;
	coverage: string | null;
	customer_signature: string | null;
	labour_cost: string | number | null;
	travel_cost: string | number | null;
	/** REQ-8: the earlier repair this one repeats (same unit, same fault within the window). */
	repeat_of?: number | null;
}

export interface ClaimPartFacts {
	id: number;
	quantity: string | number;
	unit_price: string | number;
	old_part_status: string | null;
	approved_amount: string | number | null;
	rejection_reason: string | null;
	/** REQ-8: the serial of the replaced (old) part, if recorded. */
	old_part_serial?: string | null;
}

export interface StoredClaim {
	id: number;
	dealer: number;
	repair_record: number;
	status: ClaimStatus;
	claim_no: string | null;
	labour_claimed: string | number | null;
	travel_claimed: string | number | null;
	parts_claimed: string | number | null;
	claimed_amount: string | number | null;
	labour_approved: string | number | null;
	travel_approved: string | number | null;
	approved_amount: string | number | null;
	rejection_reasons: string[];
	history: unknown[];
	/** REQ-8: the technical department's review of a repeat-repair claim; null when not a repeat. */
	repeat_review?: RepeatReview | null;
}

export interface ClaimFacts {
	/** null when a claim is being created. */
	claim: StoredClaim | null;
	repair: ClaimRepairFacts;
	parts: ClaimPartFacts[];
	/** The WTY-3 answer for the unit at the repair date (other repairs only), null when the unit is unknown. */
	unit_coverage: { covered: boolean; reasons: ReadonlyArray<{ code: string }> } | null;
	existing_claim_for_repair: { id: Id } | null;
	/** CAL-3: document numbers carry the business year, not the UTC one. */
	time_zone: string;
	/** INT-4: the largest amount one line may carry, in fen. */
	max_line_fen: bigint;
	/** DLR-1: the claiming dealer's status and agreement end (absent: not checked). */
	dealer_standing?: DealerStandingFacts | null;
	/** REQ-8: other claims' old parts sharing a serial with this repair's parts. */
	claimed_old_parts?: ClaimedOldPart[];
}

export interface ClaimCaller {
	user: string | null;
	admin: boolean;
	staff: boolean;
	roles: readonly string[];
	/** The portal user's dealer; null for staff. */
	dealer: number | null;
}

export interface ClaimLineUpdate {
	id: number;
	approved_amount: string;
	rejection_reason: string | null;
}

export interface LedgerEntryPlan {
	entry_type: 'warranty_credit';
	dealer: number;
	amount: string;
	claim: number;
	idempotency_key: string;
	posted_at: string;
	posted_by: string | null;
	note: string;
}

/**
 * What a claim decision asks the adapter to write, all in one transaction: the claim's own
 * columns, the per-line decisions on its parts, and at most one ledger credit. `from` is the
 * status the row must still have when it is written (a concurrent step wins, this one is refused).
 */
export interface ClaimPlan {
	row: Record<string, unknown>;
	lineUpdates: ClaimLineUpdate[];
	ledgerEntry: LedgerEntryPlan | null;
	from: ClaimStatus | null;
	transition: boolean;
	/** In-app notices written in the same transaction (REQ-8: the technical department's review). */
	notices?: ClaimNotice[];
}
