export { addBusinessTime } from './add-business-time';
export { addWorkingDays } from './add-working-days';
export { CHINA_PUBLIC_HOLIDAYS, withPublicHolidays, type PublicHolidayYear } from './china-public-holidays';
export { computeDateKey } from './compute-date-key';
export { computeDayHours } from './compute-day-hours';
export { computeLocalParts } from './compute-local-parts';
export { computeMinutesOfDay } from './compute-minutes-of-day';
export { computeTimeZoneOffset } from './compute-time-zone-offset';
export { computeWorkingIntervals } from './compute-working-intervals';
export { computeWorkingIntervalsFrom } from './compute-working-intervals-from';
export { computeZonedInstant } from './compute-zoned-instant';
export { DEFAULT_CALENDAR } from './default-calendar';
export { isValidDateKey } from './is-valid-date-key';
export { isValidTimeZone } from './is-valid-time-zone';
export { isWorkingInstant } from './is-working-instant';
export { measureBusinessTime } from './measure-business-time';
export { nextWorkingInstant } from './next-working-instant';
export { parseCalendar } from './parse-calendar';
export {
	CalendarSchema,
	ClockSchema,
	DateKeySchema,
	DayHoursSchema,
	TimeOfDaySchema,
	WEEKDAY_KEYS,
	WorkingHoursSchema,
	WorkingIntervalSchema,
	type Calendar,
	type CalendarInput,
	type Clock,
	type DayHours,
	type WeekdayKey,
	type WorkingHours,
} from './schemas';
export type { LocalDate, LocalDateTime, LocalParts, WorkingInterval } from './types';
export { formatLocalInstant } from './format-local-instant';
