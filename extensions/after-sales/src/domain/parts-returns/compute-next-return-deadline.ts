import { computeDaysBetween, formatCalendarDate, parseCalendarDate } from '../warranty';
import type { PartsReturnSettings } from './schemas';

function deadlineIn(year: number, monthDay: string): string {
	const [month, day] = monthDay.split('-').map(Number) as [number, number];
	// A '02-29' deadline falls on 28 February in common years.
	const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return formatCalendarDate({ year, month, day: Math.min(day, lastDay) });
}

/**
 * WTY-6: the return deadline an old part replaced on `date` belongs to — the first configured
 * deadline on or after that date (30 June or 31 December by default).
 */
export function computeNextReturnDeadline(date: string, settings: PartsReturnSettings): string {
	const { year } = parseCalendarDate(date, 'date');
	const candidates = [year, year + 1].flatMap((candidateYear) => settings.deadlines.map((monthDay) => deadlineIn(candidateYear, monthDay)));
	candidates.sort();
	return candidates.find((deadline) => computeDaysBetween(date, deadline) >= 0)!;
}
