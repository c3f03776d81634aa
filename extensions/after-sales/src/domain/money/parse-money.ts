import { DomainRuleError } from '../errors';
import { parseScaledDecimal } from './parse-scaled-decimal';
import { msg } from '../messages';

export interface ParseMoneyOptions {
	/** Prices, costs and claimed amounts cannot be negative; ledger adjustments can. */
	nonNegative?: boolean;
}

/**
 * Reads a CNY amount into fen. Money stays decimal end to end: Directus answers decimal columns
 * as strings, and a float would turn 0.1 + 0.2 into a claim nobody can reconcile.
 */
export function parseMoney(value: string | number, field: string, options: ParseMoneyOptions = {}): bigint {
	const fen = parseScaledDecimal(value, 2);
	if (fen === null) {
		throw new DomainRuleError('MONEY', field, msg('int.not_amount', { value: JSON.stringify(value) }));
	}
	if (options.nonNegative && fen < 0n) {
		throw new DomainRuleError('MONEY', field, msg('int.negative', { value: String(value) }));
	}
	return fen;
}
