// DLR-2: when a dealer task is scheduled (the dealer portal, or the desk moving the planned visit
// in the Studio), the customer is told the visit time through the customer-message pipeline (a
// `visit_notice` follow-up with its SMS / e-mail deliveries, sent by the sweep) and the technical
// department gets an in-app notice. Both are keyed by (task, scheduled time), so running this
// again for the same scheduling adds nothing, and a reschedule tells again with the new time (a
// still-unsent notice of the old time is withdrawn).
import { formatLocalInstant } from '../../domain/calendar';
import { decideVisitNotices } from '../../domain/follow-ups';
import type { PackContext } from '../lib/context';
import { toInstant, toStoredInstant } from '../lib/db-values';
import { insertManyOnce } from '../lib/insert-once';
import { writeFollowUps } from '../follow-ups/write-follow-ups';
import { loadFollowUpSettings } from '../follow-ups/load-follow-up-settings';
import { activeUsersOf, noticeRows } from '../notices/notice-row';

export async function tellScheduled(ctx: PackContext, ids: readonly number[], now = new Date()): Promise<{ customer: number; staff: number }> {
	const counts = { customer: 0, staff: 0 };
	if (!ids.length) return counts;
	const rows: Record<string, unknown>[] = await ctx.database('service_requests as s').leftJoin('dealers as d', 'd.id', 's.dealer')
		.whereIn('s.id', ids as number[]).whereNotNull('s.dealer').whereNotNull('s.scheduled_for')
		.select('s.id', 's.status', 's.dealer', 's.customer', 's.scheduled_for', 's.problem', 'd.name as dealer_name');
	if (!rows.length) return counts;
	const settings = await loadFollowUpSettings(ctx);
	const technical = await activeUsersOf(ctx.database, 'technical_dept');
	for (const row of rows) {
		const at = toInstant(row['scheduled_for'], ctx.database);
		const task = {
			id: Number(row['id']), status: String(row['status']), dealer: Number(row['dealer']), dealer_name: (row['dealer_name'] as string | null) ?? null,
			customer: row['customer'] === null || row['customer'] === undefined ? null : Number(row['customer']), scheduled_for: at, problem: String(row['problem'] ?? ''),
		};
		const plan = decideVisitNotices(task, technical, at ? formatLocalInstant(at, settings.calendar.timezone).slice(0, 16) : '', now);
		if (!plan) continue;
		if (plan.visit) {
			const inserted = await writeFollowUps(ctx.database, [plan.visit], settings, now);
			counts.customer += inserted;
			// The old time's notice, not sent yet, would tell the customer a visit that is no longer planned.
			if (inserted) {
				await ctx.database('follow_ups').where({ service_request: task.id, kind: 'visit_notice', status: 'planned' }).whereNot('follow_up_key', plan.visit.follow_up_key)
					.update({ status: 'cancelled', next_delivery_at: null, date_updated: toStoredInstant(now, ctx.database) });
			}
		}
		const notices = await noticeRows(ctx.database, plan.notices.map((n) => ({ ...n, kind: 'dealer_task' as const, collection: 'service_requests', item: task.id })), settings.channels, now);
		counts.staff += await insertManyOnce(ctx.database, 'directus_notifications', notices, 'notice_key');
	}
	return counts;
}
