import { z } from 'zod';
import { parseStrictDate } from './parse-strict-date';
import { parseStrictInstant } from './parse-strict-instant';

const accepts = (parse: (v: unknown, f: string) => unknown) => (value: string) => {
	try {
		parse(value, 'value');
		return true;
	} catch {
		return false;
	}
};

/** INT-2 at the endpoints' edge: an ISO instant that really exists (no rollover), as ISO text. */
export const StrictInstantSchema = z
	.string()
	.refine(accepts(parseStrictInstant), { message: 'must be a real date and time in ISO 8601, e.g. 2026-11-22T08:00:00+08:00', params: { rule: 'INT-2' } })
	.transform((value) => parseStrictInstant(value, 'value').toISOString());

/** INT-2: a calendar date 'YYYY-MM-DD' that exists. */
export const StrictDateSchema = z.string().refine(accepts(parseStrictDate), { message: 'must be a real date YYYY-MM-DD', params: { rule: 'INT-2' } });

/** INT-2: either a bare date or an instant (coverage questions). */
export const StrictDateOrInstantSchema = z
	.string()
	.refine((v) => accepts(parseStrictDate)(v) || accepts(parseStrictInstant)(v), { message: 'must be a real date (YYYY-MM-DD) or date-time in ISO 8601', params: { rule: 'INT-2' } });
