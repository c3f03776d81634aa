import { computeSeasonOccurrences } from './compute-season-occurrences';
import type { SalesSeason, SeasonOccurrence } from './schemas';

/** DLR-3, DLR-5: the season a business day falls into, or null between seasons. */
export function computeSeasonOf(seasons: readonly SalesSeason[], day: string): SeasonOccurrence | null {
	const year = Number(day.slice(0, 4));
	return computeSeasonOccurrences(seasons, year - 1, year).find((o) => o.starts_on <= day && day <= o.ends_on) ?? null;
}
