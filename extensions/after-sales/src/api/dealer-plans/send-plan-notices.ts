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
import { activeUsersOf, noticeRow } from '../notices/notice-row';
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
		const subject = notice.kind === 'reminder'
			? `配件计划提醒：${notice.year} ${notice.label}计划请于 ${notice.deadline} 前提交 / Parts plan due by ${notice.deadline}`
			: `经销商 ${notice.code ?? notice.dealer} 未按时提交配件计划（${notice.year} ${notice.label}）/ Dealer ${notice.code ?? notice.dealer} missed its parts plan`;
		const message = notice.kind === 'reminder'
			? `请在 ${notice.deadline} 前（销售季节 ${notice.starts_on} 开始前）在经销商门户提交三包件和易损件配件计划；未按计划备货造成的后果由经销商负责（DLR-3）。Please file your warranty and wear parts plan in the dealer portal by ${notice.deadline}, before the season starts on ${notice.starts_on}; shortages from not stocking are the dealer's responsibility (DLR-3).`
			: `经销商 ${notice.code ?? notice.dealer} 的 ${notice.year} ${notice.label}配件计划截止 ${notice.deadline}，至今未提交（DLR-3）。Dealer ${notice.code ?? notice.dealer} has not filed its parts plan for ${notice.year} ${notice.label}, due ${notice.deadline} (DLR-3).`;
		const rows = recipients.map((person) => noticeRow(knex, {
			key: `${notice.key}:${person}`, recipient: person, kind: notice.kind === 'reminder' ? 'warning' : 'breach', collection: 'dealers', item: notice.dealer, subject, message,
		}, channels, now));
		const inserted = await insertManyOnce(knex, 'directus_notifications', rows, 'notice_key');
		report.notices += inserted;
		if (inserted) report[notice.kind === 'reminder' ? 'dealers_reminded' : 'dealers_overdue']++;
	}
	return report;
}
