// The default Insights dashboard 售后总览 (After-sales overview, RPT-1..5), provisioned under
// fixed ids so a re-install neither duplicates it nor undoes an admin's rearrangement: a missing
// dashboard or panel is created, an existing one is left as the admin left it.
// Issue 12 item 5: Directus shows a dashboard's and a panel's name and note as stored (Insights
// translates no `$t:` there), so the name is Chinese (the pack's users are) and the note English;
// one still named as earlier versions wrote it ("中文 / English") takes the new name and note.
import { systemItems, type PackContext } from '../lib/context';

const id = (n: number) => `a5a1e5a1-0000-4000-9000-${String(n).padStart(12, '0')}`;

export const DASHBOARD_ID = id(1);

export const DASHBOARD = { id: DASHBOARD_ID, name: '售后总览', icon: 'support_agent', color: '#6644FF', note: 'After-sales overview: requests, deadlines, dealers and quality alerts at a glance (RPT-1..5)' };

/** What earlier versions named the dashboard and its panels (by id). */
const LEGACY_NAMES: Record<string, string> = {
	[DASHBOARD_ID]: '售后总览 / After-sales overview',
	[id(11)]: '售后概况 / Overview', [id(12)]: '时限看板 / SLA board', [id(13)]: '质量预警 / Quality alerts', [id(14)]: '经销商记分卡 / Dealer scorecard',
};

export const DASHBOARD_PANELS = [
	{ id: id(11), type: 'after-sales-overview', name: '售后概况', note: 'Overview', icon: 'support_agent', position_x: 1, position_y: 1, width: 48, height: 6, options: {} },
	{ id: id(12), type: 'after-sales-sla-board', name: '时限看板', note: 'SLA board', icon: 'timer', position_x: 1, position_y: 7, width: 20, height: 16, options: {} },
	{ id: id(13), type: 'after-sales-quality-alerts', name: '质量预警', note: 'Quality alerts', icon: 'warning', position_x: 21, position_y: 7, width: 28, height: 16, options: {} },
	{ id: id(14), type: 'after-sales-dealer-scorecard', name: '经销商记分卡', note: 'Dealer scorecard', icon: 'leaderboard', position_x: 1, position_y: 23, width: 48, height: 36, options: { period: 'year', limit: 10, months: 6 } },
];

export async function provisionDashboard(ctx: PackContext): Promise<{ created: number }> {
	let created = 0;
	const dashboards = await systemItems(ctx, 'directus_dashboards', ctx.database, false);
	const existing = await dashboards.readByQuery({ filter: { id: { _eq: DASHBOARD_ID } }, fields: ['id', 'name'], limit: 1 });
	if (existing.length === 0) {
		await dashboards.createOne(DASHBOARD);
		created++;
	} else if (existing[0].name === LEGACY_NAMES[DASHBOARD_ID]) {
		await dashboards.updateOne(DASHBOARD_ID, { name: DASHBOARD.name, note: DASHBOARD.note });
	}
	const panels = await systemItems(ctx, 'directus_panels', ctx.database, false);
	const rows = (await panels.readByQuery({ filter: { dashboard: { _eq: DASHBOARD_ID } }, fields: ['id', 'name'], limit: -1 })) as { id: string; name: string | null }[];
	const have = new Set(rows.map((p) => p.id));
	for (const row of rows) {
		const panel = DASHBOARD_PANELS.find((p) => p.id === row.id);
		if (panel && row.name === LEGACY_NAMES[row.id]) await panels.updateOne(row.id, { name: panel.name, note: panel.note });
	}
	for (const panel of DASHBOARD_PANELS) {
		if (have.has(panel.id)) continue;
		await panels.createOne({ ...panel, dashboard: DASHBOARD_ID, show_header: true });
		created++;
	}
	return { created };
}
