import { z } from 'zod';
import { parseCalendarDate } from './parse-calendar-date';

const monthDay = z.string().refine((value) => {
	try {
		return /^\d{2}-\d{2}$/.test(value) && Boolean(parseCalendarDate(`2001-${value}`));
	} catch {
		return false;
	}
}, 'must be a month-day MM-DD that exists every year');

/** WTY-11: one busy season (农忙): its dates, and the regions and product categories it applies to (empty = all). */
export const BusySeasonSchema = z.strictObject({
	name: z.string().trim().min(1).max(100),
	regions: z.array(z.string().trim().min(1)).default(() => []),
	categories: z.array(z.string().trim().min(1)).default(() => []),
	from: monthDay,
	/** May be before `from`: the season then runs over the year end. */
	to: monthDay,
});
export const BusySeasonsSchema = z.array(BusySeasonSchema).max(50);
export type BusySeason = z.output<typeof BusySeasonSchema>;

/**
 * WTY-11: the busy season a repair falls in — by the customer's region, the product's category and
 * the drop-off date (a business date, YYYY-MM-DD) — or null. A season with no regions (categories)
 * applies to every region (category); a region matches when the customer's region starts with it
 * (山东 matches 山东潍坊).
 */
export function computeBusySeason(seasons: readonly BusySeason[], repair: { region: string | null; category: string | null; date: string }): BusySeason | null {
	const md = repair.date.slice(5, 10);
	for (const season of seasons) {
		if (season.regions.length && !(repair.region && season.regions.some((r) => repair.region!.startsWith(r)))) continue;
		if (season.categories.length && !(repair.category && season.categories.includes(repair.category))) continue;
		const inside = season.from <= season.to ? md >= season.from && md <= season.to : md >= season.from || md <= season.to;
		if (inside) return season;
	}
	return null;
}
