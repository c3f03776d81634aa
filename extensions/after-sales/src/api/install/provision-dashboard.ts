// The default Insights dashboard "售后总览 / After-sales overview" (RPT-1..5), provisioned under
// fixed ids so a re-install neither duplicates it nor undoes an admin's rearrangement: a missing
// dashboard or panel is created, an existing one is left as the admin left it.
import { systemItems, type PackContext } from '../lib/context';

const id = (n: number) => `a5a1e5a1-0000-4000-9000-${String(n).padStart(12, '0')}`;

export const DASHBOARD_ID = id(1);

export const DASHBOARD = { id: DASHBOARD_ID, name: '售后总览 / After-sales overview', icon: 'support_agent', color: '#6644FF', note: '报修、时限、经销商与质量预警一览（RPT-1..5） / Requests, deadlines, dealers and quality alerts at a glance' };

export const DASHBOARD_PANELS = [
	{ id: id(11), type: 'after-sales-overview', name: '售后概况 / Overview', icon: 'support_agent', position_x: 1, position_y: 1, width: 48, height: 6, options: {} },
	{ id: id(12), type: 'after-sales-sla-board', name: '时限看板 / SLA board', icon: 'timer', position_x: 1, position_y: 7, width: 20, height: 16, options: {} },
	{ id: id(13), type: 'after-sales-quality-alerts', name: '质量预警 / Quality alerts', icon: 'warning', position_x: 21, position_y: 7, width: 28, height: 16, options: {} },
	{ id: id(14), type: 'after-sales-dealer-scorecard', name: '经销商记分卡 / Dealer scorecard', icon: 'leaderboard', position_x: 1, position_y: 23, width: 48, height: 36, options: { period: 'year', limit: 10, months: 6 } },
];

export async function provisionDashboard(ctx: PackContext): Promise<{ created: number }> {
	let created = 0;
	const dashboards = await systemItems(ctx, 'directus_dashboards', ctx.database, false);
	const existing = await dashboards.readByQuery({ filter: { id: { _eq: DASHBOARD_ID } }, fields: ['id'], limit: 1 });
	if (existing.length === 0) {
		await dashboards.createOne(DASHBOARD);
		created++;
	}
	const panels = await systemItems(ctx, 'directus_panels', ctx.database, false);
	const have = new Set((await panels.readByQuery({ filter: { dashboard: { _eq: DASHBOARD_ID } }, fields: ['id'], limit: -1 })).map((p: { id: string }) => p.id));
	for (const panel of DASHBOARD_PANELS) {
		if (have.has(panel.id)) continue;
		await panels.createOne({ ...panel, dashboard: DASHBOARD_ID, show_header: true });
		created++;
	}
	return { created };
}
