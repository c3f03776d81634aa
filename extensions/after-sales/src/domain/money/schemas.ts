import { z } from 'zod';
import { parseScaledDecimal } from './parse-scaled-decimal';

/** A CNY amount as Directus sends it (decimal string or number), checked without converting to a float. */
export const MoneyInputSchema = z
	.union([z.string(), z.number()])
	.refine((value) => parseScaledDecimal(value, 2) !== null, { message: 'must be an amount in yuan with at most 2 decimals', params: { rule: 'INT-4' } });

export const NonNegativeMoneyInputSchema = MoneyInputSchema.refine((value) => (parseScaledDecimal(value, 2) ?? 0n) >= 0n, {
	message: 'must not be negative',
	params: { rule: 'INT-4' },
});

export const QuantityInputSchema = z.union([z.string(), z.number()]).refine(
	(value) => {
		const milli = parseScaledDecimal(value, 3);
		return milli !== null && milli >= 0n;
	},
	{ message: 'must be a non-negative quantity with at most 3 decimals' },
);
