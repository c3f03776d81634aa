// A report period of business dates [from, to] as UTC instants [start, end) in the calendar's
// time zone (CAL-3): a repair finished at 23:30 on the 31st in Shanghai belongs to that month.
import { computeTimeZoneOffset, computeZonedInstant } from '../../domain/calendar';
import { computeDatePlusDays, computeLocalDate } from '../../domain/warranty';

/** `today` (the business date the report runs on) decides which deadlines have passed. */
export type ReportPeriod = { from: string; to: string; start: Date; end: Date; timeZone: string; offsetMinutes: number; today: string };

export function toReportPeriod(from: string, to: string, timeZone: string, today: string): ReportPeriod {
	const at = (date: string) => {
		const [year, month, day] = date.split('-').map(Number) as [number, number, number];
		return computeZonedInstant({ year, month, day, hour: 0, minute: 0 }, timeZone);
	};
	const start = at(from);
	return { from, to, start, end: at(computeDatePlusDays(to, 1)), timeZone, offsetMinutes: computeTimeZoneOffset(start, timeZone), today };
}

export const todayIn = (now: Date, timeZone: string) => computeLocalDate(now, timeZone);
