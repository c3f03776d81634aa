import { z } from 'zod';
import { parseCalendarDate, TimeZoneSchema } from '../warranty';

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

export const FOLLOW_UP_KINDS = ['dispatch_call', 'second_follow_up', 'satisfaction_call', 'event_call', 'event_letter', 'key_account_visit'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** FUP-1..5 timings; every number is an admin-editable default (RULES.md). */
export const FollowUpSettingsSchema = z.object({
	timezone: TimeZoneSchema.default('Asia/Shanghai'),
	second_follow_up_from_days: z.number().int().min(0).default(7),
	second_follow_up_to_days: z.number().int().min(0).default(14),
	satisfaction_call_within_days: z.number().int().min(0).default(3),
	event_call_days_before: z.number().int().min(0).default(14),
	event_letter_within_days: z.number().int().min(0).default(2),
	key_account_visits: z
		.array(
			z
				.object({ season: z.string().min(1), from: monthDay, to: monthDay })
				.refine((visit) => visit.from <= visit.to, { path: ['to'], message: 'a visit window must not cross the year end' }),
		)
		.default([
			{ season: 'spring', from: '03-01', to: '05-31' },
			{ season: 'autumn', from: '09-01', to: '11-30' },
		]),
}).refine((settings) => settings.second_follow_up_from_days <= settings.second_follow_up_to_days, {
	path: ['second_follow_up_to_days'],
	message: 'must not be before second_follow_up_from_days',
});
export type FollowUpSettings = z.output<typeof FollowUpSettingsSchema>;
