// One place where domain failures become Directus errors (so Directus formats them as JSON in its
// own shape): a broken rule or bad input is a 400 naming the field and the rule.
import { createError, ErrorCode, ForbiddenError } from '@directus/errors';
import { ZodError } from 'zod';
import { DealerStandingError } from '../../domain/dealers';
import { DomainRuleError, formatZodIssues } from '../../domain/errors';

type RuleExtensions = { reason: string; field: string | null; rule: string };

export const RuleViolationError = createError<RuleExtensions>(
	ErrorCode.InvalidPayload,
	({ reason }) => `Invalid payload. ${reason}.`,
	400,
);

export const NotFoundError = createError<{ reason: string }>('NOT_FOUND', ({ reason }) => reason, 404);

export const ScopeForbiddenError = createError<{ reason: string; rule: string }>(
	ErrorCode.Forbidden,
	({ reason }) => reason,
	403,
);

/** DLR-1: a dealer that may not file now (suspended, terminated, agreement ended); `standing` names why. */
export const DealerStandingForbiddenError = createError<{ reason: string; rule: string; field: string | null; standing: string }>(
	ErrorCode.Forbidden,
	({ reason }) => reason,
	403,
);

/** A well-formed request that the record's state refuses: frozen, settled, referenced (INT-1, INT-5). */
export const StateConflictError = createError<RuleExtensions>('CONFLICT', ({ reason }) => reason, 409);

/** FUP-6: something that existed and is no more (an expired or withdrawn survey link). */
export const GoneError = createError<RuleExtensions>('GONE', ({ reason }) => reason, 410);

export function gone(rule: string, field: string | null, message: string) {
	return new GoneError({ reason: `${field ? `${field}: ` : ''}${message} (${rule})`, field, rule });
}

export function conflict(rule: string, field: string | null, message: string) {
	return new StateConflictError({ reason: `${field ? `${field}: ` : ''}${message} (${rule})`, field, rule });
}

export function ruleViolation(rule: string, field: string | null, message: string) {
	return new RuleViolationError({ reason: `${field ? `${field}: ` : ''}${message} (${rule})`, field, rule });
}

/** Parses with a zod schema; a failure becomes a 400 naming the first bad field and the rule. */
export function parseOrThrow<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, rule: string): T {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	// One formatting for every edge: an unknown key is named itself, and a schema's own rule wins.
	throw toDirectusError(formatZodIssues(result.error, rule));
}

/** Maps anything a domain function may throw to a Directus error; others pass through. */
export function toDirectusError(error: unknown): unknown {
	if (error instanceof DealerStandingError) {
		return new DealerStandingForbiddenError({ reason: `${error.message} (${error.rule})`, rule: error.rule, field: error.field, standing: error.standing });
	}
	if (error instanceof DomainRuleError) {
		const status = (error as DomainRuleError & { status?: number }).status;
		if (status === 403) return new ScopeForbiddenError({ reason: `${error.message} (${error.rule})`, rule: error.rule });
		// The domain's messages start with "RULE: field:"; the extensions carry both, the text says them once.
		const message = error.message.replace(new RegExp(`^${error.rule}: (${(error.field ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: )?`), '');
		if (status === 409) return conflict(error.rule, error.field, message);
		if (status === 410) return gone(error.rule, error.field, message);
		return ruleViolation(error.rule, error.field, message);
	}
	if (error instanceof ZodError) {
		const issue = error.issues[0]!;
		return ruleViolation('INPUT', issue.path.join('.') || null, issue.message);
	}
	return error;
}

export { ForbiddenError };
