// WTY-3: the options of the 三包判定 / warranty coverage operation.
import { z } from 'zod';
import { flag } from '../lib/flow-input';

export const CoverageOperationOptionsSchema = z.object({
	serial: z.string().trim().min(1, 'the unit serial number is required').max(64),
	/** A date (that whole day in the business time zone) or an instant; default now. */
	at: z.string().trim().optional(),
	fault_category: z.string().trim().max(64).optional(),
	fault_scope: z.string().trim().optional(),
	fault_cause: z.string().trim().optional(),
	serious: flag.optional(),
});
export type CoverageOperationOptions = z.output<typeof CoverageOperationOptionsSchema>;
