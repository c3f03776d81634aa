import type { z } from 'zod';
import { EN_US, msg, renderMessage, type LocalMessage, type MessageKey, type MessageParam } from './messages';

/** What a refusal says, in every language: a catalog message, or English alone (then zh-CN names the rule). */
export type RuleErrorOptions = { text?: LocalMessage; collection?: string | null };

/**
 * A broken business rule. The adapter layer turns it into an HTTP 400 naming `field` and `rule`,
 * so bad input is never answered with a 500. `text` is the message as data (catalog key and
 * parameters) for the adapter to render in the caller's language; `message` stays the English.
 */
export class DomainRuleError extends Error {
	public text: LocalMessage | null;
	public collection: string | null;

	constructor(
		public rule: string,
		public field: string | null,
		message: string | LocalMessage,
		options: RuleErrorOptions = {},
	) {
		super(typeof message === 'string' ? message : `${rule}: ${field ? `${field}: ` : ''}${renderMessage('en-US', message)}`);
		this.name = 'DomainRuleError';
		this.text = typeof message === 'string' ? (options.text ?? null) : message;
		this.collection = options.collection ?? null;
	}
}

/** zod's own issue as a catalog message: missing, wrong type, out of range, not one of the choices. */
function describeIssue(issue: z.core.$ZodIssue | undefined): LocalMessage<MessageKey> {
	if (!issue) return msg('zod.invalid');
	const i = issue as unknown as Record<string, unknown>;
	switch (issue.code) {
		case 'invalid_type': {
			if (i['input'] === undefined || /received undefined/.test(issue.message)) return msg('zod.required');
			const expected = String(i['expected']);
			const known = ['string', 'number', 'boolean', 'object', 'array'].includes(expected);
			return msg('zod.invalid_type', { expected: known ? msg(`zod.type.${expected}` as MessageKey) : msg('zod.type.other', { type: expected }) });
		}
		case 'too_small':
		case 'too_big': {
			const bound = String(i[issue.code === 'too_small' ? 'minimum' : 'maximum']);
			const origin = String(i['origin']);
			const small = issue.code === 'too_small';
			if (origin === 'string') return small ? msg('zod.too_short', { minimum: bound }) : msg('zod.too_long', { maximum: bound });
			if (origin === 'array' || origin === 'set') return small ? msg('zod.too_few', { minimum: bound }) : msg('zod.too_many', { maximum: bound });
			return small ? msg('zod.too_small', { minimum: bound }) : msg('zod.too_big', { maximum: bound });
		}
		case 'invalid_value':
			return msg('zod.invalid_value', { values: { items: ((i['values'] as unknown[]) ?? []).map((v) => String(v)), join: 'comma' } });
		case 'unrecognized_keys':
			return msg('zod.unrecognized_keys');
		case 'invalid_format':
			return msg('zod.invalid_format', { format: String(i['format']) });
		default:
			return msg('zod.invalid');
	}
}

/**
 * The schemas' own English sentences (refine, addIssue, regex messages) as catalog messages: each
 * `check.*` entry of en-US is the sentence a schema writes, `{name}` standing for a part that
 * varies, so a check keeps its English exactly and reads in zh-CN as its catalog entry.
 */
const CHECKS: ReadonlyArray<{ key: MessageKey; pattern: RegExp; names: string[] }> = (Object.keys(EN_US) as MessageKey[])
	.filter((key) => key.startsWith('check.'))
	.map((key) => {
		const template = EN_US[key] as string;
		const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
		const source = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)');
		return { key, pattern: new RegExp(`^${source}$`), names };
	});

/** The catalog message whose English is `message`, with its varying parts; null when none is. */
export function describeCheck(message: string | undefined): LocalMessage<MessageKey> | null {
	if (!message) return null;
	for (const check of CHECKS) {
		const match = check.pattern.exec(message);
		if (match) return check.names.length ? msg(check.key, Object.fromEntries(check.names.map((name, i) => [name, match[i + 1]!]))) : msg(check.key);
	}
	return null;
}

/** Only the first issue is reported: one precise field is more useful to a Studio user than a list. */
export function formatZodIssues(error: z.ZodError, rule: string): DomainRuleError {
	const issue = error.issues[0];
	// An unknown key is usually a typo; naming it beats pointing at the enclosing object.
	const path = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : (issue?.path ?? []);
	const field = path.length > 0 ? path.map(String).join('.') : null;
	// A schema may name the rule its own check implements (INT-2 dates, INT-4 amounts).
	const own = (issue as { params?: { rule?: unknown; text?: unknown } } | undefined)?.params;
	const applied = typeof own?.rule === 'string' ? own.rule : rule;
	const message = `${applied}: ${field ?? 'input'}: ${issue?.message ?? 'invalid input'}`;
	// A check's own sentence (refine, addIssue, a regex's message) is read from the catalog; zod's
	// own issues are described by their kind; an unknown custom sentence leaves zh-CN naming the field and rule.
	const text = (own?.text as LocalMessage | undefined) ?? describeCheck(issue?.message) ?? (issue?.code === 'custom' ? undefined : describeIssue(issue));
	return new DomainRuleError(applied, field, message, text ? { text } : {});
}

export type { LocalMessage, MessageParam };
