// RPT-2 service summary (month / year) and RPT-3 weekly request report: counted in SQL by grouped
// queries; each figure is a line (section, key, bilingual label, value) so JSON, CSV and XLSX
// carry the same list and a panel can render it without arithmetic.
import type { Knex } from 'knex';
import { formatMoney } from '../../domain/money';
import type { Column, Table } from './export-table';
import type { ReportPeriod } from './report-period';
import { dialectOf, rowsOf, toCount, toFen, type Dialect } from './sql-dialect';

export type SummaryLine = { section: string; key: string; label_zh: string; label_en: string; value: number | string | null };

const LABELS: Record<string, [string, string]> = {
	requests: ['报修与任务', 'Service requests'],
	complaints: ['投诉', 'Complaints'],
	repairs: ['维修', 'Repairs'],
	claims: ['三包索赔', 'Warranty claims'],
	deadlines: ['时限达成', 'Deadline compliance'],
	escalations: ['升级', 'Escalations'],
	satisfaction: ['满意度', 'Satisfaction'],
	by_month: ['按月', 'By month'],
	by_day: ['按日', 'By day'],
	by_channel: ['按渠道', 'By channel'],
	by_type: ['按类型', 'By type'],
	by_status: ['按状态', 'By status'],
	by_category: ['按类别', 'By category'],
};

const line = (section: string, key: string, label_zh: string, label_en: string, value: number | string | null): SummaryLine => ({ section, key, label_zh, label_en, value });

type Rows = Record<string, unknown>[];

function runner(knex: Knex) {
	return async (sql: string, bindings: unknown[]): Promise<Rows> => {
		const result = await knex.raw(sql, bindings as Knex.RawBinding[]);
		return rowsOf(result, knex) as Rows;
	};
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** RPT-2: volumes, deadline compliance, escalations, complaint categories and satisfaction. */
export async function computeServiceSummary(knex: Knex, period: ReportPeriod, byMonth: boolean): Promise<SummaryLine[]> {
	const d = dialectOf(knex);
	const rows = runner(knex);
	const range = [d.instant(period.start), d.instant(period.end)];
	const [reqByType, cmpByCategory, repairs, claims, timers, escalations, satisfaction, attitude, repeated] = await Promise.all([
		rows(`select type as k, count(*) as n from service_requests where received_at >= ? and received_at < ? group by type order by type`, range),
		rows(`select category as k, count(*) as n, sum(case when status = 'closed' then 1 else 0 end) as closed from complaints where received_at >= ? and received_at < ? group by category order by category`, range),
		rows(`select coverage as k, count(*) as n, sum(case when repeat_of is not null then 1 else 0 end) as repeats from repair_records where status <> 'cancelled' and completed_at >= ? and completed_at < ? group by coverage order by coverage`, range),
		rows(
			`select count(*) as n, sum(case when status in ('approved', 'settled') then 1 else 0 end) as approved, sum(case when status = 'rejected' then 1 else 0 end) as rejected,
			   ${d.sumFen('claimed_amount')} as claimed_fen, ${d.sumFen(`case when status in ('approved', 'settled') then approved_amount end`)} as approved_fen
			 from warranty_claims where status <> 'draft' and coalesce(submitted_at, date_created) >= ? and coalesce(submitted_at, date_created) < ?`,
			range,
		),
		rows(
			`select collection as k, sum(case when state = 'fulfilled' and (fulfilled_at is null or fulfilled_at <= due_at) then 1 else 0 end) as met,
			   sum(case when state = 'breached' or (state = 'fulfilled' and fulfilled_at > due_at) then 1 else 0 end) as missed
			 from sla_timers where due_at >= ? and due_at < ? group by collection order by collection`,
			range,
		),
		rows(`select kind as kind, level as level, count(*) as n from escalations where occurred_at >= ? and occurred_at < ? group by kind, level order by kind, level`, range),
		rows(`select count(*) as n, sum(satisfaction) as total from follow_ups where satisfaction is not null and done_at >= ? and done_at < ?`, range),
		// CMP-6: service-attitude complaints count against the staff member they are about.
		rows(
			`select c.subject_staff as k, u.first_name as first_name, u.last_name as last_name, count(*) as n
			 from complaints c left join directus_users u on u.id = c.subject_staff
			 where c.category = 'attitude' and c.subject_staff is not null and c.received_at >= ? and c.received_at < ?
			 group by c.subject_staff, u.first_name, u.last_name order by count(*) desc, c.subject_staff`,
			range,
		),
		// CMP-7: complaints that repeated others of their kind.
		rows(`select count(*) as n from complaints where repeated = ? and received_at >= ? and received_at < ?`, [true, ...range]),
	]);
	const lines: SummaryLine[] = [];
	const total = (list: Rows) => list.reduce((sum, r) => sum + toCount(r['n']), 0);
	lines.push(line('requests', 'requests_total', '报修与任务合计', 'Requests received', total(reqByType)));
	for (const r of reqByType) lines.push(line('requests', `requests_type_${r['k']}`, `类型 ${r['k']}`, `Type ${r['k']}`, toCount(r['n'])));
	lines.push(line('complaints', 'complaints_total', '投诉合计', 'Complaints received', total(cmpByCategory)));
	lines.push(line('complaints', 'complaints_closed', '已结案投诉', 'Complaints closed', cmpByCategory.reduce((s, r) => s + toCount(r['closed']), 0)));
	for (const r of cmpByCategory) lines.push(line('complaints', `complaints_category_${r['k']}`, `类别 ${r['k']}`, `Category ${r['k']}`, toCount(r['n'])));
	lines.push(line('complaints', 'complaints_repeated', '重复投诉', 'Repeated complaints', toCount(repeated[0]?.['n'])));
	for (const r of attitude) {
		const name = `${r['last_name'] ?? ''}${r['first_name'] ?? ''}`.trim() || String(r['k']);
		lines.push(line('complaints', `complaints_attitude_staff_${r['k']}`, `服务态度投诉 · ${name}`, `Service-attitude complaints · ${name}`, toCount(r['n'])));
	}
	lines.push(line('repairs', 'repairs_total', '完工维修', 'Repairs completed', total(repairs)));
	lines.push(line('repairs', 'repairs_repeat', '重复修理', 'Repeat repairs', repairs.reduce((s, r) => s + toCount(r['repeats']), 0)));
	for (const r of repairs) lines.push(line('repairs', `repairs_coverage_${r['k']}`, `服务性质 ${r['k']}`, `Coverage ${r['k']}`, toCount(r['n'])));
	const c = claims[0] ?? {};
	lines.push(line('claims', 'claims_submitted', '提交索赔', 'Claims submitted', toCount(c['n'])));
	lines.push(line('claims', 'claims_approved', '核准索赔', 'Claims approved', toCount(c['approved'])));
	lines.push(line('claims', 'claims_rejected', '拒赔索赔', 'Claims rejected', toCount(c['rejected'])));
	lines.push(line('claims', 'claimed_amount', '申请金额', 'Amount claimed', formatMoney(toFen(c['claimed_fen']))));
	lines.push(line('claims', 'approved_amount', '核准金额', 'Amount approved', formatMoney(toFen(c['approved_fen']))));
	let met = 0, missed = 0;
	for (const r of timers) {
		met += toCount(r['met']);
		missed += toCount(r['missed']);
		lines.push(line('deadlines', `deadlines_${r['k']}`, `${r['k']} 达成率%`, `${r['k']} met %`, pct(toCount(r['met']), toCount(r['met']) + toCount(r['missed']))));
	}
	lines.push(line('deadlines', 'deadlines_met', '按时达成', 'Deadlines met', met));
	lines.push(line('deadlines', 'deadlines_missed', '超时', 'Deadlines missed', missed));
	lines.push(line('deadlines', 'deadline_compliance', '时限达成率%', 'Deadline compliance %', pct(met, met + missed)));
	lines.push(line('escalations', 'escalations_total', '升级合计', 'Escalations', total(escalations)));
	for (const r of escalations) lines.push(line('escalations', `escalations_${r['kind']}_l${r['level']}`, `${r['kind'] === 'breach' ? '超时升级' : '预警'} L${r['level']}`, `${r['kind']} L${r['level']}`, toCount(r['n'])));
	const s = satisfaction[0] ?? {};
	const responses = toCount(s['n']);
	lines.push(line('satisfaction', 'satisfaction_responses', '满意度回访数', 'Satisfaction responses', responses));
	lines.push(line('satisfaction', 'satisfaction_avg', '平均满意度', 'Average satisfaction', responses > 0 ? Math.round((toCount(s['total']) / responses) * 100) / 100 : null));
	if (byMonth) lines.push(...(await monthlyVolumes(knex, d, period)));
	return lines;
}

async function monthlyVolumes(knex: Knex, d: Dialect, period: ReportPeriod): Promise<SummaryLine[]> {
	const rows = runner(knex);
	const range = [d.instant(period.start), d.instant(period.end)];
	const month = (column: string) => d.localMonth(column, period.timeZone, period.offsetMinutes);
	const [requests, complaints, repairs] = await Promise.all([
		rows(`select ${month('received_at')} as m, count(*) as n from service_requests where received_at >= ? and received_at < ? group by ${month('received_at')} order by 1`, range),
		rows(`select ${month('received_at')} as m, count(*) as n from complaints where received_at >= ? and received_at < ? group by ${month('received_at')} order by 1`, range),
		rows(`select ${month('completed_at')} as m, count(*) as n from repair_records where status <> 'cancelled' and completed_at >= ? and completed_at < ? group by ${month('completed_at')} order by 1`, range),
	]);
	const lines: SummaryLine[] = [];
	for (const [key, zh, en, list] of [['requests', '报修', 'Requests', requests], ['complaints', '投诉', 'Complaints', complaints], ['repairs', '维修', 'Repairs', repairs]] as const) {
		for (const r of list) lines.push(line('by_month', `${key}_${r['m']}`, `${r['m']} ${zh}`, `${r['m']} ${en}`, toCount(r['n'])));
	}
	return lines;
}

/** RPT-3: the week's calls and requests by day, channel, type and status, and answers within 1 h (REQ-2). */
export async function computeWeeklyReport(knex: Knex, period: ReportPeriod, answerMinutes = 60): Promise<SummaryLine[]> {
	const d = dialectOf(knex);
	const rows = runner(knex);
	const range = [d.instant(period.start), d.instant(period.end)];
	const day = d.localDay('received_at', period.timeZone, period.offsetMinutes);
	const answered = d.withinMinutes('received_at', 'first_response_at', answerMinutes);
	const [byDay, byChannel, byType, byStatus, totals, complaints] = await Promise.all([
		rows(`select ${day} as k, count(*) as n from service_requests where received_at >= ? and received_at < ? group by ${day} order by 1`, range),
		rows(`select channel as k, count(*) as n from service_requests where received_at >= ? and received_at < ? group by channel order by channel`, range),
		rows(`select type as k, count(*) as n from service_requests where received_at >= ? and received_at < ? group by type order by type`, range),
		rows(`select status as k, count(*) as n from service_requests where received_at >= ? and received_at < ? group by status order by status`, range),
		rows(`select count(*) as n, sum(case when first_response_at is not null and ${answered.sql} then 1 else 0 end) as answered from service_requests where received_at >= ? and received_at < ?`, [...answered.bindings, ...range]),
		rows(`select category as k, count(*) as n from complaints where received_at >= ? and received_at < ? group by category order by category`, range),
	]);
	const t = totals[0] ?? {};
	const lines: SummaryLine[] = [
		line('requests', 'requests_total', '本周报修与来电', 'Requests this week', toCount(t['n'])),
		line('requests', 'answered_in_time', `${answerMinutes} 分钟内答复`, `Answered within ${answerMinutes} min`, toCount(t['answered'])),
		line('requests', 'answer_compliance', '及时答复率%', 'Answered in time %', pct(toCount(t['answered']), toCount(t['n']))),
	];
	for (const r of byDay) lines.push(line('by_day', `day_${r['k']}`, String(r['k']), String(r['k']), toCount(r['n'])));
	for (const r of byChannel) lines.push(line('by_channel', `channel_${r['k']}`, `渠道 ${r['k']}`, `Channel ${r['k']}`, toCount(r['n'])));
	for (const r of byType) lines.push(line('by_type', `type_${r['k']}`, `类型 ${r['k']}`, `Type ${r['k']}`, toCount(r['n'])));
	for (const r of byStatus) lines.push(line('by_status', `status_${r['k']}`, `状态 ${r['k']}`, `Status ${r['k']}`, toCount(r['n'])));
	for (const r of complaints) lines.push(line('complaints', `complaints_category_${r['k']}`, `投诉 ${r['k']}`, `Complaints ${r['k']}`, toCount(r['n'])));
	return lines;
}

export const SUMMARY_COLUMNS: Column<SummaryLine>[] = [
	{ key: 'section', zh: '分类', en: 'Section', value: (l) => `${LABELS[l.section]?.[0] ?? l.section} ${LABELS[l.section]?.[1] ?? ''}`.trim() },
	{ key: 'key', zh: '指标键', en: 'Key', value: (l) => l.key },
	{ key: 'label_zh', zh: '指标', en: 'Figure (zh)', value: (l) => l.label_zh },
	{ key: 'label_en', zh: '指标（英文）', en: 'Figure', value: (l) => l.label_en },
	{ key: 'value', zh: '数值', en: 'Value', value: (l) => l.value },
];

export const summaryTable = (sheet: string, lines: readonly SummaryLine[]): Table<SummaryLine> => ({ sheet, columns: SUMMARY_COLUMNS, rows: lines });
