// Report and quality routes (RPT-1..5, DLR-4): parse → compute in SQL → respond as JSON, CSV or
// XLSX. Staff only; dealers and technicians get 403.
import type { NextFunction, Request, Response, Router } from 'express';
import { computeQualityReport, qualityTable } from '../quality/quality-report';
import { runQualityScan } from '../quality/scan';
import { assertStaff, hasRole, resolveCaller, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { forbidden, toDirectusError } from '../lib/errors';
import { loadSettings } from '../services/settings';
import { computeDealerReport, loadRatingSettings, loadScheduleMinutes, resolveDealer } from './dealer-report';
import { dealerTable } from './dealer-report-table';
import { sendReport } from './export-table';
import { computeDealerTrend, computeSlaBoard, lastMonths } from './insights';
import { parseDealerReportQuery, parseQualityReportQuery, parseSlaBoardQuery, parseSummaryQuery, parseTrendQuery, parseWeeklyQuery } from './parse-report-query';
import { toReportPeriod, todayIn } from './report-period';
import { computeServiceSummary, computeWeeklyReport, summaryTable } from './summary-report';
import { msg } from '../../domain/messages';

type Handler = (caller: Caller, req: Request, res: Response, now: Date) => Promise<void>;

export function registerReportRoutes(router: Router, ctx: PackContext) {
	const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
		try {
			const caller = await resolveCaller(ctx.database, (req as unknown as { accountability: never }).accountability);
			await handler(caller, req, res, new Date());
		} catch (error) {
			next(toDirectusError(error));
		}
	};
	const query = (req: Request) => req.query as Record<string, unknown>;

	router.get('/reports/dealers', route(async (caller, req, res, now) => {
		assertStaff(caller, 'RPT-1');
		const knex = ctx.database;
		const { calendar, reportMaxRangeDays } = await loadSettings(knex);
		const today = todayIn(now, calendar.timezone);
		const input = parseDealerReportQuery(query(req), today, reportMaxRangeDays);
		const dealer = await resolveDealer(knex, input.dealer, 'RPT-1');
		const [{ thresholds, weights }, scheduleMinutes] = await Promise.all([loadRatingSettings(knex), loadScheduleMinutes(knex)]);
		const report = await computeDealerReport(knex, toReportPeriod(input.from, input.to, calendar.timezone, today), { dealer, scheduleMinutes, thresholds, weights });
		await sendReport(res, input.format, `dealer-report_${input.from}_${input.to}`, report, () => [dealerTable(report.dealers)]);
	}));

	router.get('/reports/summary', route(async (caller, req, res, now) => {
		assertStaff(caller, 'RPT-2');
		const { calendar } = await loadSettings(ctx.database);
		const today = todayIn(now, calendar.timezone);
		const input = parseSummaryQuery(query(req), today);
		const lines = await computeServiceSummary(ctx.database, toReportPeriod(input.from, input.to, calendar.timezone, today), input.period === 'year');
		const data = { period: input.period, at: input.at, from: input.from, to: input.to, lines };
		await sendReport(res, input.format, `service-summary_${input.at}`, data, () => [summaryTable(`售后小结 ${input.at}`, lines)]);
	}));

	router.get('/reports/weekly', route(async (caller, req, res, now) => {
		assertStaff(caller, 'RPT-3');
		const { calendar } = await loadSettings(ctx.database);
		const today = todayIn(now, calendar.timezone);
		const input = parseWeeklyQuery(query(req), today);
		const lines = await computeWeeklyReport(ctx.database, toReportPeriod(input.from, input.to, calendar.timezone, today));
		const data = { week: input.week, from: input.from, to: input.to, lines };
		await sendReport(res, input.format, `weekly-requests_${input.week}`, data, () => [summaryTable(`周报 ${input.week}`, lines)]);
	}));

	router.get('/reports/quality', route(async (caller, req, res, now) => {
		assertStaff(caller, 'RPT-5');
		const { calendar } = await loadSettings(ctx.database);
		const today = todayIn(now, calendar.timezone);
		const input = parseQualityReportQuery(query(req), today);
		const summary = parseSummaryQuery({ period: 'month', at: input.month }, today);
		const report = await computeQualityReport(ctx.database, input.month, toReportPeriod(summary.from, summary.to, calendar.timezone, today), input.category);
		await sendReport(res, input.format, `quality-report_${input.month}`, report, () => [qualityTable(report)]);
	}));

	router.get('/reports/dealers/trend', route(async (caller, req, res, now) => {
		assertStaff(caller, 'RPT-1');
		const knex = ctx.database;
		const { calendar } = await loadSettings(knex);
		const today = todayIn(now, calendar.timezone);
		const input = parseTrendQuery(query(req));
		const dealer = await resolveDealer(knex, input.dealer, 'RPT-1');
		const months = lastMonths(today, input.months);
		const period = toReportPeriod(`${months[0]}-01`, today, calendar.timezone, today);
		const points = await computeDealerTrend(knex, period, months, dealer, await loadScheduleMinutes(knex));
		res.json({ data: { dealer, months: points } });
	}));

	router.get('/reports/sla-board', route(async (caller, req, res) => {
		assertStaff(caller, 'ESC-1');
		const { collection } = parseSlaBoardQuery(query(req));
		res.json({ data: await computeSlaBoard(ctx.database, collection) });
	}));

	router.post('/quality/scan', route(async (caller, _req, res, now) => {
		assertStaff(caller, 'RPT-4');
		if (!hasRole(caller, 'service_manager')) throw forbidden('RPT-4', msg('scope.quality_scan'));
		res.json({ data: await runQualityScan(ctx, now) });
	}));
}
