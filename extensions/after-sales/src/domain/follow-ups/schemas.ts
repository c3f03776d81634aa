import { z } from 'zod';
import { parseCalendarDate } from '../warranty';

/** A month-day that exists every year (so not 29 February). */
const monthDay = z.string().refine(
	(value) => {
		try {
			return /^\d{2}-\d{2}$/.test(value) && Boolean(parseCalendarDate(`2001-${value}`));
		} catch {
			return false;
		}
	},
	{ message: 'must be a month-day MM-DD that exists every year' },
);

/** FUP-5: one visit season, e.g. spring 03-01 → 05-31. */
export const VisitWindowSchema = z
	.strictObject({ season: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a slug: lower-case letters, digits and _'), from: monthDay, to: monthDay })
	.refine((visit) => visit.from <= visit.to, { path: ['to'], message: 'a visit window must not cross the year end' });
export type VisitWindow = z.output<typeof VisitWindowSchema>;

/** The kinds a `follow_ups` row holds (the collection's choices); the rules create all but `survey`. */
export const FOLLOW_UP_RECORD_KINDS = ['first_call', 'second_call', 'satisfaction_call', 'survey', 'event_call', 'event_letter', 'key_account_visit', 'collect_notice', 'visit_notice'] as const;
export type FollowUpRecordKind = (typeof FOLLOW_UP_RECORD_KINDS)[number];

/** The call list shows each kind in both languages. */
export const FOLLOW_UP_KIND_LABELS: Readonly<Record<FollowUpRecordKind, { zh: string; en: string }>> = {
	first_call: { zh: '派工后首次回访', en: 'First call after dispatch' },
	second_call: { zh: '二次回访', en: 'Second follow-up' },
	satisfaction_call: { zh: '服务后满意度回访', en: 'Satisfaction call' },
	survey: { zh: '满意度调查表', en: 'Satisfaction survey' },
	event_call: { zh: '活动电话通知', en: 'Event call' },
	event_letter: { zh: '活动信函', en: 'Event letter' },
	key_account_visit: { zh: '重点客户走访', en: 'Key-account visit' },
	collect_notice: { zh: '取车通知', en: 'Collection notice' },
	visit_notice: { zh: '上门预约通知', en: 'Visit appointment notice' },
};

export const FOLLOW_UP_STATUSES = ['planned', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_CHANNELS = ['phone', 'letter', 'visit', 'sms', 'wechat', 'survey', 'email'] as const;

/**
 * FUP-1..3, FUP-6: the numbers the follow-up rules use, read from the settings singleton (each an
 * admin-editable default; an unusable stored value falls back to its default field by field).
 */
export const FollowUpRulesSchema = z.object({
	/** FUP-1: the first call is due this long after the dispatch. */
	first_call_within_hours: z.number().int().min(0).max(720).default(2),
	/** FUP-2: the second follow-up is due between these days after the first call. */
	second_follow_up_from_days: z.number().int().min(0).max(365).default(7),
	second_follow_up_until_days: z.number().int().min(0).max(365).default(14),
	/** FUP-3: the satisfaction call is due from the first working time this many days after the service… */
	satisfaction_call_after_days: z.number().int().min(0).max(60).default(1),
	/** …and missed when not made by the end of this many days after the service. */
	satisfaction_call_within_days: z.number().int().min(0).max(60).default(3),
	/** A planned follow-up without `due_until` is missed this many days after `due_at`. */
	follow_up_window_days: z.number().int().min(0).max(365).default(3),
	/** FUP-6: a survey link is valid this many days. */
	survey_valid_days: z.number().int().min(1).max(365).default(30),
	/** FUP-6: a score at or below this is followed up by the technician and the service manager. */
	low_score_threshold: z.number().int().min(0).max(5).default(2),
	/** FUP-6: what a low score opens: a follow-up task for the agents, or a complaint (CMP-1). */
	low_score_opens: z.enum(['follow_up', 'complaint']).default('follow_up'),
	/** FUP-4: the event call is made this many days before the event… */
	event_notice_days_before: z.number().int().min(0).max(365).default(14),
	/** …and the letter sent within this many days after the call. */
	event_letter_within_days: z.number().int().min(0).max(60).default(2),
	/** FUP-5: the key-account visit seasons, month-day windows within one year. */
	key_account_visit_windows: z.array(VisitWindowSchema).max(12).default(() => [
		{ season: 'spring', from: '03-01', to: '05-31' },
		{ season: 'autumn', from: '09-01', to: '11-30' },
	]),
	/** REQ-7: the customer is told to collect this many hours before a short job's promised completion… */
	collect_notice_short_hours: z.number().int().min(0).max(72).default(1),
	/** …or a long job's (one of `long_job_days` days or more). */
	collect_notice_long_hours: z.number().int().min(0).max(72).default(4),
	long_job_days: z.number().int().min(1).max(365).default(2),
}).refine((s) => s.second_follow_up_from_days <= s.second_follow_up_until_days, {
	path: ['second_follow_up_until_days'],
	message: 'must not be before second_follow_up_from_days',
});
export type FollowUpRules = z.output<typeof FollowUpRulesSchema>;

const Score = z.number({ error: 'must be a whole number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5');
const Notes = z.string().trim().max(2000);

/** FUP-3: what an agent logs for a call (POST /follow-ups/:id/log). */
export const FollowUpLogSchema = z.strictObject({
	channel: z.enum(FOLLOW_UP_CHANNELS).default('phone'),
	/** `reached`: the call was made and the follow-up is done; `unreachable`: the attempt is noted and it stays planned. */
	outcome: z.enum(['reached', 'unreachable']).default('reached'),
	notes: Notes.optional(),
	satisfaction: z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), Score).nullable().optional(),
});
export type FollowUpLog = z.output<typeof FollowUpLogSchema>;

/** FUP-6: the customer's answer to the survey; a form posts text, so digits are read as a number. */
export const SurveyAnswerSchema = z.object({
	score: z.preprocess((v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v), Score),
	comment: z.preprocess((v) => (v === null || v === undefined ? undefined : v), Notes.optional()),
	lang: z.string().optional(),
});
export type SurveyAnswer = z.output<typeof SurveyAnswerSchema>;

/** FUP-4: an event or free-service campaign whose customers are phoned beforehand (POST /follow-ups/events). */
export const EventNoticeInputSchema = z
	.strictObject({
		event_name: z.string().trim().min(1).max(200),
		event_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine((d) => {
			try {
				return Boolean(parseCalendarDate(d));
			} catch {
				return false;
			}
		}, 'not a calendar date'),
		/** These customers … */
		customers: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(5000).optional(),
		/** … and/or every active key account … */
		key_accounts: z.boolean().optional(),
		/** … and/or every active customer of a region. */
		region: z.string().trim().min(1).max(64).optional(),
	})
	.refine((e) => e.customers !== undefined || e.key_accounts === true || e.region !== undefined, {
		path: ['customers'], message: 'name the customers, or key_accounts: true, or a region',
	});
export type EventNoticeInput = z.output<typeof EventNoticeInputSchema>;
