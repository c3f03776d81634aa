import type { SalesSeason, SeasonOccurrence } from './schemas';

/**
 * DLR-3, DLR-5: every season starting in the years `fromYear` … `toYear`, in order of their start.
 * A season whose `to` lies before its `from` ends in the following year.
 */
export function computeSeasonOccurrences(seasons: readonly SalesSeason[], fromYear: number, toYear: number): SeasonOccurrence[] {
	const out: SeasonOccurrence[] = [];
	for (let year = fromYear; year <= toYear; year++) {
		for (const season of seasons) {
			const endYear = season.to < season.from ? year + 1 : year;
			out.push({ key: season.key, label: season.label ?? season.key, year, starts_on: `${year}-${season.from}`, ends_on: `${endYear}-${season.to}` });
		}
	}
	return out.sort((a, b) => (a.starts_on < b.starts_on ? -1 : a.starts_on > b.starts_on ? 1 : 0));
}
