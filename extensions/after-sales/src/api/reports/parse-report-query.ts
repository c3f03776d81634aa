// Input of the report endpoints: parsed with zod, every failure a 400 naming the field (RPT-1..5).
import { z } from 'zod';
import { computeDatePlusDays, computeDaysBetween } from '../../domain/warranty';
import { formatZodIssues } from '../../domain/errors';
import { ruleViolation, toDirectusError } from '../lib/errors';
import { msg } from '../../domain/messages';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The longest period one report may cover by default (`report_max_range_days`): beyond it the query would scan years of history. */
export const MAX_RANGE_DAYS = 5 * 366;

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a calendar date');
const format = z.enum(REPORT_FORMATS, { message: 'must be json, csv or xlsx' }).default('json');
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

function parse<T>(schema: z.ZodType<T>, query: Record<string, unknown>, rule: string): T {
	const flat = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, single(v)]));
	const result = schema.safeParse(flat);
	if (result.success) return result.data;
	// One formatting for every edge (errors.ts): the field, the reason in the caller's language, the rule.
	throw toDirectusError(formatZodIssues(result.error, rule));
}

/** RPT-1: the query of GET /reports/dealers (also read by the OpenAPI document). */
export const DealerReportQuerySchema = z.object({
	from: dateKey.optional(), to: dateKey.optional(), dealer: z.string().trim().min(1).max(64).optional(), format,
	/** Shorthand of the panels: the month, quarter or year so far (ignored when from/to are given). */
	period: z.enum(['month', 'quarter', 'year'], { message: 'must be month, quarter or year' }).optional(),
});

export type DealerReportQuery = { from: string; to: string; dealer: string | null; format: ReportFormat };

/** RPT-1: `from`/`to` default to the current month up to today (business dates). */
export function parseDealerReportQuery(query: Record<string, unknown>, today: string, maxRangeDays = MAX_RANGE_DAYS): DealerReportQuery {
	const parsed = parse(DealerReportQuerySchema, query, 'RPT-1');
	const to = parsed.to ?? today;
	const from = parsed.from ?? periodStart(parsed.period ?? 'month', to);
	assertRange(from, to, 'RPT-1', maxRangeDays);
	return { from, to, dealer: parsed.dealer ?? null, format: parsed.format };
}

/** The first day of the month, quarter or year containing `date`. */
export function periodStart(period: 'month' | 'quarter' | 'year', date: string): string {
	const year = date.slice(0, 4);
	const month = Number(date.slice(5, 7));
	if (period === 'year') return `${year}-01-01`;
	if (period === 'quarter') return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
	return `${date.slice(0, 8)}01`;
}

export function assertRange(from: string, to: string, rule: string, maxRangeDays = MAX_RANGE_DAYS) {
	if (computeDaysBetween(from, to) < 0) throw ruleViolation(rule, 'from', msg('report.from_after_to', { from, to }));
	if (computeDaysBetween(from, to) > maxRangeDays) throw ruleViolation(rule, 'to', msg('report.range_too_long', { from, to, max: maxRangeDays }));
}

/** RPT-2: the query of GET /reports/summary. */
export const SummaryQuerySchema = z.object({ period: z.enum(['month', 'year'], { message: 'must be month or year' }).default('month'), at: z.string().trim().optional(), format });

export type SummaryQuery = { period: 'month' | 'year'; at: string; from: string; to: string; format: ReportFormat };

/** RPT-2: `at` is 'YYYY-MM' for a month, 'YYYY' for a year; default the current one. */
export function parseSummaryQuery(query: Record<string, unknown>, today: string): SummaryQuery {
	const parsed = parse(SummaryQuerySchema, query, 'RPT-2');
	const at = parsed.at ?? (parsed.period === 'month' ? today.slice(0, 7) : today.slice(0, 4));
	if (parsed.period === 'month') {
		const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(at);
		if (!match) throw ruleViolation('RPT-2', 'at', msg('report.not_month', { value: JSON.stringify(at) }));
		const from = `${at}-01`;
		const to = computeDatePlusDays(`${Number(match[2]) === 12 ? Number(match[1]) + 1 : match[1]}-${Number(match[2]) === 12 ? '01' : String(Number(match[2]) + 1).padStart(2, '0')}-01`, -1);
		return { period: 'month', at, from, to, format: parsed.format };
	}
	if (!/^\d{4}$/.test(at)) throw ruleViolation('RPT-2', 'at', msg('report.not_year', { value: JSON.stringify(at) }));
	return { period: 'year', at, from: `${at}-01-01`, to: `${at}-12-31`, format: parsed.format };
}

/** RPT-3: the query of GET /reports/weekly. */
export const WeeklyQuerySchema = z.object({ week: z.string().trim().optional(), format });

export type WeeklyQuery = { week: string; from: string; to: string; format: ReportFormat };

/** RPT-3: an ISO week 'YYYY-Www' (Monday to Sunday); default the current week. */
export function parseWeeklyQuery(query: Record<string, unknown>, today: string): WeeklyQuery {
	const parsed = parse(WeeklyQuerySchema, query, 'RPT-3');
	const week = parsed.week ?? isoWeekOf(today);
	const match = /^(\d{4})-W(\d{2})$/.exec(week);
	const from = match ? isoWeekStart(Number(match[1]), Number(match[2])) : null;
	if (!match || !from || isoWeekOf(from) !== week) throw ruleViolation('RPT-3', 'week', msg('report.not_week', { value: JSON.stringify(week) }));
	return { week, from, to: computeDatePlusDays(from, 6), format: parsed.format };
}

/** The ISO week ('2026-W47') of a business date. */
export function isoWeekOf(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	const weekday = (d.getUTCDay() + 6) % 7;
	d.setUTCDate(d.getUTCDate() - weekday + 3);
	const year = d.getUTCFullYear();
	const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

function isoWeekStart(year: number, week: number): string | null {
	if (week < 1 || week > 53) return null;
	const jan4 = new Date(Date.UTC(year, 0, 4));
	const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000);
	return monday.toISOString().slice(0, 10);
}

/** RPT-5: the query of GET /reports/quality. */
export const QualityReportQuerySchema = z.object({ month: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM').optional(), category: z.string().trim().min(1).max(64).optional(), format });

export type QualityReportQuery = { month: string; category: string | null; format: ReportFormat };

/** RPT-5: the monthly quality report, `month` 'YYYY-MM' (default the current month). */
export function parseQualityReportQuery(query: Record<string, unknown>, today: string): QualityReportQuery {
	const parsed = parse(QualityReportQuerySchema, query, 'RPT-5');
	return { month: parsed.month ?? today.slice(0, 7), category: parsed.category ?? null, format: parsed.format };
}

/** RPT-1: the query of GET /reports/dealers/trend. */
export const TrendQuerySchema = z.object({ months: z.coerce.number().int().min(1).max(24).default(6), dealer: z.string().trim().min(1).max(64).optional() });

export type TrendQuery = { months: number; dealer: string | null };

/** RPT-1 trend for the scorecard chart: the last `months` calendar months (1–24) up to today. */
export function parseTrendQuery(query: Record<string, unknown>): TrendQuery {
	const parsed = parse(TrendQuerySchema, query, 'RPT-1');
	return { months: parsed.months, dealer: parsed.dealer ?? null };
}

export const SLA_BOARD_COLLECTIONS = ['complaints', 'service_requests', 'repair_records', 'warranty_claims'] as const;

/** ESC-1: the query of GET /reports/sla-board; no collection (or an empty one) means all of them. */
export const SlaBoardQuerySchema = z.object({
	collection: z.union([z.literal(''), z.enum(SLA_BOARD_COLLECTIONS, { message: `must be one of ${SLA_BOARD_COLLECTIONS.join(', ')}` })]).optional(),
});

/** ESC-1: the SLA board's collection filter, or null for every collection. */
export function parseSlaBoardQuery(query: Record<string, unknown>): { collection: (typeof SLA_BOARD_COLLECTIONS)[number] | null } {
	const parsed = parse(SlaBoardQuerySchema, query, 'ESC-1');
	return { collection: parsed.collection ? parsed.collection : null };
}
