// Pure shaping of endpoint answers into what the panels render: grouping and labelling only, no
// arithmetic (every number comes from the endpoint).
import type { Messages } from './i18n';

export type SlaBoardData = {
	cells: Array<{ collection: string; state: string; level: number; count: number }>;
	totals: Array<{ state: string; count: number }>;
	overdue: Array<{ collection: string; item: string; milestone: string; level: number; state: string; due_at: string | null; link: string }>;
};

/** ESC-1/ESC-2: one row per milestone state, one column per level, counts as given. */
export function buildSlaMatrix(board: SlaBoardData, t: Messages) {
	const levels = [...new Set(board.cells.map((c) => c.level))].sort();
	const rows = board.totals.map((total) => ({
		state: total.state,
		label: t.state[total.state] ?? total.state,
		total: total.count,
		byLevel: levels.map((level) => board.cells.filter((c) => c.state === total.state && c.level === level).reduce((sum, c) => sum + c.count, 0)),
	}));
	return { levels, rows, isEmpty: board.totals.every((row) => row.count === 0) };
}

export type DealerRow = {
	dealer_id: number; code: string; name: string; rank: number | null; rating: string; score: number | null; schedule_compliance: number | null;
	claim_rejection_rate: number | null; satisfaction_avg: number | null; complaints: number; claims_approved: number; claims_rejected: number;
};
export type TrendPoint = { month: string; schedule_compliance: number | null; claims_approved: number; claims_rejected: number };

const PALETTE = { approved: '#2ECDA7', rejected: '#E35169', line: '#6644FF' };

/** RPT-1: the claims chart (approved vs rejected per dealer, the top `limit` of the ranking). */
export function buildClaimsChart(rows: readonly DealerRow[], limit: number, t: Messages) {
	const top = rows.slice(0, limit);
	return {
		labels: top.map((r) => r.code),
		datasets: [
			{ label: t.approved, data: top.map((r) => r.claims_approved), backgroundColor: PALETTE.approved },
			{ label: t.rejected, data: top.map((r) => r.claims_rejected), backgroundColor: PALETTE.rejected },
		],
	};
}

/** RPT-1: scheduling compliance per month (gaps where a month had no tasks). */
export function buildComplianceChart(points: readonly TrendPoint[], t: Messages) {
	return {
		labels: points.map((p) => p.month),
		datasets: [{ label: t.complianceChart, data: points.map((p) => p.schedule_compliance), borderColor: PALETTE.line, backgroundColor: PALETTE.line, spanGaps: false }],
	};
}

/** Query string of a panel's options, leaving unset options out. */
export function toQuery(options: Record<string, string | number | null | undefined>): string {
	const params = Object.entries(options).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
	return params.length ? `?${params.join('&')}` : '';
}
