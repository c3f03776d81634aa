// GET /after-sales/overview — the figures behind the overview panel, computed in SQL.
import { assertStaff, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';

export async function getOverview(ctx: PackContext, caller: Caller) {
	assertStaff(caller);
	const knex = ctx.database;
	const count = async (query: ReturnType<typeof knex>) => Number(((await query.count({ n: '*' })) as { n: number | string }[])[0]?.n ?? 0);
	const figures = [
		{ key: 'open_requests', label_zh: '未结报修', label_en: 'Open requests', value: await count(knex('service_requests').whereNotIn('status', ['resolved', 'closed', 'cancelled'])) },
		{ key: 'open_complaints', label_zh: '未结投诉', label_en: 'Open complaints', value: await count(knex('complaints').whereNotIn('status', ['closed', 'rejected'])) },
		{ key: 'claims_in_review', label_zh: '审核中索赔', label_en: 'Claims in review', value: await count(knex('warranty_claims').whereIn('status', ['submitted', 'audited', 'inspected', 'approved'])) },
		{ key: 'units_card_late', label_zh: '回执卡逾期机器', label_en: 'Units with late card', value: await count(knex('units').where({ warranty_status: 'card_late' })) },
		{ key: 'breached_timers', label_zh: '已超时里程碑', label_en: 'Breached milestones', value: await count(knex('sla_timers').where({ state: 'breached' })) },
	];
	return { figures };
}
