import { CalendarSchema, type Calendar } from './schemas';

/** CAL-1, CAL-3: Asia/Shanghai, Mon–Fri 08:30–12:00 and 13:00–17:30, no holidays until an admin adds them. */
export const DEFAULT_CALENDAR: Calendar = CalendarSchema.parse({});
