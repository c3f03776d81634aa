// One place where domain failures become Directus errors (so Directus formats them as JSON in its
// own shape): a broken rule or bad input is a 400 naming the field and the rule. Every pack error
// carries its text as data (`extensions.i18n`, removed before the response); `localizeError`
// renders it in the caller's language once the request's language is known.
import { createError, ErrorCode, ForbiddenError } from '@directus/errors';
import { ZodError } from 'zod';
import { DealerStandingError } from '../../domain/dealers';
import { DomainRuleError, formatZodIssues, type RuleErrorOptions } from '../../domain/errors';
import { fieldOf, msg, renderMessage, RULE_TITLES, isRuleId, type Language, type LocalMessage } from '../../domain/messages';
import { fieldLabel, labelsIn, validationText } from './labels';

/** What a refusal says in any language: its rule, field and (when it has one) catalog message. */
export type ErrorText = { rule: string | null; field: string | null; collection?: string | null; text?: LocalMessage | null };

type RuleExtensions = { reason: string; field: string | null; rule: string; i18n?: ErrorText };

export const RuleViolationError = createError<RuleExtensions>(
	ErrorCode.InvalidPayload,
	({ reason }) => `Invalid payload. ${reason}.`,
	400,
);

export const NotFoundError = createError<{ reason: string; rule?: string; i18n?: ErrorText }>('NOT_FOUND', ({ reason }) => reason, 404);

export const ScopeForbiddenError = createError<{ reason: string; rule: string; i18n?: ErrorText }>(
	ErrorCode.Forbidden,
	({ reason }) => reason,
	403,
);

/** DLR-1: a dealer that may not file now (suspended, terminated, agreement ended); `standing` names why. */
export const DealerStandingForbiddenError = createError<{ reason: string; rule: string; field: string | null; standing: string; i18n?: ErrorText }>(
	ErrorCode.Forbidden,
	({ reason }) => reason,
	403,
);

/** A well-formed request that the record's state refuses: frozen, settled, referenced (INT-1, INT-5). */
export const StateConflictError = createError<RuleExtensions>('CONFLICT', ({ reason }) => reason, 409);

/** FUP-6: something that existed and is no more (an expired or withdrawn survey link). */
export const GoneError = createError<RuleExtensions>('GONE', ({ reason }) => reason, 410);

const english = (message: string | LocalMessage) => (typeof message === 'string' ? message : renderMessage('en-US', message));

function parts(rule: string, field: string | null, message: string | LocalMessage, options: RuleErrorOptions) {
	const i18n: ErrorText = { rule, field, collection: options.collection ?? null, text: typeof message === 'string' ? (options.text ?? null) : message };
	return { reason: `${field ? `${field}: ` : ''}${english(message)} (${rule})`, field, rule, i18n };
}

export function gone(rule: string, field: string | null, message: string | LocalMessage, options: RuleErrorOptions = {}) {
	return new GoneError(parts(rule, field, message, options));
}

export function conflict(rule: string, field: string | null, message: string | LocalMessage, options: RuleErrorOptions = {}) {
	return new StateConflictError(parts(rule, field, message, options));
}

export function ruleViolation(rule: string, field: string | null, message: string | LocalMessage, options: RuleErrorOptions = {}) {
	return new RuleViolationError(parts(rule, field, message, options));
}

/** A 403 naming the rule; the English reason is the message as it is (no field prefix). */
export function forbidden(rule: string, message: string | LocalMessage, options: RuleErrorOptions = {}) {
	return new ScopeForbiddenError({ reason: english(message), rule, i18n: { rule, field: null, text: typeof message === 'string' ? (options.text ?? null) : message } });
}

/** A 404 for something the caller named that does not exist. */
export function notFound(message: string | LocalMessage, rule: string | null = null) {
	return new NotFoundError({ reason: english(message), ...(rule ? { rule } : {}), i18n: { rule, field: null, text: typeof message === 'string' ? null : message } });
}

/** Parses with a zod schema; a failure becomes a 400 naming the first bad field and the rule. */
export function parseOrThrow<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, rule: string): T {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	// One formatting for every edge: an unknown key is named itself, and a schema's own rule wins.
	throw toDirectusError(formatZodIssues(result.error, rule));
}

/** Maps anything a domain function may throw to a Directus error; others pass through. */
export function toDirectusError(error: unknown, collection: string | null = null): unknown {
	if (error instanceof DealerStandingError) {
		return new DealerStandingForbiddenError({
			reason: `${error.message} (${error.rule})`, rule: error.rule, field: error.field, standing: error.standing,
			i18n: { rule: error.rule, field: error.field, text: error.text },
		});
	}
	if (error instanceof DomainRuleError) {
		const status = (error as DomainRuleError & { status?: number }).status;
		const options = { collection: error.collection ?? collection, ...(error.text ? { text: error.text } : {}) };
		if (status === 403) return new ScopeForbiddenError({ reason: `${error.message} (${error.rule})`, rule: error.rule, i18n: { rule: error.rule, field: error.field, collection: options.collection, text: error.text } });
		// The domain's messages start with "RULE: field:"; the extensions carry both, the text says them once.
		const message = error.message.replace(new RegExp(`^${error.rule}: (${(error.field ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: )?`), '');
		if (status === 409) return conflict(error.rule, error.field, message, options);
		if (status === 410) return gone(error.rule, error.field, message, options);
		return ruleViolation(error.rule, error.field, message, options);
	}
	if (error instanceof ZodError) return toDirectusError(formatZodIssues(error, 'INPUT'), collection);
	return error;
}

/**
 * The refusal in `language`: the catalog message with the field and values by their labels, or
 * (for a refusal without one) the field and the rule's title; the rule ID ends it, once.
 */
export function renderErrorText(error: ErrorText, language: Language): string {
	const labels = labelsIn(language);
	const field = error.field ? fieldOf(error.collection ?? '', error.field) : '';
	const title = error.rule && isRuleId(error.rule) ? RULE_TITLES[error.rule][language] : (error.rule ?? '');
	const text = error.text ?? msg(error.field ? 'rule.fallback_field' : 'rule.fallback', { title });
	const body = renderMessage(language, { key: text.key, params: { field, ...text.params } }, labels);
	return error.rule ? `${body}${language === 'zh-CN' ? `（${error.rule}）` : ` (${error.rule})`}` : body;
}

type ResponseError = { message: string; extensions?: Record<string, unknown> };

/**
 * One error of a response in the caller's language. en-US keeps the English the pack has always
 * sent; zh-CN renders the pack's refusals and Directus's own validation failures on pack fields
 * (with the field's translated validation message). `collection` is the one the request is about.
 */
export function localizeError(error: ResponseError, language: Language, collection: string | null = null): ResponseError {
	const extensions = { ...(error.extensions ?? {}) };
	const text = extensions['i18n'] as ErrorText | undefined;
	delete extensions['i18n'];
	if (language === 'en-US') return { ...error, extensions };
	if (text) return { ...error, message: renderErrorText({ ...text, collection: text.collection ?? collection }, language), extensions };
	if (extensions['code'] === 'FAILED_VALIDATION' && typeof extensions['field'] === 'string') {
		// Directus names the field, not the collection: the request's path does (/items/<collection>).
		const rule = collection ? validationText(collection, extensions['field'], language) : null;
		const label = fieldLabel(collection, extensions['field'], language);
		if (rule ?? label) return { ...error, message: rule ?? `“${label}”的取值不符合要求`, extensions };
	}
	return { ...error, extensions };
}

export { ForbiddenError };
