// Zod at the dealer API's edge: every body and query is parsed before anything is read or written.
import { z } from 'zod';
import { StrictDateSchema, StrictInstantSchema } from '../../domain/integrity';
import { NonNegativeMoneyInputSchema } from '../../domain/money';

const FAULT_CATEGORIES = ['engine', 'transmission', 'hydraulic', 'electrical', 'chassis', 'header', 'cooling', 'fuel', 'lubrication', 'cab', 'other'] as const;
const instant = StrictInstantSchema;
const quantity = z
	.union([z.string(), z.number()])
	.transform((v) => String(v).trim())
	.refine((v) => /^\d+(\.\d{1,3})?$/.test(v) && Number(v) > 0, 'must be a number greater than 0 with at most 3 decimals');
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a file id (uuid)');

export const PartInputSchema = z.object({
	part_no: z.string().trim().min(1).max(64),
	part_name: z.string().trim().max(255).optional(),
	quantity,
	unit_price: NonNegativeMoneyInputSchema,
	is_main_part: z.boolean().optional(),
	old_part_serial: z.string().trim().max(64).optional(),
}).strict();

/** WTY-5: a dealer's warranty repair record (三包修理记录). */
export const RepairInputSchema = z.object({
	unit: z.union([z.string().trim().min(1).max(64), z.number().int().positive().max(2_147_483_647)]),
	service_request: z.number().int().positive().max(2_147_483_647).optional(),
	fault_category: z.enum(FAULT_CATEGORIES),
	fault_scope: z.enum(['whole_machine', 'main_part', 'wear_part']).default('whole_machine'),
	fault_cause: z.enum(['normal', 'misuse', 'accident', 'unauthorised_disassembly', 'non_design_fault', 'customer_supplied_part']).default('normal'),
	serious_fault: z.boolean().optional(),
	fault_description: z.string().trim().min(1).max(4000),
	work_done: z.string().trim().max(4000).optional(),
	received_at: instant.optional(),
	completed_at: instant.optional(),
	coverage: z.enum(['warranty', 'paid', 'contract']).default('warranty'),
	labour_cost: NonNegativeMoneyInputSchema.default('0'),
	travel_cost: NonNegativeMoneyInputSchema.default('0'),
	/** REQ-4: the quote the customer accepted; required for a repair logged as paid. */
	quote_amount: NonNegativeMoneyInputSchema.optional(),
	parts: z.array(PartInputSchema).max(50).default([]),
	/** WTY-9: what was done; no more than the customer is entitled to under warranty. */
	remedy: z.enum(['repair', 'main_part_replacement', 'machine_replacement', 'refund']).optional(),
	/** WTY-9, WTY-10: the new unit handed over for a machine replacement. */
	replacement_unit: z.number().int().positive().max(2_147_483_647).optional(),
	/** WTY-4: a promise the dealer made beyond the warranty scope, recorded; that work is the dealer's expense. */
	dealer_promise: z.string().trim().min(1).max(2000).optional(),
	customer_signature: uuid.optional(),
	signer_name: z.string().trim().min(1).max(64).optional(),
	signed_at: instant.optional(),
}).strict();

export const SearchQuerySchema = z.object({ search: z.string().trim().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

export const ClaimInputSchema = z.object({ repair_record: z.number().int().positive().max(2_147_483_647), submit: z.boolean().default(false) }).strict();

export const ShipInputSchema = z.object({
	carrier: z.string().trim().max(255).optional(),
	tracking_no: z.string().trim().max(64).optional(),
	shipped_on: StrictDateSchema.optional(),
}).strict();

/** A signature drawn on screen: a PNG or JPEG as a data URL or bare base64. */
export const SignatureInputSchema = z.object({
	data: z.string().min(1, 'the image is empty'),
	filename: z.string().trim().max(128).optional(),
	signer_name: z.string().trim().max(64).optional(),
}).strict();

export const IdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** WTY-2: what a dealer sends with the card: the sale and the customer. */
export const CardInputSchema = z.object({
	sold_on: StrictDateSchema.optional(),
	product_model: z.string().trim().min(1).max(64).optional(),
	invoice_no: z.string().trim().min(1).max(64).optional(),
	customer: z.object({
		name: z.string().trim().min(1).max(255),
		phone: z.string().trim().min(5).max(32),
		region: z.string().trim().max(64).optional(),
		address: z.string().trim().max(255).optional(),
		email: z.email().max(255).optional(),
	}).strict(),
}).strict();
export type CardInput = z.output<typeof CardInputSchema>;
