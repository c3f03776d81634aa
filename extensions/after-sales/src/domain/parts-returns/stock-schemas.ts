import { z } from 'zod';
import { StrictDateSchema } from '../integrity';
import { NonNegativeMoneyInputSchema } from '../money';

/** DLR-5 (003 (二)9): why stock goes back to the factory; it decides who pays the freight. */
export const STOCK_RETURN_REASONS = ['quality_defect', 'disassembled', 'unsaleable'] as const;
export type StockReturnReason = (typeof STOCK_RETURN_REASONS)[number];
export type FreightPayer = 'company' | 'dealer';

const quantity = z
	.union([z.string(), z.number()])
	.transform((v) => String(v).trim())
	.refine((v) => /^\d{1,9}(\.\d{1,3})?$/.test(v) && Number(v) > 0, 'must be a number greater than 0 with at most 3 decimals');

/** One line of returned stock: a part or a whole machine (model and serial), as the factory shipped it. */
export const StockLineSchema = z
	.strictObject({
		part_no: z.string().trim().min(1).max(64).optional(),
		model: z.string().trim().min(1).max(64).optional(),
		serial: z.string().trim().min(1).max(64).optional(),
		name: z.string().trim().max(255).optional(),
		quantity,
		unit_value: NonNegativeMoneyInputSchema,
		shipped_to_dealer_on: StrictDateSchema,
	})
	.refine((line) => line.part_no !== undefined || line.model !== undefined, { message: 'name the part (part_no) or the machine (model)', path: ['part_no'] });
export type StockLine = z.output<typeof StockLineSchema>;

/** DLR-5: a dealer's stock return as filed from the portal. */
export const StockReturnInputSchema = z.strictObject({
	return_reason: z.enum(STOCK_RETURN_REASONS),
	lines: z.array(StockLineSchema).min(1).max(200),
	note: z.string().trim().max(2000).optional(),
});
export type StockReturnInput = z.output<typeof StockReturnInputSchema>;

/** A stored line: the input with its value (quantity × unit value) as a decimal string. */
export type StoredStockLine = StockLine & { unit_value: string; line_value: string };
