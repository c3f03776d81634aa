import type { z } from 'zod';

/**
 * A broken business rule. The adapter layer turns it into an HTTP 400 naming `field` and `rule`,
 * so bad input is never answered with a 500.
 */
export class DomainRuleError extends Error {
	constructor(
		public rule: string,
		public field: string | null,
		message: string,
	) {
		super(message);
		this.name = 'DomainRuleError';
	}
}

/** Only the first issue is reported: one precise field is more useful to a Studio user than a list. */
export function formatZodIssues(error: z.ZodError, rule: string): DomainRuleError {
	const issue = error.issues[0];
	// An unknown key is usually a typo; naming it beats pointing at the enclosing object.
	const path = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : (issue?.path ?? []);
	const field = path.length > 0 ? path.map(String).join('.') : null;
	// A schema may name the rule its own check implements (INT-2 dates, INT-4 amounts).
	const own = (issue as { params?: { rule?: unknown } } | undefined)?.params?.rule;
	const applied = typeof own === 'string' ? own : rule;
	const message = `${applied}: ${field ?? 'input'}: ${issue?.message ?? 'invalid input'}`;
	return new DomainRuleError(applied, field, message);
}
