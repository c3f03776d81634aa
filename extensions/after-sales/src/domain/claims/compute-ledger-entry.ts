import { formatMoney, parseMoney } from '../money';
import type { ClaimStatus } from './schemas';

type Id = string | number;

export interface LedgerEntry {
	entry_type: 'warranty_credit' | 'adjustment';
	dealer: Id;
	amount: string;
	claim: Id;
	/** Unique in dealer_ledger: a retry or a concurrent settlement hits the constraint instead of paying twice. */
	idempotency_key: string;
}

/**
 * WTY-7, WTY-8: the single credit a settled claim posts to the dealer's ledger (deducted from what
 * the dealer owes). Its key depends only on the claim, so any number of retries produce the same
 * row. Nothing is posted before settlement (the dealer has not confirmed the write-off notice) or
 * for a claim approved at zero.
 */
export function computeLedgerEntry(claim: { id: Id; dealer: Id; status: ClaimStatus; approved_amount: string | number | null }): LedgerEntry | null {
	if (claim.status !== 'settled' || claim.approved_amount === null) return null;
	const amount = parseMoney(claim.approved_amount, 'approved_amount', { nonNegative: true });
	if (amount === 0n) return null;
	return { entry_type: 'warranty_credit', dealer: claim.dealer, amount: formatMoney(amount), claim: claim.id, idempotency_key: `claim:${claim.id}:credit` };
}
