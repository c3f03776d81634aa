// CAL-1..3: the options of the 计算时限 / business deadline operation.
import { z } from 'zod';
import { ClockSchema } from '../../../domain/calendar';

/** A business day is 8 working hours, as in the default SLA policies (ESC-5: on site in 3 business days). */
export const BUSINESS_DAY_MINUTES = 480;

export const DURATION_UNITS = { minutes: 1, hours: 60, business_days: BUSINESS_DAY_MINUTES } as const;
export type MinuteUnit = keyof typeof DURATION_UNITS;

const instant = z.string().trim().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(new Date(v).getTime()), 'must be an ISO date-time, e.g. 2026-11-27T16:00:00+08:00');

export const DeadlineOperationOptionsSchema = z.object({
	/** Where the clock starts; default now (when the Flow runs). */
	start: instant.optional(),
	duration: z.coerce.number().positive('must be a positive number').finite(),
	/** business_days: blocks of 8 working hours; working_days: whole days of the calendar, due when work stops on the last (WTY-11). */
	unit: z.enum(['minutes', 'hours', 'business_days', 'working_days'], { message: 'must be minutes, hours, business_days or working_days' }).default('hours'),
	clock: ClockSchema.default('business'),
}).refine((o) => o.unit !== 'working_days' || Number.isInteger(o.duration), { message: 'working days must be a whole number', path: ['duration'] });
export type DeadlineOperationOptions = z.output<typeof DeadlineOperationOptionsSchema>;
