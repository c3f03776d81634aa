// RPT-2, RPT-5: the month's reports go out by themselves. From the day and time of
// `job_schedules.monthly_reports` (default the 1st, 08:00 in the calendar's zone) the sweep sends
// the previous month's service summary to the service managers and leadership (RPT-2) and its
// quality-problem report to the technical department and the service managers (RPT-5); in January
// also the previous year's summary. One notice per (report, period, person) under its
// `notice_key`, so several instances and restarts send it once; in the inbox, by e-mail and to the
// robots that want `report`, with the key figures, the report as an XLSX file in the Directus file
// library (folder 售后报表) and the link to the live report. The month's dealer ratings are
// reviewed with them (DLR-4).
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { Language, MessageKey } from '../../domain/messages';
import { line, noticeInEachLanguage } from '../../domain/notifications';
import { computeDatePlusDays } from '../../domain/warranty';
import { formatLocalInstant } from '../../domain/calendar';
import { decideMonthlyReports } from '../../domain/schedules';
import { qualityTable } from '../quality/quality-report';
import { insertOnce } from '../lib/insert-once';
import { SYSTEM_ACCOUNTABILITY } from '../lib/context';
import { toXlsx, type Table } from './export-table';
import { computeQualityReport } from '../quality/quality-report';
import type { PackContext } from '../lib/context';
import { insertManyOnce } from '../lib/insert-once';
import { valueLabel } from '../lib/labels';
import { reviewDealerRatings } from '../dealers/rating';
import { activeUsersOf, noticeRows, type NoticeInput } from '../notices/notice-row';
import { channelsOf, loadSettings } from '../services/settings';
import { parseSummaryQuery } from './parse-report-query';
import { todayIn, toReportPeriod } from './report-period';
import { computeServiceSummary, summaryTable, type SummaryLine } from './summary-report';

let sentFor: string | null = null;

/** The month before the one `today` (YYYY-MM-DD) lies in. */
export const previousMonth = (today: string) => computeDatePlusDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

/** The folder of the reports the pack files in the Directus file library (id owned by the pack). */
export const REPORT_FOLDER = 'a5a1e5a1-0000-4000-8000-00000000f002';

export async function sendMonthlyReports(ctx: PackContext, knex: Knex, now: Date): Promise<number> {
	const settings = await loadSettings(knex);
	const today = todayIn(now, settings.calendar.timezone);
	const due = decideMonthlyReports(settings.schedules, { date: today, time: formatLocalInstant(now, settings.calendar.timezone).slice(11) });
	if (!due) return 0;
	const { month, year } = due;
	if (sentFor === month) return 0;
	const query = parseSummaryQuery({ period: 'month', at: month }, today);
	const period = toReportPeriod(query.from, query.to, settings.calendar.timezone, today);
	const [lines, quality] = await Promise.all([computeServiceSummary(knex, period, false), computeQualityReport(knex, month, period)]);
	const yearLines = year ? await computeServiceSummary(knex, toReportPeriod(`${year}-01-01`, `${year}-12-31`, settings.calendar.timezone, today), true) : null;
	const figures = (all: readonly SummaryLine[]) => (language: Language) => {
		const value = (key: string) => all.find((l) => l.key === key)?.value ?? 0;
		return [
			line(language, 'notice.summary_line_work', { requests: value('requests_total'), complaints: value('complaints_total'), repeated: value('complaints_repeated'), repairs: value('repairs_total'), repeat_repairs: value('repairs_repeat') }),
			line(language, 'notice.summary_line_service', { compliance: value('deadline_compliance') ?? '—', escalations: value('escalations_total'), satisfaction: value('satisfaction_avg') ?? '—', responses: value('satisfaction_responses') }),
		];
	};
	const base = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/+$/, '');
	const link = (path: string) => `${base}/after-sales/reports/${path}`;
	const channels = channelsOf(settings.raw, ctx);
	type Report = { kind: string; period: string; people: string[]; subject: MessageKey; lines: (language: Language) => string[]; path: string; file: string; table: () => Table<any> };
	const reports: Report[] = [
		{
			kind: 'summary', period: month, people: await activeUsersOf(knex, 'service_manager', 'leadership'),
			subject: 'notice.summary_subject', lines: figures(lines),
			path: `summary?period=month&at=${month}&format=xlsx`, file: `service-summary_${month}.xlsx`, table: () => summaryTable(`售后小结 ${month}`, lines),
		},
		{
			kind: 'quality', period: month, people: await activeUsersOf(knex, 'technical_dept', 'service_manager'),
			subject: 'notice.quality_report_subject',
			lines: (language) => [
				line(language, 'notice.quality_line_alerts', { alerts: quality.alerts.length, carried: quality.alerts.filter((a) => a.carried_over).length, no_action: quality.alerts.filter((a) => !a.preventive_action).length }),
				...quality.top_faults.slice(0, 3).map((f) => line(language, 'notice.quality_line_fault', { model: f.product_model ?? '—', fault: valueLabel('repair_records', 'fault_category', f.fault_category, language) ?? f.fault_category, repairs: f.repairs })),
			],
			path: `quality?month=${month}&format=xlsx`, file: `quality-report_${month}.xlsx`, table: () => qualityTable(quality),
		},
		...(year && yearLines ? [{
			kind: 'summary-year', period: year, people: await activeUsersOf(knex, 'service_manager', 'leadership'),
			subject: 'notice.summary_year_subject' as const, lines: figures(yearLines),
			path: `summary?period=year&at=${year}&format=xlsx`, file: `service-summary_${year}.xlsx`, table: () => summaryTable(`售后年度小结 ${year}`, yearLines),
		}] : []),
	];
	// Only reports someone has not had yet are written as files and sent (a restart sends nothing twice).
	const keyOf = (r: Report, person: string) => `reports:${r.kind}:${r.period}:${person}`;
	const keys = reports.flatMap((r) => r.people.map((person) => keyOf(r, person)));
	const had = new Set(keys.length ? await knex('directus_notifications').whereIn('notice_key', keys).pluck('notice_key') : []);
	const notices: NoticeInput[] = [];
	for (const r of reports) {
		const people = r.people.filter((person) => !had.has(keyOf(r, person)));
		if (!people.length) continue;
		const fileId = await fileReport(ctx, knex, r.file, line('zh-CN', r.subject, { period: r.period }), r.table);
		const text = noticeInEachLanguage((language) => ({
			subject: line(language, r.subject, { period: r.period }),
			message: [...r.lines(language), `${base}/assets/${fileId}?download`, link(r.path)].join('\n'),
		}));
		notices.push(...people.map((person) => ({ key: keyOf(r, person), recipient: person, kind: 'report' as const, collection: null, item: null, text })));
	}
	const rows = await noticeRows(knex, notices, channels, now);
	const sent = rows.length ? await insertManyOnce(knex, 'directus_notifications', rows, 'notice_key') : 0;
	// DLR-4: the month's dealer ratings are reviewed with its reports; proposals go to the service managers.
	try {
		await reviewDealerRatings(ctx, knex, month, null, now);
	} catch (error) {
		ctx.logger.error(`[after-sales] DLR-4: the dealer rating review of ${month} failed: ${(error as Error).message}`);
	}
	sentFor = month;
	return sent;
}

/** RPT-2, RPT-5: the report as an XLSX in the file library (folder 售后报表); the same period's file is reused. */
async function fileReport(ctx: PackContext, knex: Knex, filename: string, title: string, table: () => Table<any>): Promise<string> {
	await insertOnce(knex, 'directus_folders', { id: REPORT_FOLDER, name: '售后报表 After-sales reports', parent: null }, 'id');
	const existing = await knex('directus_files').where({ folder: REPORT_FOLDER, filename_download: filename }).first('id');
	if (existing) return String(existing.id);
	const bytes = await toXlsx([table()]);
	const schema = await ctx.getSchema({ database: knex });
	const files = new ctx.services['FilesService']!({ schema, accountability: SYSTEM_ACCOUNTABILITY, knex });
	return String(await files.uploadOne(Readable.from(bytes), {
		storage: String(ctx.env['STORAGE_LOCATIONS'] ?? 'local').split(',')[0]!.trim(),
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		filename_download: filename,
		title,
		folder: REPORT_FOLDER,
	}));
}
