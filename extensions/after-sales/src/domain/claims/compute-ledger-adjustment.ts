import { formatMoney, parseMoney, sumMoney } from '../money';
import type { LedgerEntry } from './compute-ledger-entry';

type Id = string | number;

/**
 * WTY-8: ledger entries are append-only, so correcting a settled claim posts the difference as a new
 * entry. The key numbers adjustments per claim: two people correcting at once compute the same key
 * and only one insert succeeds; the other recomputes against the new total.
 */
export function computeLedgerAdjustment(input: {
	claim: { id: Id; dealer: Id };
	/** Every entry already posted for this claim. */
	posted: ReadonlyArray<{ amount: string | number; entry_type: string }>;
	corrected_amount: string | number;
}): LedgerEntry | null {
	const postedTotal = sumMoney(input.posted.map((entry, index) => parseMoney(entry.amount, `posted.${index}.amount`)));
	const corrected = parseMoney(input.corrected_amount, 'corrected_amount', { nonNegative: true });
	const difference = corrected - postedTotal;
	if (difference === 0n) return null;
	const sequence = input.posted.filter((entry) => entry.entry_type === 'adjustment').length + 1;
	return {
		entry_type: 'adjustment',
		dealer: input.claim.dealer,
		amount: formatMoney(difference),
		claim: input.claim.id,
		idempotency_key: `claim:${input.claim.id}:adjustment:${sequence}`,
	};
}
