import { assertOwnRepair } from './assert-own-repair';
import { REJECTION_REASONS } from './rejection-reasons';
import type { OldPartStatus, RejectionReasonKey } from './schemas';

type Id = string | number;

export interface SubmissionCheckInput {
	repair: { coverage: string | null; customer_signature?: string | boolean | null; dealer: Id | null };
	/** The dealer of the portal user submitting; null for staff. */
	caller_dealer: Id | null;
	/** The warranty answer (WTY-3) for the unit at the repair date. */
	unit_coverage?: { covered: boolean; reasons: ReadonlyArray<{ code: string }> } | null;
	/** Another claim already filed for this repair record (one claim per record). */
	existing_claim_for_repair?: { id: Id } | null;
	claim_id?: Id | null;
	parts?: ReadonlyArray<{ old_part_status: OldPartStatus | string | null }>;
}

export interface SubmissionRejection {
	code: RejectionReasonKey;
	rule: string;
	message_zh: string;
	message_en: string;
}

const COVERAGE_TO_REJECTION: Record<string, RejectionReasonKey> = {
	card_missing: 'card_late',
	card_late: 'card_late',
	expired: 'out_of_warranty',
	main_parts_expired: 'out_of_warranty',
	excluded_cause: 'excluded_cause',
	customer_supplied_part: 'excluded_cause',
	over_scope: 'over_scope',
};

/**
 * WTY-7 pre-checks: the rejection reasons the data already decides before anyone audits the claim,
 * so a dealer learns them on submission rather than weeks later. Parts merely not yet returned are
 * not a reason: they go back at the next return deadline (WTY-6); only a part declared missing is.
 * A dealer submitting another dealer's repair is refused outright (DLR-1), not rejected.
 */
export function computeSubmissionRejections(input: SubmissionCheckInput): SubmissionRejection[] {
	assertOwnRepair(input.repair, input.caller_dealer);
	const codes = new Set<RejectionReasonKey>();

	for (const reason of input.unit_coverage?.reasons ?? []) {
		const code = COVERAGE_TO_REJECTION[reason.code];
		if (code) codes.add(code);
	}
	if (input.repair.coverage !== 'warranty' && codes.size === 0) codes.add('out_of_warranty');

	const signature = input.repair.customer_signature;
	if (signature === null || signature === undefined || signature === false || (typeof signature === 'string' && signature.trim() === '')) {
		codes.add('missing_signature');
	}

	const existing = input.existing_claim_for_repair;
	if (existing && (input.claim_id === null || input.claim_id === undefined || String(existing.id) !== String(input.claim_id))) {
		codes.add('duplicate');
	}

	if ((input.parts ?? []).some((part) => part.old_part_status === 'missing')) codes.add('parts_not_returned');

	return [...codes].map((code) => ({
		code,
		rule: REJECTION_REASONS[code].rule,
		message_zh: REJECTION_REASONS[code].label_zh,
		message_en: REJECTION_REASONS[code].label_en,
	}));
}
