import { z } from 'zod';

/** A local time of day HH:MM (00:00–23:59) in the business calendar's time zone. */
export const JobTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM between 00:00 and 23:59');

/**
 * When the pack's own jobs run, in the business calendar's time zone (issue #11: schedules' times
 * are settings, not constants). Daily jobs run once a day from their time on (a server that was
 * down at that time catches up when it is back); the monthly reports from their day and time.
 */
export const JobSchedulesSchema = z.strictObject({
	/** WTY-2, WTY-10: cards fall due and warranties expire with the passing of days. */
	unit_refresh: JobTimeSchema.default('00:10'),
	/** WTY-6: old-part return reminders and parts missing after the deadline. */
	parts_return_reminders: JobTimeSchema.default('01:20'),
	/** RPT-4: the recurring-problem scan that raises quality alerts. */
	quality_scan: JobTimeSchema.default('01:40'),
	/** RPT-2, RPT-5, DLR-4: last month's summary and quality report (and in January last year's summary). */
	monthly_reports: z
		.strictObject({
			day: z.number().int('expected a whole day of the month').min(1).max(28, 'at most 28, so every month has the day'),
			at: JobTimeSchema,
		})
		.default({ day: 1, at: '08:00' }),
});
export type JobSchedules = z.output<typeof JobSchedulesSchema>;
export type DailyJob = 'unit_refresh' | 'parts_return_reminders' | 'quality_scan';
export const DAILY_JOBS: readonly DailyJob[] = ['unit_refresh', 'parts_return_reminders', 'quality_scan'];
export const DEFAULT_JOB_SCHEDULES: JobSchedules = JobSchedulesSchema.parse({});
