// FUP-1..5: the agents' call list as Studio bookmarks (directus_presets) for the service desk's
// roles: "待回访" (planned calls due within a day, overdue first) and "逾期未访" (missed ones).
// A bookmark is created when that role has none of that name on follow_ups; one an admin edited
// or deleted-and-recreated is left as it is.
import { ROLE_BY_KEY } from './roles';
import { systemItems, type PackContext } from '../lib/context';

const COLUMNS = ['kind', 'customer', 'due_at', 'due_until', 'service_request', 'repair_record', 'survey_url', 'notes'];

export const CALL_LIST_BOOKMARKS = [
	{
		bookmark: '待回访（24 小时内） / Calls due within 24 h', icon: 'phone_callback', color: '#6644FF',
		filter: { _and: [{ status: { _eq: 'planned' } }, { due_at: { _lte: '$NOW(+1 day)' } }] },
	},
	{
		bookmark: '逾期未访 / Missed follow-ups', icon: 'phone_missed', color: '#E35169',
		filter: { _and: [{ status: { _eq: 'missed' } }] },
	},
] as const;

export async function provisionPresets(ctx: PackContext): Promise<{ created: number }> {
	const presets = await systemItems(ctx, 'directus_presets', ctx.database, false);
	let created = 0;
	for (const key of ['service_agent', 'service_manager'] as const) {
		const role = ROLE_BY_KEY.get(key)!.id;
		const have = new Set((await presets.readByQuery({ filter: { role: { _eq: role }, collection: { _eq: 'follow_ups' } }, fields: ['bookmark'], limit: -1 })).map((p: { bookmark: string | null }) => p.bookmark));
		for (const b of CALL_LIST_BOOKMARKS) {
			if (have.has(b.bookmark)) continue;
			await presets.createOne({
				bookmark: b.bookmark, role, user: null, collection: 'follow_ups', icon: b.icon, color: b.color, filter: b.filter, layout: 'tabular',
				layout_query: { tabular: { fields: COLUMNS, sort: ['due_at'], limit: 100 } }, layout_options: { tabular: { widths: { kind: 160, customer: 200, due_at: 170, due_until: 170 } } },
			});
			created++;
		}
	}
	return { created };
}
