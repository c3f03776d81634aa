import { computeSeasonOccurrences } from './compute-season-occurrences';
import type { SalesSeason } from './schemas';

const yearOf = (day: string) => Number(day.slice(0, 4));

/** DLR-5: how many seasons started after `from` and on or before `to` (business days). */
export function computeSeasonsStartedBetween(seasons: readonly SalesSeason[], from: string, to: string): number {
	if (to <= from) return 0;
	return computeSeasonOccurrences(seasons, yearOf(from), yearOf(to)).filter((o) => o.starts_on > from && o.starts_on <= to).length;
}

/** DLR-5: how many whole seasons lie between `from` and `to`: started after `from` and ended before `to`. */
export function computeSeasonsCompletedBetween(seasons: readonly SalesSeason[], from: string, to: string): number {
	if (to <= from) return 0;
	return computeSeasonOccurrences(seasons, yearOf(from), yearOf(to)).filter((o) => o.starts_on > from && o.ends_on < to).length;
}
