// Figures behind the insights panels, counted in SQL: the SLA board (open milestones by state and
// level, ESC-1/ESC-2) and the dealer trend (RPT-1 per month: scheduling compliance, claims
// approved vs rejected). Rates are computed here, never in the .vue files.
import type { Knex } from 'knex';
import type { ReportPeriod } from './report-period';
import { dialectOf, rowsOf, toCount } from './sql-dialect';

const OPEN_STATES = ['running', 'paused', 'warned', 'breached'];

export type SlaBoard = {
	cells: Array<{ collection: string; state: string; level: number; count: number }>;
	totals: Array<{ state: string; count: number }>;
	overdue: Array<{ collection: string; item: string; milestone: string; level: number; state: string; due_at: string | null; link: string }>;
};

export async function computeSlaBoard(knex: Knex, collection: string | null): Promise<SlaBoard> {
	const scoped = (q: Knex.QueryBuilder) => (collection ? q.where('collection', collection) : q);
	const [cells, overdue] = await Promise.all([
		scoped(knex('sla_timers').whereIn('state', OPEN_STATES)).select('collection', 'state', 'level').count({ n: '*' }).groupBy('collection', 'state', 'level').orderBy(['collection', 'state', 'level']),
		scoped(knex('sla_timers').whereIn('state', ['breached', 'warned'])).select('collection', 'item', 'milestone', 'milestone_label', 'level', 'state', 'due_at').orderBy('due_at', 'asc').limit(10),
	]);
	const totals = new Map<string, number>(OPEN_STATES.map((s) => [s, 0]));
	const outCells = (cells as Record<string, unknown>[]).map((c) => {
		const count = toCount(c['n']);
		totals.set(String(c['state']), (totals.get(String(c['state'])) ?? 0) + count);
		return { collection: String(c['collection']), state: String(c['state']), level: toCount(c['level']), count };
	});
	return {
		cells: outCells,
		totals: [...totals].map(([state, count]) => ({ state, count })),
		overdue: (overdue as Record<string, unknown>[]).map((t) => ({
			collection: String(t['collection']), item: String(t['item']), milestone: String(t['milestone_label'] ?? t['milestone']), level: toCount(t['level']), state: String(t['state']),
			due_at: instantText(t['due_at']),
			link: `/admin/content/${encodeURIComponent(String(t['collection']))}/${encodeURIComponent(String(t['item']))}`,
		})),
	};
}

function instantText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	const n = Number(value);
	return Number.isFinite(n) && /^\d+$/.test(String(value)) ? new Date(n).toISOString() : new Date(String(value)).toISOString();
}

export type TrendPoint = { month: string; tasks: number; tasks_on_schedule: number; schedule_compliance: number | null; claims_approved: number; claims_rejected: number };

/** RPT-1 per calendar month (local time): every month of the period is present, zeros included. */
export async function computeDealerTrend(knex: Knex, period: ReportPeriod, months: string[], dealer: number | null, scheduleMinutes: number): Promise<TrendPoint[]> {
	const d = dialectOf(knex);
	const within = d.withinMinutes('dispatched_at', 'scheduled_at', scheduleMinutes);
	const monthOf = (column: string) => d.localMonth(column, period.timeZone, period.offsetMinutes);
	const submitted = 'coalesce(submitted_at, date_created)';
	const only = dealer === null ? '' : ' and dealer = ?';
	const extra = dealer === null ? [] : [dealer];
	const rows = async (sql: string, bindings: unknown[]) => {
		const result = await knex.raw(sql, bindings as Knex.RawBinding[]);
		return rowsOf(result, knex) as Record<string, unknown>[];
	};
	const [tasks, claims] = await Promise.all([
		rows(
			`select ${monthOf('dispatched_at')} as m, count(*) as n, sum(case when scheduled_at is not null and ${within.sql} then 1 else 0 end) as on_time
			 from service_requests where type = 'dealer_task' and dealer is not null and dispatched_at >= ? and dispatched_at < ?${only} group by ${monthOf('dispatched_at')}`,
			[...within.bindings, d.instant(period.start), d.instant(period.end), ...extra],
		),
		rows(
			`select ${monthOf(submitted)} as m, sum(case when status in ('approved', 'settled') then 1 else 0 end) as approved, sum(case when status = 'rejected' then 1 else 0 end) as rejected
			 from warranty_claims where status <> 'draft' and ${submitted} >= ? and ${submitted} < ?${only} group by ${monthOf(submitted)}`,
			[d.instant(period.start), d.instant(period.end), ...extra],
		),
	]);
	const t = new Map(tasks.map((r) => [String(r['m']), r]));
	const c = new Map(claims.map((r) => [String(r['m']), r]));
	return months.map((month) => {
		const n = toCount(t.get(month)?.['n']);
		const onTime = toCount(t.get(month)?.['on_time']);
		return {
			month, tasks: n, tasks_on_schedule: onTime, schedule_compliance: n > 0 ? Math.round((onTime / n) * 1000) / 10 : null,
			claims_approved: toCount(c.get(month)?.['approved']), claims_rejected: toCount(c.get(month)?.['rejected']),
		};
	});
}

/** The `count` calendar months ending with the month of `today` ('YYYY-MM', oldest first). */
export function lastMonths(today: string, count: number): string[] {
	let year = Number(today.slice(0, 4));
	let month = Number(today.slice(5, 7));
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		out.unshift(`${year}-${String(month).padStart(2, '0')}`);
		month -= 1;
		if (month === 0) { month = 12; year -= 1; }
	}
	return out;
}
