import { DomainRuleError } from '../errors';
import { parseScaledDecimal } from './parse-scaled-decimal';

const QUANTITY_SCALE = 1000n;

/**
 * Unit price × quantity, rounded half-up to the fen. Quantities may be fractional (3.5 h labour,
 * 1.25 L of oil) down to 1/1000; integer arithmetic keeps the result exact before the one rounding.
 */
export function multiplyMoney(unitPriceFen: bigint, quantity: string | number, field = 'quantity'): bigint {
	const milli = parseScaledDecimal(quantity, 3);
	if (milli === null) {
		throw new DomainRuleError('MONEY', field, `MONEY: ${field}: ${JSON.stringify(quantity)} is not a quantity with at most 3 decimals`);
	}
	if (milli < 0n) {
		throw new DomainRuleError('MONEY', field, `MONEY: ${field}: ${String(quantity)} must not be negative`);
	}
	const product = unitPriceFen * milli;
	const negative = product < 0n;
	const magnitude = negative ? -product : product;
	// Half-up on the magnitude, so a refund and a charge of the same line round to the same fen.
	const rounded = (magnitude + QUANTITY_SCALE / 2n) / QUANTITY_SCALE;
	return negative ? -rounded : rounded;
}
