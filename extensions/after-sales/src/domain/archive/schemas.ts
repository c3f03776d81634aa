import { z } from 'zod';

/** ARC-2: who is calling; at least a name or a phone number is needed to look for an archive. */
export const CustomerMatchInputSchema = z
	.object({
		name: z.string().trim().max(200).nullable().default(null),
		phone: z.string().trim().max(50).nullable().default(null),
	})
	.refine((input) => Boolean(input.name) || Boolean(input.phone), { message: 'a name or a phone number is required', path: ['phone'] });
