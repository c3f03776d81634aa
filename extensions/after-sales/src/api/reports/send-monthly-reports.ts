// RPT-2, RPT-5: the month's reports go out by themselves. From the first day of a month the sweep
// sends the previous month's service summary to the service managers and leadership (RPT-2) and
// its quality-problem report to the technical department and the service managers (RPT-5): one
// notice per (report, month, person) under its `notice_key`, so several instances and restarts
// send it once; in the inbox, by e-mail and to the robots that want `report`, with the key figures
// and links to the full report as XLSX. The same month's dealer ratings are reviewed (DLR-4).
import type { Knex } from 'knex';
import { computeDatePlusDays } from '../../domain/warranty';
import { computeQualityReport } from '../quality/quality-report';
import type { PackContext } from '../lib/context';
import { insertManyOnce } from '../lib/insert-once';
import { reviewDealerRatings } from '../dealers/rating';
import { activeUsersOf, noticeRow } from '../notices/notice-row';
import { channelsOf, loadSettings } from '../services/settings';
import { parseSummaryQuery } from './parse-report-query';
import { todayIn, toReportPeriod } from './report-period';
import { computeServiceSummary } from './summary-report';

let sentFor: string | null = null;

/** The month before the one `today` (YYYY-MM-DD) lies in. */
export const previousMonth = (today: string) => computeDatePlusDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

export async function sendMonthlyReports(ctx: PackContext, knex: Knex, now: Date): Promise<number> {
	const settings = await loadSettings(knex);
	const today = todayIn(now, settings.calendar.timezone);
	const month = previousMonth(today);
	if (sentFor === month) return 0;
	const query = parseSummaryQuery({ period: 'month', at: month }, today);
	const period = toReportPeriod(query.from, query.to, settings.calendar.timezone, today);
	const [lines, quality] = await Promise.all([computeServiceSummary(knex, period, false), computeQualityReport(knex, month, period)]);
	const value = (key: string) => lines.find((l) => l.key === key)?.value ?? 0;
	const base = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/+$/, '');
	const link = (path: string) => `${base}/after-sales/reports/${path}`;
	const channels = channelsOf(settings.raw, ctx);
	const reports = [
		{
			kind: 'summary', people: await activeUsersOf(knex, 'service_manager', 'leadership'),
			subject: `售后服务月度小结 ${month} / Service summary ${month}`,
			message: [
				`报修与任务 ${value('requests_total')} · 投诉 ${value('complaints_total')}（重复 ${value('complaints_repeated')}）· 完工维修 ${value('repairs_total')}（重复修理 ${value('repairs_repeat')}）`,
				`时限达成率 ${value('deadline_compliance') ?? '—'}% · 升级 ${value('escalations_total')} · 平均满意度 ${value('satisfaction_avg') ?? '—'}（${value('satisfaction_responses')} 份）`,
				link(`summary?period=month&at=${month}&format=xlsx`),
			].join('\n'),
		},
		{
			kind: 'quality', people: await activeUsersOf(knex, 'technical_dept', 'service_manager'),
			subject: `质量问题月报 ${month} / Quality report ${month}`,
			message: [
				`质量预警 ${quality.alerts.length} 条（其中未关闭的往月预警 ${quality.alerts.filter((a) => a.carried_over).length} 条，未填预防措施 ${quality.alerts.filter((a) => !a.preventive_action).length} 条）`,
				...quality.top_faults.slice(0, 3).map((f) => `${f.product_model ?? '—'} · ${f.fault_category}：${f.repairs} 次维修`),
				link(`quality?month=${month}&format=xlsx`),
			].join('\n'),
		},
	];
	const rows = reports.flatMap((r) => r.people.map((person) => noticeRow(knex, {
		key: `reports:${r.kind}:${month}:${person}`, recipient: person, kind: 'report', collection: null, item: null, subject: r.subject, message: r.message,
	}, channels, now)));
	const sent = await insertManyOnce(knex, 'directus_notifications', rows, 'notice_key');
	// DLR-4: the month's dealer ratings are reviewed with its reports; proposals go to the service managers.
	try {
		await reviewDealerRatings(ctx, knex, month, null, now);
	} catch (error) {
		ctx.logger.error(`[after-sales] DLR-4: the dealer rating review of ${month} failed: ${(error as Error).message}`);
	}
	sentFor = month;
	return sent;
}
