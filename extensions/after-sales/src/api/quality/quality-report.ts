// RPT-5: the monthly quality-problem report for the quality department: alerts raised in the
// month and alerts still open from before, with their preventive actions, plus the month's most
// frequent product × fault combinations.
import type { Knex } from 'knex';
import type { Column, Table } from '../reports/export-table';
import type { ReportPeriod } from '../reports/report-period';
import { dialectOf, toCount } from '../reports/sql-dialect';
import { countFaults } from './scan';

export type QualityReportAlert = {
	id: number; product_model: string | null; product_name: string | null; fault_category: string; window: string; window_key: string;
	level: number; count: number; threshold: number; route: string; status: string; raised_at: string | null; preventive_action: string | null; carried_over: boolean;
};

export type QualityReport = { month: string; alerts: QualityReportAlert[]; top_faults: Array<{ product_model: string | null; fault_category: string; repairs: number }> };

export async function computeQualityReport(knex: Knex, month: string, period: ReportPeriod, category: string | null = null): Promise<QualityReport> {
	const d = dialectOf(knex);
	const rows = await knex('quality_alerts as a')
		.leftJoin('products as p', 'p.id', 'a.product')
		.where((q) => (category ? q.where('p.category', category) : q))
		.andWhere((outer) => outer.where((q) => q.where('a.raised_at', '>=', d.instant(period.start) as never).andWhere('a.raised_at', '<', d.instant(period.end) as never))
		.orWhere((q) => q.where('a.raised_at', '<', d.instant(period.start) as never).andWhere('a.status', '<>', 'closed')))
		.select('a.*', 'p.model as product_model', 'p.name as product_name')
		.orderBy([{ column: 'a.level', order: 'desc' }, { column: 'a.id', order: 'asc' }]);
	const alerts = rows.map((r: Record<string, unknown>) => {
		const raised = r['raised_at'] === null || r['raised_at'] === undefined ? null : new Date(typeof r['raised_at'] === 'string' && /^\d+$/.test(r['raised_at']) ? Number(r['raised_at']) : (r['raised_at'] as string | number | Date));
		return {
			id: Number(r['id']), product_model: (r['product_model'] as string) ?? null, product_name: (r['product_name'] as string) ?? null,
			fault_category: String(r['fault_category']), window: String(r['window']), window_key: String(r['window_key']), level: toCount(r['level']),
			count: toCount(r['count']), threshold: toCount(r['threshold']), route: String(r['route']), status: String(r['status']),
			raised_at: raised ? raised.toISOString() : null, preventive_action: (r['preventive_action'] as string) ?? null,
			carried_over: raised ? raised.getTime() < period.start.getTime() : false,
		};
	});
	const counted = await countFaults(knex, period.start, period.end, 'month');
	const products = await knex('products').whereIn('id', [...new Set(counted.map((f) => Number(f.product)))]).select('id', 'model', 'category');
	const models = new Map<number, string>(products.map((p: { id: number; model: string }) => [Number(p.id), p.model]));
	const inCategory = new Set(products.filter((p: { category: string }) => !category || p.category === category).map((p: { id: number }) => Number(p.id)));
	const faults = counted.filter((f) => inCategory.has(Number(f.product))).sort((a, b) => b.count - a.count).slice(0, 20);
	return { month, alerts, top_faults: faults.map((f) => ({ product_model: models.get(Number(f.product)) ?? null, fault_category: f.fault_category, repairs: f.count })) };
}

const ALERT_COLUMNS: Column<QualityReportAlert>[] = [
	{ key: 'level', zh: '预警级别', en: 'Level', value: (a) => a.level },
	{ key: 'product_model', zh: '产品型号', en: 'Product', value: (a) => a.product_model },
	{ key: 'fault_category', zh: '故障类别', en: 'Fault category', value: (a) => a.fault_category },
	{ key: 'window_key', zh: '统计周期', en: 'Window', value: (a) => a.window_key },
	{ key: 'count', zh: '次数', en: 'Count', value: (a) => a.count },
	{ key: 'threshold', zh: '阈值', en: 'Threshold', value: (a) => a.threshold },
	{ key: 'route', zh: '责任部门', en: 'Routed to', value: (a) => a.route },
	{ key: 'status', zh: '状态', en: 'Status', value: (a) => a.status },
	{ key: 'raised_at', zh: '预警时间', en: 'Raised at', value: (a) => a.raised_at },
	{ key: 'preventive_action', zh: '预防措施', en: 'Preventive action', value: (a) => a.preventive_action },
];

export const qualityTable = (report: QualityReport): Table<QualityReportAlert> => ({ sheet: `质量月报 ${report.month}`, columns: ALERT_COLUMNS, rows: report.alerts });
