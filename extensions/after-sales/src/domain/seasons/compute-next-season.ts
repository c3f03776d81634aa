import { computeDatePlusDays } from '../warranty/compute-date-plus-days';
import { computeLocalDate } from '../warranty/compute-local-date';
import { computeSeasonOccurrences } from './compute-season-occurrences';
import type { SalesSeason, SeasonOccurrence } from './schemas';

export interface NextSeason extends SeasonOccurrence {
	/** DLR-3: the last day to file the parts plan: the season's start minus the lead days. */
	deadline: string;
	/** The business day the answer was computed for (the calendar's time zone). */
	today: string;
}

/** DLR-3: the plan deadline of a season occurrence. */
export const computePlanDeadline = (occurrence: SeasonOccurrence, leadDays: number): string => computeDatePlusDays(occurrence.starts_on, -leadDays);

/**
 * DLR-3: the next sales season to start after the business day of `now` in `timeZone` (a season
 * starting today has started), with the day its parts plan is due.
 */
export function computeNextSeason(seasons: readonly SalesSeason[], leadDays: number, now: Date, timeZone: string): NextSeason {
	const today = computeLocalDate(now, timeZone);
	const year = Number(today.slice(0, 4));
	const next = computeSeasonOccurrences(seasons, year, year + 1).find((o) => o.starts_on > today)!;
	return { ...next, deadline: computePlanDeadline(next, leadDays), today };
}
