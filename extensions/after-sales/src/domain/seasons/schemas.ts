import { z } from 'zod';

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
/** A year without 29 February: a season boundary must exist every year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day of a 365-day year (1 … 365) of a month-day, or null when it is not one that exists every year. */
export function monthDayOrdinal(value: string): number | null {
	const match = MONTH_DAY.exec(value);
	if (!match) return null;
	const month = Number(match[1]);
	const day = Number(match[2]);
	if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
	return DAYS_IN_MONTH.slice(0, month - 1).reduce((a, b) => a + b, 0) + day;
}

const MonthDaySchema = z.string().refine((v) => monthDayOrdinal(v) !== null, { message: 'must be a month-day MM-DD that exists every year (01-01 … 12-31, not 02-29)' });

/** DLR-3, DLR-5: one sales season as month-days; `to` before `from` runs over the new year. */
export const SalesSeasonSchema = z.strictObject({
	key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a short key of lower-case letters, digits and _ (e.g. spring)'),
	label: z.string().trim().min(1).max(64).optional(),
	from: MonthDaySchema,
	to: MonthDaySchema,
});
export type SalesSeason = z.output<typeof SalesSeasonSchema>;

/** The days of a 365-day year a season covers, as one or two closed ranges. */
function rangesOf(season: SalesSeason): [number, number][] {
	const from = monthDayOrdinal(season.from)!;
	const to = monthDayOrdinal(season.to)!;
	return from <= to ? [[from, to]] : [[from, 365], [1, to]];
}

/** DLR-3: at least one season, keys unique, no two seasons sharing a day. */
export const SalesSeasonsSchema = z
	.array(SalesSeasonSchema)
	.min(1, 'at least one sales season is needed')
	.max(12)
	.superRefine((seasons, ctx) => {
		const seen = new Set<string>();
		seasons.forEach((season, i) => {
			if (seen.has(season.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `the key ${season.key} is used twice` });
			seen.add(season.key);
		});
		for (let i = 0; i < seasons.length; i++) {
			for (let j = 0; j < i; j++) {
				const overlaps = rangesOf(seasons[i]!).some(([a, b]) => rangesOf(seasons[j]!).some(([c, d]) => a <= d && c <= b));
				if (overlaps) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: `season ${seasons[i]!.key} overlaps season ${seasons[j]!.key}` });
			}
		}
	});

/** Farm machinery sells in spring and autumn (003 (二)7). */
export const DEFAULT_SALES_SEASONS: SalesSeason[] = [
	{ key: 'spring', label: '春季 Spring', from: '03-01', to: '05-31' },
	{ key: 'autumn', label: '秋季 Autumn', from: '09-01', to: '11-30' },
];

/** One season in one year: it starts in `year` and may end in the next. */
export interface SeasonOccurrence {
	key: string;
	label: string;
	year: number;
	starts_on: string;
	ends_on: string;
}
