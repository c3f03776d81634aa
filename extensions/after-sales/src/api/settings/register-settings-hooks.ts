// Settings that are real (issue #11): the numbers and tables the rules read from service_settings
// are checked on save (Studio, REST, GraphQL alike) and a bad one is a 400 naming the field and the
// rule — `complaint_severity_levels.critical`, `busy_seasons.1.from`, `sales_seasons.0.to`,
// `notification_channels.webhooks.0.url`, `regulation_profile_rules.0.profile` — so loadSettings
// never has to fall back silently. One table, one decode: every structured setting is listed here.
import type { Knex } from 'knex';
import type { z } from 'zod';
import { SeverityLevelsSchema } from '../../domain/complaints';
import { PartsPlanSettingsSchema } from '../../domain/dealer-plans';
import { DomainRuleError, formatZodIssues } from '../../domain/errors';
import { DeliveryRetrySchema, NotificationChannelsSchema } from '../../domain/notifications';
import { isValidTimeZone } from '../../domain/calendar';
import { BusySeasonsSchema, parseRegulationSettings } from '../../domain/warranty';
import { JobSchedulesSchema } from '../../domain/schedules';
import { DealerRatingSettingsSchema } from '../../domain/dealer-reports/schemas';
import { FollowUpRulesSchema } from '../../domain/follow-ups';
import { PartsReturnSettingsSchema } from '../../domain/parts-returns';
import { QualityThresholdsSchema } from '../../domain/quality';
import { toJson } from '../lib/db-values';
import { ruleViolation, toDirectusError } from '../lib/errors';
import { msg } from '../../domain/messages';

type Register = { filter: (event: string, handler: (...args: any[]) => unknown) => void };
type Payload = Record<string, unknown>;

type Kind = 'json' | 'number';
export const SETTINGS: ReadonlyArray<[field: string, schema: z.ZodType, rule: string, kind: Kind]> = [
	['complaint_severity_levels', SeverityLevelsSchema, 'CMP-5', 'json'],
	['delivery_retry', DeliveryRetrySchema, 'ESC-4', 'json'],
	['notification_channels', NotificationChannelsSchema, 'ESC-2', 'json'],
	['busy_seasons', BusySeasonsSchema, 'WTY-11', 'json'],
	['sales_seasons', PartsPlanSettingsSchema.shape.seasons.removeDefault(), 'DLR-3', 'json'],
	['parts_plan_lead_days', PartsPlanSettingsSchema.shape.lead_days.removeDefault(), 'DLR-3', 'number'],
	['parts_plan_reminder_days', PartsPlanSettingsSchema.shape.reminder_days.removeDefault(), 'DLR-3', 'number'],
	['job_schedules', JobSchedulesSchema, 'RPT-2', 'json'],
	['dealer_rating_thresholds', DealerRatingSettingsSchema, 'DLR-4', 'json'],
	['parts_return_deadlines', PartsReturnSettingsSchema.shape.deadlines.removeDefault(), 'WTY-6', 'json'],
	['parts_return_reminder_days', PartsReturnSettingsSchema.shape.reminder_days.removeDefault(), 'WTY-6', 'json'],
	['quality_thresholds', QualityThresholdsSchema, 'RPT-4', 'json'],
	['key_account_visit_windows', FollowUpRulesSchema.shape.key_account_visit_windows.removeDefault(), 'FUP-5', 'json'],
	['first_call_within_hours', FollowUpRulesSchema.shape.first_call_within_hours.removeDefault(), 'FUP-1', 'number'],
	['second_follow_up_from_days', FollowUpRulesSchema.shape.second_follow_up_from_days.removeDefault(), 'FUP-2', 'number'],
	['second_follow_up_until_days', FollowUpRulesSchema.shape.second_follow_up_until_days.removeDefault(), 'FUP-2', 'number'],
	['satisfaction_call_after_days', FollowUpRulesSchema.shape.satisfaction_call_after_days.removeDefault(), 'FUP-3', 'number'],
	['satisfaction_call_within_days', FollowUpRulesSchema.shape.satisfaction_call_within_days.removeDefault(), 'FUP-3', 'number'],
	['follow_up_window_days', FollowUpRulesSchema.shape.follow_up_window_days.removeDefault(), 'FUP-3', 'number'],
	['survey_valid_days', FollowUpRulesSchema.shape.survey_valid_days.removeDefault(), 'FUP-6', 'number'],
	['low_score_threshold', FollowUpRulesSchema.shape.low_score_threshold.removeDefault(), 'FUP-6', 'number'],
	['event_notice_days_before', FollowUpRulesSchema.shape.event_notice_days_before.removeDefault(), 'FUP-4', 'number'],
	['event_letter_within_days', FollowUpRulesSchema.shape.event_letter_within_days.removeDefault(), 'FUP-4', 'number'],
	['collect_notice_short_hours', FollowUpRulesSchema.shape.collect_notice_short_hours.removeDefault(), 'REQ-7', 'number'],
	['collect_notice_long_hours', FollowUpRulesSchema.shape.collect_notice_long_hours.removeDefault(), 'REQ-7', 'number'],
	['long_job_days', FollowUpRulesSchema.shape.long_job_days.removeDefault(), 'REQ-7', 'number'],
];

/** A setting that serves several rules names the one of the part that is wrong. */
const RULE_BY_PART: Record<string, Record<string, string>> = {
	job_schedules: { unit_refresh: 'WTY-2', parts_return_reminders: 'WTY-6', quality_scan: 'RPT-4', monthly_reports: 'RPT-2' },
};

/** The stored or sent text of a setting as the value its schema reads (JSON parsed, a numeric text as a number). */
function decode(field: string, rule: string, value: unknown, kind: Kind = 'json'): unknown {
	if (typeof value !== 'string') return value;
	if (kind === 'number') return value.trim() === '' ? value : Number(value);
	try {
		return JSON.parse(value);
	} catch {
		throw ruleViolation(rule, field, msg('int.not_json'), { collection: 'service_settings' });
	}
}

/** Throws a 400 naming the first bad setting of the payload; the stored row supplies what the payload leaves out. */
export async function checkPackSettings(knex: Knex, payload: Payload): Promise<void> {
	for (const [field, schema, rule, kind] of SETTINGS) {
		if (!(field in payload) || payload[field] === null) continue;
		const parsed = schema.safeParse(decode(field, rule, payload[field], kind));
		if (!parsed.success) {
			const part = String(parsed.error.issues[0]?.path[0] ?? '');
			const inner = formatZodIssues(parsed.error, RULE_BY_PART[field]?.[part] ?? rule);
			// The whole path once (`complaint_severity_levels.serious: …`), not the inner one repeated after it.
			const path = inner.field ? `${field}.${inner.field}` : field;
			throw new DomainRuleError(inner.rule, path, `${inner.rule}: ${path}: ${parsed.error.issues[0]?.message ?? 'invalid input'}`, { ...(inner.text ? { text: inner.text } : {}), collection: 'service_settings' });
		}
	}
	// CAL-1: the fallback time zone is a real IANA zone.
	if ('default_timezone' in payload && payload['default_timezone'] !== null && !isValidTimeZone(String(payload['default_timezone']))) {
		throw ruleViolation('CAL-1', 'default_timezone', msg('settings.bad_time_zone', { value: String(payload['default_timezone']) }), { collection: 'service_settings' });
	}
	// WTY-9: the profiles and the table are checked together (every row names a defined profile).
	if ('regulation_profiles' in payload || 'regulation_profile_rules' in payload) {
		const row = (await knex('service_settings').first('regulation_profiles', 'regulation_profile_rules')) ?? {};
		const value = (field: string) => (field in payload ? decode(field, 'WTY-9', payload[field]) : toJson(row[field]));
		parseRegulationSettings(value('regulation_profiles'), value('regulation_profile_rules'));
	}
}

export function registerSettingsHooks(register: Register) {
	for (const event of ['create', 'update']) {
		register.filter(`service_settings.items.${event}`, async (payload: Payload, _meta: unknown, hook: { database: Knex }) => {
			try {
				await checkPackSettings(hook.database, payload);
				return payload;
			} catch (error) {
				throw toDirectusError(error instanceof DomainRuleError && !error.collection ? Object.assign(error, { collection: 'service_settings' }) : error);
			}
		});
	}
}
