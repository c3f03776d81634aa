// RPT-4 (层层重点预警): counts repairs by product × fault category in the month, quarter and year
// containing today, raises a quality_alerts row for each threshold crossed and notifies the
// owners in-app. Once per window is enforced by the unique alert_key column: a duplicate insert
// (a second sweep, a second instance) fails in the database and is skipped.
import type { Knex } from 'knex';
import type { MessageKey } from '../../domain/messages';
import { line, noticeInEachLanguage } from '../../domain/notifications';
import { languagesOf } from '../lib/error-language';
import { valueLabel } from '../lib/labels';
import { computeQualityAlerts, computeWindowRange, QUALITY_WINDOWS, QualityThresholdsSchema, type FaultCount, type QualityAlert, type QualityThresholds } from '../../domain/quality';
import { ROLE_BY_KEY, type RoleKey } from '../install/roles';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';
import { ruleViolation } from '../lib/errors';
import { loadSettings } from '../services/settings';
import { toReportPeriod, todayIn } from '../reports/report-period';
import { dialectOf, rowsOf, toCount } from '../reports/sql-dialect';
import { toJson } from '../lib/db-values';

/** Fault causes that point at use or service rather than design (routed for training). */
const SERVICE_CAUSES = ['misuse', 'unauthorised_disassembly', 'customer_supplied_part'];

export type ScanResult = { today: string; candidates: number; raised: number; notified: number; alerts: Array<QualityAlert & { id: number }> };

export async function loadQualityThresholds(knex: Knex): Promise<QualityThresholds> {
	const row = await knex('service_settings').first('quality_thresholds');
	const raw = toJson(row?.quality_thresholds) ?? {};
	const parsed = QualityThresholdsSchema.safeParse(raw ?? {});
	if (!parsed.success) throw ruleViolation('RPT-4', `service_settings.quality_thresholds.${parsed.error.issues[0]!.path.join('.')}`, parsed.error.issues[0]!.message);
	return parsed.data;
}

/** RPT-4: repairs per product and fault category in one window, with the share of service-caused faults. */
export async function countFaults(knex: Knex, from: Date, to: Date, window: FaultCount['window']): Promise<FaultCount[]> {
	const d = dialectOf(knex);
	const at = 'coalesce(r.completed_at, r.received_at, r.date_created)';
	const causes = SERVICE_CAUSES.map(() => '?').join(', ');
	const result = await knex.raw(
		`select u.product as product, r.fault_category as fault_category, count(*) as n, sum(case when r.fault_cause in (${causes}) then 1 else 0 end) as service_n
		 from repair_records r join units u on u.id = r.unit
		 where r.status <> 'cancelled' and u.product is not null and ${at} >= ? and ${at} < ?
		 group by u.product, r.fault_category`,
		[...SERVICE_CAUSES, d.instant(from), d.instant(to)] as Knex.RawBinding[],
	);
	const rows = rowsOf(result, knex) as Record<string, unknown>[];
	return rows.map((r) => ({
		product: Number(r['product']),
		fault_category: String(r['fault_category']),
		window,
		count: toCount(r['n']),
		origin: toCount(r['service_n']) * 2 > toCount(r['n']) ? 'service' : 'design',
	}));
}

export async function runQualityScan(ctx: PackContext, now: Date): Promise<ScanResult> {
	const knex = ctx.database;
	const d = dialectOf(knex);
	const settings = await loadSettings(knex);
	const timeZone = settings.calendar.timezone;
	const today = todayIn(now, timeZone);
	const thresholds = await loadQualityThresholds(knex);
	const counts: FaultCount[] = [];
	for (const window of QUALITY_WINDOWS) {
		const range = computeWindowRange(window, today);
		const period = toReportPeriod(range.from, range.to, timeZone, today);
		counts.push(...(await countFaults(knex, period.start, period.end, window)));
	}
	const candidates = computeQualityAlerts(counts, thresholds, today);
	const raised: ScanResult['alerts'] = [];
	for (const alert of candidates) {
		const key = alert.idempotency_key!;
		if (await knex('quality_alerts').where({ alert_key: key }).first('id')) continue;
		try {
			await knex('quality_alerts').insert({
				alert_key: key, product: alert.product, fault_category: alert.fault_category, window: alert.window, window_key: alert.window_key,
				count: alert.count, threshold: alert.threshold, level: alert.level, route: alert.route, status: 'open', raised_at: d.instant(now),
			});
		} catch (error) {
			// Another sweep inserted the same window's alert first: the unique key did its job.
			if (await knex('quality_alerts').where({ alert_key: key }).first('id')) continue;
			throw error;
		}
		const row = await knex('quality_alerts').where({ alert_key: key }).first('id');
		raised.push({ ...alert, id: Number(row.id) });
	}
	const notified = await notifyOwners(ctx, raised);
	return { today, candidates: candidates.length, raised: raised.length, notified, alerts: raised };
}

const WINDOW: Record<string, MessageKey> = { month: 'notice.window_month', quarter: 'notice.window_quarter', year: 'notice.window_year' };

async function notifyOwners(ctx: PackContext, alerts: ScanResult['alerts']): Promise<number> {
	if (alerts.length === 0) return 0;
	const knex = ctx.database;
	const products = new Map<number, string>(
		(await knex('products').whereIn('id', [...new Set(alerts.map((a) => Number(a.product)))]).select('id', 'model')).map((p: { id: number; model: string }) => [Number(p.id), p.model]),
	);
	const schema = await ctx.getSchema();
	const Notifications = ctx.services['NotificationsService']!;
	const notifications = new Notifications({ schema, accountability: SYSTEM_ACCOUNTABILITY, knex });
	let sent = 0;
	for (const alert of alerts) {
		const role = ROLE_BY_KEY.get(alert.route as RoleKey);
		if (!role) {
			ctx.logger.warn(`RPT-4: quality alert ${alert.id} is routed to ${alert.route}, which is not a pack role; nobody notified`);
			continue;
		}
		const users: { id: string }[] = await knex('directus_users').where({ role: role.id, status: 'active' }).select('id');
		const model = products.get(Number(alert.product)) ?? `#${alert.product}`;
		const languageOf = await languagesOf(knex, users.map((u) => String(u.id)));
		const params = { level: alert.level, model, fault: alert.fault_category, count: alert.count, threshold: alert.threshold, period: alert.window_key ?? '' };
		const text = noticeInEachLanguage((language) => {
			const window = WINDOW[alert.window] ? line(language, WINDOW[alert.window]!) : alert.window;
			const fault = valueLabel('repair_records', 'fault_category', alert.fault_category, language) ?? alert.fault_category;
			return { subject: line(language, 'notice.quality_alert_subject', { ...params, window, fault }), message: line(language, 'notice.quality_alert_message', { ...params, fault }) };
		});
		for (const user of users) {
			await notifications.createOne({
				recipient: user.id,
				...text[languageOf(String(user.id))],
				collection: 'quality_alerts',
				item: String(alert.id),
			});
			sent++;
		}
	}
	return sent;
}
