// What Flows hand an operation: options rendered from mustache templates, where an unset value
// arrives as '', null or undefined, and a list may arrive as an array or as "a, b" text.
import { z } from 'zod';

/**
 * A template over a value the trigger did not send renders as the text "undefined" (Directus's
 * mustache stringifies it when the template is not the whole option), or "null".
 */
const isBlank = (v: unknown) => v === '' || v === null || v === undefined || v === 'undefined' || v === 'null' || (Array.isArray(v) && v.length === 0);

/** Drops blank option values so that zod defaults and `optional()` apply to them. */
export function dropBlank(options: unknown): Record<string, unknown> {
	if (!options || typeof options !== 'object') return {};
	return Object.fromEntries(Object.entries(options).filter(([, v]) => !isBlank(typeof v === 'string' ? v.trim() : v)));
}

/** A list option: an array, or text separated by commas, semicolons or new lines. */
export const listOf = <T extends z.ZodType<string>>(item: T) =>
	z.preprocess((value) => (typeof value === 'string' ? value.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean) : value), z.array(item));

/** A yes/no option: a boolean, or the text a template renders ('true', 'false', '1', '0'). */
export const flag = z.preprocess((value) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value), z.boolean());
