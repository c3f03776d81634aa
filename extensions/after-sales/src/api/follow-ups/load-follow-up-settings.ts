import type { Knex } from 'knex';
import type { Calendar } from '../../domain/calendar';
import { FollowUpRulesSchema, type FollowUpRules } from '../../domain/follow-ups';
import type { PackContext } from '../lib/context';
import { loadSettings } from '../services/settings';
import { channelsOf } from '../services/settings';
import { toJson } from '../lib/db-values';
import type { NotificationChannels } from '../../domain/notifications';

export type FollowUpSettings = { rules: FollowUpRules; calendar: Calendar; secret: string; publicUrl: string; channels: NotificationChannels };

const FIELDS = [
	'first_call_within_hours', 'second_follow_up_from_days', 'second_follow_up_until_days', 'satisfaction_call_after_days', 'satisfaction_call_within_days',
	'follow_up_window_days', 'survey_valid_days', 'low_score_threshold', 'event_notice_days_before', 'event_letter_within_days',
	'collect_notice_short_hours', 'collect_notice_long_hours', 'long_job_days',
] as const;

/**
 * FUP-1..3, FUP-6: the follow-up numbers from the settings singleton. A stored value the rules
 * cannot use falls back to its default field by field (a bad setting never stops a write); a
 * from/until pair out of order falls back as a pair.
 */
export async function loadFollowUpSettings(ctx: PackContext, knex: Knex = ctx.database): Promise<FollowUpSettings> {
	const settings = await loadSettings(knex);
	const input: Record<string, unknown> = {};
	// FUP-5: the visit seasons are a JSON list; an unusable list falls back to spring and autumn.
	const windows = FollowUpRulesSchema.shape.key_account_visit_windows.safeParse(toJson(settings.raw['key_account_visit_windows']) ?? undefined);
	if (windows.success) input['key_account_visit_windows'] = windows.data;
	const opens = FollowUpRulesSchema.shape.low_score_opens.safeParse(settings.raw['low_score_opens'] ?? undefined);
	if (opens.success) input['low_score_opens'] = opens.data;
	for (const field of FIELDS) {
		const raw = settings.raw[field];
		const value = raw === null || raw === undefined || raw === '' ? undefined : Number(raw);
		if (value === undefined) continue;
		if (FollowUpRulesSchema.shape[field].safeParse(value).success) input[field] = value;
	}
	let parsed = FollowUpRulesSchema.safeParse(input);
	if (!parsed.success) {
		delete input['second_follow_up_from_days'];
		delete input['second_follow_up_until_days'];
		parsed = FollowUpRulesSchema.safeParse(input);
	}
	return {
		rules: parsed.success ? parsed.data : FollowUpRulesSchema.parse({}),
		calendar: settings.calendar,
		secret: String(ctx.env['SECRET'] ?? ''),
		publicUrl: String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/+$/, ''),
		channels: channelsOf(settings.raw, ctx),
	};
}
