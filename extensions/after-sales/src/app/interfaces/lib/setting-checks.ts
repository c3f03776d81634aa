// The checks the settings forms run while an admin edits: the same zod schemas, rules and field
// paths the server's save hooks apply (api/settings, api/sla, api/dealer-plans, api/integrity), and
// the refusal in the same words the server's 400 uses in the user's language, so the form says
// before saving what the save would answer.
import type { z } from 'zod';
import { CalendarSchema } from '../../../domain/calendar/schemas';
import { SeverityLevelsSchema } from '../../../domain/complaints/schemas';
import { DealerRatingSettingsSchema } from '../../../domain/dealer-reports/schemas';
import { formatZodIssues } from '../../../domain/errors';
import { VisitWindowSchema } from '../../../domain/follow-ups/schemas';
import { fieldOf, isRuleId, msg, renderMessage, RULE_TITLES, type LabelResolver, type Language, type LocalMessage } from '../../../domain/messages';
import { DeliveryRetrySchema } from '../../../domain/notifications/schemas';
import { PartsReturnSettingsSchema } from '../../../domain/parts-returns/schemas';
import { QualityThresholdsSchema } from '../../../domain/quality/schemas';
import { SalesSeasonsSchema } from '../../../domain/seasons/schemas';
import { SlaConditionSchema } from '../../../domain/sla/schemas';
import { BusySeasonsSchema } from '../../../domain/warranty/compute-busy-season';

/** A refusal as the server's error carries it: rule, dotted field path, English reason, catalog text (zh-CN). */
export type Refusal = { rule: string; field: string; english: string; text: LocalMessage | null };

/** The settings fields the forms edit, each with the schema and rule its save is checked by. */
export type SettingKey =
	| 'calendar' | 'busy_seasons' | 'sales_seasons' | 'key_account_visit_windows' | 'complaint_severity_levels' | 'delivery_retry'
	| 'dealer_rating_thresholds' | 'quality_thresholds' | 'parts_return_deadlines' | 'parts_return_reminder_days' | 'condition';

type Check = { schema: z.ZodType; rule: string; collection: string; catalog: boolean };

const CHECKS: Record<SettingKey, Check> = {
	calendar: { schema: CalendarSchema, rule: 'CAL-1', collection: 'service_settings', catalog: true },
	busy_seasons: { schema: BusySeasonsSchema, rule: 'WTY-11', collection: 'service_settings', catalog: true },
	sales_seasons: { schema: SalesSeasonsSchema, rule: 'DLR-3', collection: 'service_settings', catalog: true },
	key_account_visit_windows: { schema: VisitWindowSchema.array().max(12), rule: 'FUP-5', collection: 'service_settings', catalog: true },
	complaint_severity_levels: { schema: SeverityLevelsSchema, rule: 'CMP-5', collection: 'service_settings', catalog: true },
	delivery_retry: { schema: DeliveryRetrySchema, rule: 'ESC-4', collection: 'service_settings', catalog: true },
	dealer_rating_thresholds: { schema: DealerRatingSettingsSchema, rule: 'DLR-4', collection: 'service_settings', catalog: true },
	quality_thresholds: { schema: QualityThresholdsSchema, rule: 'RPT-4', collection: 'service_settings', catalog: true },
	parts_return_deadlines: { schema: PartsReturnSettingsSchema.shape.deadlines.removeDefault(), rule: 'WTY-6', collection: 'service_settings', catalog: true },
	parts_return_reminder_days: { schema: PartsReturnSettingsSchema.shape.reminder_days.removeDefault(), rule: 'WTY-6', collection: 'service_settings', catalog: true },
	condition: { schema: SlaConditionSchema, rule: 'ESC-1', collection: 'sla_policies', catalog: true },
};

export const isSettingKey = (key: unknown): key is SettingKey => typeof key === 'string' && key in CHECKS;
export const collectionOf = (key: SettingKey) => CHECKS[key].collection;

/** The first problem of `value` as the setting `key` (saved as the field `field`), or null when the save would pass. */
export function checkSetting(key: SettingKey, value: unknown, field: string = key): Refusal | null {
	const check = CHECKS[key];
	const parsed = check.schema.safeParse(value);
	if (parsed.success) return null;
	const issue = parsed.error.issues[0];
	if (!check.catalog) {
		return { rule: check.rule, field: [field, ...(issue?.path ?? []).map(String)].join('.'), english: issue?.message ?? 'invalid input', text: null };
	}
	const error = formatZodIssues(parsed.error, check.rule);
	return {
		rule: error.rule,
		field: error.field ? `${field}.${error.field}` : field,
		english: issue?.message ?? 'invalid input',
		text: error.text,
	};
}

/** A value the form cannot read at all (text that is not JSON): the server's int.not_json refusal. */
export function unreadableRefusal(key: SettingKey, field: string = key): Refusal {
	return { rule: CHECKS[key].rule, field, english: 'is not valid JSON', text: msg('int.not_json') };
}

/**
 * The refusal as the user reads it in the Studio: en-US as the server's reason (`field: English (RULE)`),
 * zh-CN as the server renders its catalog text, with the field by its label and the rule ID once at the end.
 */
export function describeRefusal(refusal: Refusal, language: Language, labels: LabelResolver | null, collection: string): string {
	if (language === 'en-US') return `${refusal.field}: ${refusal.english} (${refusal.rule})`;
	const field = fieldOf(collection, refusal.field);
	const title = isRuleId(refusal.rule) ? RULE_TITLES[refusal.rule][language] : refusal.rule;
	const text = refusal.text ?? msg('rule.fallback_field', { title });
	const body = renderMessage(language, { key: text.key, params: { field, ...text.params } }, labels);
	return `${body}（${refusal.rule}）`;
}

/** The path of a refusal inside the setting (`calendar.holidays.3` → ['holidays', '3']). */
export const pathInside = (refusal: Refusal | null, field: string): string[] =>
	refusal && refusal.field.startsWith(field) ? refusal.field.slice(field.length).split('.').filter(Boolean) : [];

/** A JSON field's value as the form reads it: parsed text, or the value itself; `unreadable` when text is not JSON. */
export function readJson(value: unknown): { value: unknown; unreadable: boolean } {
	if (typeof value !== 'string') return { value: value ?? null, unreadable: false };
	if (value.trim() === '') return { value: null, unreadable: false };
	try {
		return { value: JSON.parse(value), unreadable: false };
	} catch {
		return { value: null, unreadable: true };
	}
}
