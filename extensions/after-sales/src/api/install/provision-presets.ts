// The Studio's lists as service staff need them (directus_presets):
// - FUP-1..5: the agents' call list as bookmarks for the service desk's roles: "待回访" (planned
//   calls due within a day, overdue first) and "逾期未访" (missed ones);
// - every main collection's default columns and order, for everyone (a global preset: no user, no
//   role, no bookmark): complaints with their status, category and severity, requests with their
//   status and problem, newest first.
// - issue #12 item 3: 待处理投诉, 待处理报修, 即将超时 and 已超时 for the same roles;
// Each is created when there is none of its kind; one an admin edited or recreated is left as it is.
// Issue 12 item 5: a bookmark's name is a `$t:` key (studio-strings.ts; the Studio shows it in the
// user's language); a bookmark still named as earlier versions wrote it ("中文 / English") is renamed
// to its key, nothing else of it changes.
// The global ones are recorded (id and a hash of what was written) so uninstall removes exactly the
// pack's untouched ones; the role bookmarks go with the roles.
import { hashValue } from './install-record';
import { ROLE_BY_KEY } from './roles';
import { systemItems, type PackContext } from '../lib/context';
import { t } from '../../app/studio-strings';

const COLUMNS = ['kind', 'customer', 'due_at', 'due_until', 'service_request', 'repair_record', 'survey_url', 'notes'];

export const CALL_LIST_BOOKMARKS = [
	{
		bookmark: t('bookmark_calls_due'), legacy: '待回访（24 小时内） / Calls due within 24 h', icon: 'phone_callback', color: '#6644FF',
		filter: { _and: [{ status: { _eq: 'planned' } }, { due_at: { _lte: '$NOW(+1 day)' } }] },
	},
	{
		bookmark: t('bookmark_missed_follow_ups'), legacy: '逾期未访 / Missed follow-ups', icon: 'phone_missed', color: '#E35169',
		filter: { _and: [{ status: { _eq: 'missed' } }] },
	},
] as const;

/** Issue #12 item 3: the service desk's working lists, beside the work queue. */
export const WORK_BOOKMARKS = [
	{
		collection: 'complaints', bookmark: t('bookmark_open_complaints'), legacy: '待处理投诉 / Open complaints', icon: 'report', color: '#FFA439',
		filter: { _and: [{ status: { _nin: ['closed', 'rejected'] } }] },
		fields: ['id', 'received_at', 'customer', 'category', 'severity', 'status', 'handling_level', 'handler'], sort: ['received_at'],
	},
	{
		collection: 'service_requests', bookmark: t('bookmark_open_requests'), legacy: '待处理报修 / Open requests', icon: 'support_agent', color: '#3399FF',
		filter: { _and: [{ status: { _nin: ['resolved', 'closed', 'cancelled'] } }] },
		fields: ['id', 'received_at', 'customer', 'type', 'problem', 'status', 'assignee', 'dealer'], sort: ['received_at'],
	},
	{
		collection: 'sla_timers', bookmark: t('bookmark_warned_deadlines'), legacy: '即将超时 / Warned deadlines', icon: 'hourglass_bottom', color: '#FFA439',
		filter: { _and: [{ state: { _eq: 'warned' } }] },
		fields: ['collection', 'item', 'milestone_label', 'level', 'due_at', 'state'], sort: ['due_at'],
	},
	{
		collection: 'sla_timers', bookmark: t('bookmark_breached_deadlines'), legacy: '已超时 / Breached deadlines', icon: 'alarm', color: '#E35169',
		filter: { _and: [{ state: { _eq: 'breached' } }] },
		fields: ['collection', 'item', 'milestone_label', 'level', 'due_at', 'breached_at'], sort: ['-breached_at'],
	},
] as const;

/** The columns each list opens with, and its order. */
export const DEFAULT_COLUMNS: Readonly<Record<string, { fields: string[]; sort: string[] }>> = {
	complaints: { fields: ['id', 'received_at', 'customer', 'category', 'severity', 'status', 'handling_level', 'handler'], sort: ['-received_at'] },
	service_requests: { fields: ['id', 'received_at', 'customer', 'type', 'problem', 'status', 'assignee', 'dealer'], sort: ['-received_at'] },
	repair_records: { fields: ['id', 'unit', 'fault_category', 'coverage', 'status', 'technician', 'completed_at', 'total_cost'], sort: ['-id'] },
	warranty_claims: { fields: ['claim_no', 'dealer', 'status', 'claimed_amount', 'approved_amount', 'submitted_at'], sort: ['-id'] },
	escalations: { fields: ['occurred_at', 'kind', 'level', 'collection', 'item', 'milestone', 'acknowledged_at'], sort: ['-occurred_at'] },
	follow_ups: { fields: ['kind', 'customer', 'status', 'due_at', 'due_until', 'satisfaction'], sort: ['due_at'] },
	customers: { fields: ['name', 'phone', 'region', 'key_account', 'dealer', 'open_requests'], sort: ['name'] },
	units: { fields: ['serial_no', 'product', 'customer', 'dealer', 'warranty_status', 'warranty_until'], sort: ['serial_no'] },
};

/** What makes a preset what it is; its hash tells the pack's own (untouched) from an admin's edit. */
const PRESET_CONTENT = ['layout', 'layout_query', 'layout_options', 'filter', 'search'] as const;

type PresetRow = { id: number | string; collection: string } & Partial<Record<(typeof PRESET_CONTENT)[number], unknown>>;

export const presetHash = (preset: Partial<Record<(typeof PRESET_CONTENT)[number], unknown>>) => hashValue(Object.fromEntries(PRESET_CONTENT.map((k) => [k, preset[k] ?? null])));

/** The global preset (no user, no role, no bookmark) the pack writes for a collection's list. */
export function globalPresetRow(collection: string) {
	const columns = DEFAULT_COLUMNS[collection]!;
	return { bookmark: null, role: null, user: null, collection, layout: 'tabular', layout_query: { tabular: { fields: columns.fields, sort: columns.sort, limit: 50 } }, layout_options: null, filter: null, search: null };
}

export type OwnedPreset = { id: string; collection: string; /** Hash of what the pack wrote. */ hash: string; /** Changed since (by an admin). */ edited: boolean };

/**
 * The pack's global default-column presets that exist: those its install record names (edited when
 * they differ from what it wrote); without a record of presets (an install made before they were
 * recorded), those still exactly as the pack writes them. Any other global preset is an admin's.
 */
export async function readOwnedPresets(ctx: PackContext, recorded: Record<string, string> | undefined): Promise<OwnedPreset[]> {
	const presets = await systemItems(ctx, 'directus_presets', ctx.database, false);
	const globals = (await presets.readByQuery({
		filter: { _and: [{ user: { _null: true } }, { role: { _null: true } }, { bookmark: { _null: true } }, { collection: { _in: Object.keys(DEFAULT_COLUMNS) } }] },
		fields: ['id', 'collection', ...PRESET_CONTENT], limit: -1, sort: ['collection', 'id'],
	})) as PresetRow[];
	return globals.flatMap((p) => {
		const id = String(p.id);
		const hash = presetHash(p);
		if (recorded) return id in recorded ? [{ id, collection: p.collection, hash: recorded[id]!, edited: hash !== recorded[id] }] : [];
		const shipped = presetHash(globalPresetRow(p.collection));
		return hash === shipped ? [{ id, collection: p.collection, hash, edited: false }] : [];
	});
}

/**
 * Creates what is missing and returns the pack's global presets for the install record (preset id
 * → hash of what the pack wrote). One an admin edited stays as the admin left it.
 */
export async function provisionPresets(ctx: PackContext, recorded?: Record<string, string>): Promise<{ created: number; owned: Record<string, string> }> {
	const presets = await systemItems(ctx, 'directus_presets', ctx.database, false);
	let created = 0;
	const owned = Object.fromEntries((await readOwnedPresets(ctx, recorded)).map((p) => [p.id, p.hash]));
	const globals = new Set((await presets.readByQuery({ filter: { _and: [{ user: { _null: true } }, { role: { _null: true } }, { bookmark: { _null: true } }] }, fields: ['collection'], limit: -1 })).map((p: { collection: string }) => p.collection));
	for (const collection of Object.keys(DEFAULT_COLUMNS)) {
		if (globals.has(collection)) continue;
		const row = globalPresetRow(collection);
		const id = await presets.createOne(row);
		owned[String(id)] = presetHash(row);
		created++;
	}
	for (const key of ['service_agent', 'service_manager'] as const) {
		const role = ROLE_BY_KEY.get(key)!.id;
		for (const b of [...WORK_BOOKMARKS, ...CALL_LIST_BOOKMARKS]) {
			const old = await presets.readByQuery({ filter: { role: { _eq: role }, bookmark: { _eq: b.legacy } }, fields: ['id'], limit: -1 });
			if (old.length) await presets.updateMany(old.map((p: { id: number | string }) => p.id), { bookmark: b.bookmark });
		}
		const have = new Set((await presets.readByQuery({ filter: { role: { _eq: role }, collection: { _eq: 'follow_ups' } }, fields: ['bookmark'], limit: -1 })).map((p: { bookmark: string | null }) => p.bookmark));
		for (const b of WORK_BOOKMARKS) {
			const mine = new Set((await presets.readByQuery({ filter: { role: { _eq: role }, collection: { _eq: b.collection } }, fields: ['bookmark'], limit: -1 })).map((p: { bookmark: string | null }) => p.bookmark));
			if (mine.has(b.bookmark)) continue;
			await presets.createOne({
				bookmark: b.bookmark, role, user: null, collection: b.collection, icon: b.icon, color: b.color, filter: b.filter, layout: 'tabular',
				layout_query: { tabular: { fields: [...b.fields], sort: [...b.sort], limit: 100 } },
			});
			created++;
		}
		for (const b of CALL_LIST_BOOKMARKS) {
			if (have.has(b.bookmark)) continue;
			await presets.createOne({
				bookmark: b.bookmark, role, user: null, collection: 'follow_ups', icon: b.icon, color: b.color, filter: b.filter, layout: 'tabular',
				layout_query: { tabular: { fields: COLUMNS, sort: ['due_at'], limit: 100 } }, layout_options: { tabular: { widths: { kind: 160, customer: 200, due_at: 170, due_until: 170 } } },
			});
			created++;
		}
	}
	return { created, owned };
}
