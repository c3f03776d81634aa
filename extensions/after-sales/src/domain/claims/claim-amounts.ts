import { parseBoundedMoney } from '../integrity';
import { formatMoney, multiplyMoney, sumMoney } from '../money';
import type { ClaimPartFacts, ClaimRepairFacts } from './claim-facts';

/** WTY-7: one part line's claimed amount (quantity × unit price), within the line maximum (INT-4). */
export function computePartLineAmount(part: Pick<ClaimPartFacts, 'id' | 'quantity' | 'unit_price'>, maxFen: bigint): bigint {
	const price = parseBoundedMoney(part.unit_price, `repair_parts.${part.id}.unit_price`, { maxFen, nonNegative: true });
	const amount = multiplyMoney(price, String(part.quantity), `repair_parts.${part.id}.quantity`);
	if (amount > maxFen) parseBoundedMoney(formatMoney(amount), `repair_parts.${part.id}.amount`, { maxFen });
	return amount;
}

/** WTY-7: the amounts a claim asks for, from its repair record (labour, travel, parts lines). */
export function computeClaimedAmounts(repair: ClaimRepairFacts, parts: readonly ClaimPartFacts[], maxFen: bigint) {
	const labour = parseBoundedMoney(repair.labour_cost ?? 0, 'labour_cost', { maxFen, nonNegative: true });
	const travel = parseBoundedMoney(repair.travel_cost ?? 0, 'travel_cost', { maxFen, nonNegative: true });
	const partsTotal = sumMoney(parts.map((part) => computePartLineAmount(part, maxFen)));
	return {
		labour_claimed: formatMoney(labour),
		travel_claimed: formatMoney(travel),
		parts_claimed: formatMoney(partsTotal),
		claimed_amount: formatMoney(labour + travel + partsTotal),
	};
}
