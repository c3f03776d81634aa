import { z } from 'zod';
import { NonNegativeMoneyInputSchema, QuantityInputSchema } from '../money';

export const CLAIM_STATUSES = ['draft', 'submitted', 'audited', 'inspected', 'approved', 'rejected', 'settled'] as const;
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.output<typeof ClaimStatusSchema>;

/** Role keys as the adapters resolve them from Directus roles (CONTRACT.md roles table). */
export const CLAIM_ROLES = ['dealer', 'sales_rep', 'technical_dept', 'finance', 'admin'] as const;
export type ClaimRole = (typeof CLAIM_ROLES)[number];

export const REJECTION_REASON_KEYS = ['card_late', 'out_of_warranty', 'excluded_cause', 'parts_not_returned', 'missing_signature', 'duplicate', 'over_scope', 'over_quote'] as const;
export const RejectionReasonKeySchema = z.enum(REJECTION_REASON_KEYS);
export type RejectionReasonKey = z.output<typeof RejectionReasonKeySchema>;

export const CLAIM_LINE_KINDS = ['labour', 'travel', 'part'] as const;

export const OLD_PART_STATUSES = ['pending', 'returned', 'reusable', 'scrap', 'missing'] as const;
export const OldPartStatusSchema = z.enum(OLD_PART_STATUSES);
export type OldPartStatus = z.output<typeof OldPartStatusSchema>;

const IdSchema = z.union([z.string().min(1), z.number().int()]);

/**
 * One claim line: labour (hours × rate), travel (1 × amount) or a part (quantity × unit price).
 * `approved_amount` and `rejection_reason` are filled in while the claim is audited and verified.
 */
export const ClaimLineSchema = z
	.object({
		id: IdSchema,
		kind: z.enum(CLAIM_LINE_KINDS),
		description: z.string().optional(),
		part_no: z.string().trim().min(1).nullish(),
		quantity: QuantityInputSchema.default('1'),
		unit_price: NonNegativeMoneyInputSchema,
		approved_amount: NonNegativeMoneyInputSchema.nullish(),
		rejection_reason: RejectionReasonKeySchema.nullish(),
	})
	.refine((line) => line.kind !== 'part' || Boolean(line.part_no), { message: 'a part line needs part_no', path: ['part_no'] });
export type ClaimLine = z.input<typeof ClaimLineSchema>;

export const ClaimTransitionSchema = z.object({
	from: ClaimStatusSchema,
	to: ClaimStatusSchema,
	role: z.string().min(1),
	reasons: z.array(z.string()).default([]),
});
