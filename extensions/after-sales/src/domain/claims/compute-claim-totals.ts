import { DomainRuleError } from '../errors';
import { formatMoney, multiplyMoney, parseMoney } from '../money';
import { REJECTION_REASONS } from './rejection-reasons';
import type { RejectionReasonKey } from './schemas';
import { msg } from '../messages';

export interface ClaimTotalsLine {
	id: string | number;
	quantity?: string | number | null;
	unit_price: string | number;
	approved_amount?: string | number | null;
	rejection_reason?: string | null;
}

export type ClaimLineState = 'pending' | 'approved' | 'partial' | 'rejected';

export interface ClaimLineTotals {
	id: string | number;
	state: ClaimLineState;
	claimed: string;
	approved: string;
	rejected: string;
	rejection_reason: RejectionReasonKey | null;
}

export interface ClaimTotals {
	claimed: string;
	approved: string;
	rejected: string;
	/** Claimed on lines nobody has decided yet. */
	pending: string;
	by_reason: Partial<Record<RejectionReasonKey, string>>;
	lines: ClaimLineTotals[];
}

/**
 * WTY-7: claim amounts from its lines. Each line claims quantity × unit price; partial approval is
 * per line, never more than claimed, and whatever is not approved needs a reason code so the
 * dealer can see why. A line with a reason and no approved amount is rejected outright. All sums
 * are exact decimals.
 */
export function computeClaimTotals(lines: readonly ClaimTotalsLine[]): ClaimTotals {
	let claimed = 0n;
	let approved = 0n;
	let rejected = 0n;
	let pending = 0n;
	const byReason = new Map<RejectionReasonKey, bigint>();
	const lineTotals: ClaimLineTotals[] = [];

	lines.forEach((line, index) => {
		const field = (name: string) => `lines.${index}.${name}`;
		const lineClaimed = multiplyMoney(parseMoney(line.unit_price, field('unit_price'), { nonNegative: true }), line.quantity ?? '1', field('quantity'));
		const reason = line.rejection_reason ?? null;
		if (reason !== null && !Object.hasOwn(REJECTION_REASONS, reason)) {
			throw new DomainRuleError('WTY-7', field('rejection_reason'), msg('claim.unknown_reason', { code: String(reason) }), { collection: 'repair_parts' });
		}
		const hasApproval = line.approved_amount !== null && line.approved_amount !== undefined && line.approved_amount !== '';
		claimed += lineClaimed;

		if (!hasApproval && reason === null) {
			pending += lineClaimed;
			lineTotals.push({ id: line.id, state: 'pending', claimed: formatMoney(lineClaimed), approved: '0.00', rejected: '0.00', rejection_reason: null });
			return;
		}

		const lineApproved = hasApproval ? parseMoney(line.approved_amount!, field('approved_amount'), { nonNegative: true }) : 0n;
		if (lineApproved > lineClaimed) {
			throw new DomainRuleError(
				'WTY-7',
				field('approved_amount'),
				msg('claim.approved_over_claimed', { approved: formatMoney(lineApproved), claimed: formatMoney(lineClaimed) }),
				{ collection: 'repair_parts' },
			);
		}
		const lineRejected = lineClaimed - lineApproved;
		if (lineRejected > 0n && reason === null) {
			throw new DomainRuleError('WTY-7', field('rejection_reason'), msg('claim.needs_line_reason', { amount: formatMoney(lineRejected) }), { collection: 'repair_parts' });
		}
		if (lineRejected === 0n && reason !== null) {
			throw new DomainRuleError('WTY-7', field('rejection_reason'), msg('claim.fully_approved_no_reason'), { collection: 'repair_parts' });
		}

		approved += lineApproved;
		rejected += lineRejected;
		const key = reason as RejectionReasonKey | null;
		if (key !== null) byReason.set(key, (byReason.get(key) ?? 0n) + lineRejected);
		lineTotals.push({
			id: line.id,
			state: lineRejected === 0n ? 'approved' : lineApproved === 0n ? 'rejected' : 'partial',
			claimed: formatMoney(lineClaimed),
			approved: formatMoney(lineApproved),
			rejected: formatMoney(lineRejected),
			rejection_reason: key,
		});
	});

	return {
		claimed: formatMoney(claimed),
		approved: formatMoney(approved),
		rejected: formatMoney(rejected),
		pending: formatMoney(pending),
		by_reason: Object.fromEntries([...byReason].map(([key, amount]) => [key, formatMoney(amount)])),
		lines: lineTotals,
	};
}
