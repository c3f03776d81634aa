import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { formatMoney, multiplyMoney, parseMoney } from '../money';
import type { SalesSeason } from '../seasons';
import { computeFreightPayer } from './compute-freight-payer';
import { isCountedAsSold } from './is-counted-as-sold';
import type { FreightPayer, StockReturnInput, StockReturnReason, StoredStockLine } from './stock-schemas';

export interface StockReturnFacts {
	seasons: readonly SalesSeason[];
	/** The business day of the filing (CAL-3). */
	today: string;
	/** INT-4: the largest amount a line or the return's value may carry, in fen. */
	maxLineFen: bigint;
}

export interface StockReturnRow {
	kind: 'stock';
	return_reason: StockReturnReason;
	stock_lines: StoredStockLine[];
	stock_value: string;
	freight_payer: FreightPayer;
}

/**
 * DLR-5: the computed part of a stock return: each line's value, the return's value and who pays
 * the freight. A line shipped to the dealer two whole seasons ago counts as sold and is refused
 * (naming `lines.N.shipped_to_dealer_on`); so is a shipment in the future (INT-2).
 */
export function decideStockReturn(input: Pick<StockReturnInput, 'return_reason' | 'lines'>, facts: StockReturnFacts, field = 'lines'): StockReturnRow {
	let total = 0n;
	const stock_lines = input.lines.map((line, i) => {
		const at = `${field}.${i}`;
		if (line.shipped_to_dealer_on > facts.today) throw new DomainRuleError('INT-2', `${at}.shipped_to_dealer_on`, msg('int.shipped_future', { value: line.shipped_to_dealer_on, today: facts.today }));
		if (isCountedAsSold(facts.seasons, line.shipped_to_dealer_on, facts.today)) {
			throw new DomainRuleError('DLR-5', `${at}.shipped_to_dealer_on`, msg('stock_return.counts_as_sold', { value: line.shipped_to_dealer_on }));
		}
		const unitFen = parseMoney(String(line.unit_value), `${at}.unit_value`);
		const valueFen = multiplyMoney(unitFen, line.quantity, `${at}.quantity`);
		if (valueFen > facts.maxLineFen) throw new DomainRuleError('INT-4', `${at}.unit_value`, msg('stock_return.too_large', { value: formatMoney(valueFen), max: formatMoney(facts.maxLineFen) }));
		total += valueFen;
		return { ...line, unit_value: formatMoney(unitFen), line_value: formatMoney(valueFen) };
	});
	if (total > facts.maxLineFen) throw new DomainRuleError('INT-4', field, msg('stock_return.too_large', { value: formatMoney(total), max: formatMoney(facts.maxLineFen) }));
	return { kind: 'stock', return_reason: input.return_reason, stock_lines, stock_value: formatMoney(total), freight_payer: computeFreightPayer(input.return_reason) };
}
