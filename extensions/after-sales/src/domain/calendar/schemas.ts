import { z } from 'zod';
import { msg } from '../messages/catalogs';
import { computeMinutesOfDay } from './compute-minutes-of-day';
import { isValidDateKey } from './is-valid-date-key';
import { isValidTimeZone } from './is-valid-time-zone';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** CAL-2: phone response runs around the clock; on-site and resolution deadlines in business time. */
export const ClockSchema = z.enum(['24x7', 'business']);
export type Clock = z.infer<typeof ClockSchema>;

export const TimeOfDaySchema = z
	.string()
	.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time HH:MM between 00:00 and 24:00');

export const WorkingIntervalSchema = z
	.strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema })
	.refine((interval) => computeMinutesOfDay(interval.start) < computeMinutesOfDay(interval.end), {
		message: 'start must be before end',
		path: ['end'],
		params: { text: msg('cal.interval_order') },
	});

export const DayHoursSchema = z.array(WorkingIntervalSchema).superRefine((intervals, ctx) => {
	intervals.forEach((interval, index) => {
		const previous = intervals[index - 1];

		if (previous && computeMinutesOfDay(interval.start) < computeMinutesOfDay(previous.end)) {
			ctx.addIssue({
				code: 'custom',
				message: 'intervals must be sorted and must not overlap',
				path: [index, 'start'],
				params: { text: msg('cal.intervals_overlap') },
			});
		}
	});
});

const morningAndAfternoon = () => [
	{ start: '08:30', end: '12:00' },
	{ start: '13:00', end: '17:30' },
];

const defaultWeek = () => ({
	mon: morningAndAfternoon(),
	tue: morningAndAfternoon(),
	wed: morningAndAfternoon(),
	thu: morningAndAfternoon(),
	fri: morningAndAfternoon(),
	sat: [],
	sun: [],
});

export const WorkingHoursSchema = z.strictObject({
	mon: DayHoursSchema,
	tue: DayHoursSchema,
	wed: DayHoursSchema,
	thu: DayHoursSchema,
	fri: DayHoursSchema,
	sat: DayHoursSchema,
	sun: DayHoursSchema,
});

export const DateKeySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
	.refine(isValidDateKey, { message: 'not a valid calendar date', params: { text: msg('cal.bad_date') } });

/** CAL-1, CAL-3: the business calendar kept in `service_settings`. */
export const CalendarSchema = z
	.strictObject({
		timezone: z.string().refine(isValidTimeZone, 'not a known IANA time zone').default('Asia/Shanghai'),
		working_hours: WorkingHoursSchema.default(defaultWeek),
		holidays: z.array(DateKeySchema).default(() => []),
		adjusted_working_days: z.array(DateKeySchema).default(() => []),
		/** Hours worked on an adjusted day (调休); absent = Monday's hours. */
		adjusted_day_hours: DayHoursSchema.optional(),
	})
	.superRefine((calendar, ctx) => {
		const weeklyIntervals = WEEKDAY_KEYS.reduce((sum, key) => sum + calendar.working_hours[key].length, 0);

		if (weeklyIntervals === 0) {
			// Business-time deadlines could never fall due on a calendar without working time.
			ctx.addIssue({ code: 'custom', message: 'at least one weekday needs working hours', path: ['working_hours'], params: { text: msg('cal.no_working_time') } });
		}

		calendar.adjusted_working_days.forEach((key, index) => {
			if (calendar.holidays.includes(key)) {
				ctx.addIssue({
					code: 'custom',
					message: `${key} is listed both as a holiday and as an adjusted working day`,
					path: ['adjusted_working_days', index],
					params: { text: msg('cal.adjusted_is_holiday', { date: key }) },
				});
				return;
			}

			const weekday = WEEKDAY_KEYS[new Date(`${key}T00:00:00Z`).getUTCDay()] as WeekdayKey;

			if (calendar.working_hours[weekday].length > 0) {
				ctx.addIssue({
					code: 'custom',
					message: `${key} is already a working day; adjusted working days are days off made working (调休)`,
					path: ['adjusted_working_days', index],
					params: { text: msg('cal.adjusted_is_working', { date: key }) },
				});
			}
		});
	});

export type Calendar = z.output<typeof CalendarSchema>;
export type CalendarInput = z.input<typeof CalendarSchema>;
export type DayHours = z.output<typeof DayHoursSchema>;
export type WorkingHours = z.output<typeof WorkingHoursSchema>;
