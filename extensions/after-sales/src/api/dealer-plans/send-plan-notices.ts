// DLR-3: reminders to dealers whose parts plan for the coming season is due soon, and the notice to
// the service managers once it is overdue. Each is one Directus notification under a unique
// notice_key (dealer, season, year, person), so retries, repeated runs and several instances
// send it once.
import type { Knex } from 'knex';
import { computePlanNotices, type PartsPlan } from '../../domain/dealer-plans';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';
import type { PackContext } from '../lib/context';
import { toJsonArray } from '../lib/db-values';
import { insertManyOnce } from '../lib/insert-once';
import { catalogNotice } from '../../domain/notifications';
import { activeUsersOf, noticeRows } from '../notices/notice-row';
import { channelsOf, loadSettings } from '../services/settings';
import { loadPlanSettings } from './load-plan-settings';

export type PlanNoticeReport = { dealers_reminded: number; dealers_overdue: number; notices: number };

/** Dealers that sell: active or on probation (DLR-1). */
const SELLING = ['active', 'probation'];

export async function sendPlanNotices(ctx: PackContext, knex: Knex, now: Date, only: { dealer?: number } = {}): Promise<PlanNoticeReport> {
	const { plans: settings, timezone } = await loadPlanSettings(knex);
	const channels = channelsOf((await loadSettings(knex)).raw, ctx);
	const today = computeLocalDate(now, timezone);
	const query = knex('dealers').whereIn('status', SELLING).orderBy('id').select('id', 'code', 'parts_plans');
	if (only.dealer !== undefined) query.where({ id: only.dealer });
	const dealers = (await query).map((d: { id: number; code: string | null; parts_plans: unknown }) => ({
		id: Number(d.id), code: d.code, filed: toJsonArray(d.parts_plans).filter((p: PartsPlan) => p && typeof p === 'object').map((p: PartsPlan) => ({ season: String(p.season), year: Number(p.year) })),
	}));
	const due = computePlanNotices(dealers, settings.seasons, settings.lead_days, settings.reminder_days, today);
	const report: PlanNoticeReport = { dealers_reminded: 0, dealers_overdue: 0, notices: 0 };
	if (!due.length) return report;
	const managers = due.some((n) => n.kind === 'missed') ? await activeUsersOf(knex, 'service_manager') : [];
	for (const notice of due) {
		const recipients = notice.kind === 'reminder'
			? ((await knex('directus_users').where({ dealer: notice.dealer, status: 'active' }).orderBy('id').select('id')) as { id: string }[]).map((u) => String(u.id))
			: managers;
		const params = { year: notice.year, label: notice.label, deadline: notice.deadline, starts_on: notice.starts_on, code: notice.code ?? notice.dealer };
		const text = notice.kind === 'reminder'
			? catalogNotice('notice.plan_reminder_subject', 'notice.plan_reminder_message', params)
			: catalogNotice('notice.plan_missed_subject', 'notice.plan_missed_message', params);
		const rows = await noticeRows(knex, recipients.map((person) => ({
			key: `${notice.key}:${person}`, recipient: person, kind: notice.kind === 'reminder' ? 'warning' as const : 'breach' as const, collection: 'dealers', item: notice.dealer, text,
		})), channels, now);
		const inserted = await insertManyOnce(knex, 'directus_notifications', rows, 'notice_key');
		report.notices += inserted;
		if (inserted) report[notice.kind === 'reminder' ? 'dealers_reminded' : 'dealers_overdue']++;
	}
	return report;
}
