// ESC-2: who hears about an escalation. The record's own handler (or, for a complaint nobody has
// taken yet, its recorder: CMP-1 first-contact responsibility), and the active users of the roles
// the milestone and the new level name. Dealer users hear only about their own dealer's records;
// CMP-6: the staff member a complaint is about is never among them.
import type { Knex } from 'knex';
import { computeNotifyRoles, type SlaCollection, type SlaMilestone, type SweepAction } from '../../domain/sla';
import { ROLE_BY_KEY, type RoleKey } from '../install/roles';

const HANDLER_FIELDS: Record<SlaCollection, string[]> = {
	complaints: ['handler', 'recorder'], service_requests: ['assignee', 'recorder'], repair_records: ['technician'], warranty_claims: [],
};

type Row = Record<string, unknown>;

/** `cache` lives for one sweep: the same role's members are looked up once, not once per record. */
export async function findRecipients(knex: Knex, collection: SlaCollection, record: Row, action: SweepAction, milestone: SlaMilestone, cache = new Map<string, string[]>()): Promise<string[]> {
	const people = new Set<string>();
	const handler = HANDLER_FIELDS[collection].map((f) => record[f]).find((v) => v !== null && v !== undefined && v !== '');
	if (handler) people.add(String(handler));

	for (const key of computeNotifyRoles(action, milestone)) {
		const role = ROLE_BY_KEY.get(key as RoleKey);
		if (!role) continue;
		// Technicians are L1 handlers of their own records, never a broadcast audience.
		if (key === 'technician') continue;
		if (key === 'dealer' && (record['dealer'] === null || record['dealer'] === undefined)) continue;
		const cacheKey = key === 'dealer' ? `dealer:${record['dealer']}` : key;
		if (!cache.has(cacheKey)) {
			const query = knex('directus_users').where({ role: role.id, status: 'active' }).select('id');
			if (key === 'dealer') query.andWhere({ dealer: record['dealer'] });
			cache.set(cacheKey, (await query).map((u: { id: string }) => String(u.id)));
		}
		for (const id of cache.get(cacheKey)!) people.add(id);
	}

	const subject = record['subject_staff'];
	if (subject !== null && subject !== undefined) people.delete(String(subject));
	// Role members are active by their query; handlers are checked once per sweep.
	const unknown = [...people].filter((id) => !cache.has(`active:${id}`));
	if (unknown.length) {
		const active = await knex('directus_users').whereIn('id', unknown).andWhere({ status: 'active' }).select('id');
		const activeIds = new Set(active.map((u: { id: string }) => String(u.id)));
		for (const id of unknown) cache.set(`active:${id}`, activeIds.has(id) ? [id] : []);
	}
	return [...people].filter((id) => cache.get(`active:${id}`)!.length > 0);
}

/** ESC-2: the user a breached record is handed to: the first active user of the role, never the subject of the complaint (CMP-6). */
export async function pickReassignee(knex: Knex, roleKey: string, record: Row): Promise<string | null> {
	const role = ROLE_BY_KEY.get(roleKey as RoleKey);
	if (!role) return null;
	const query = knex('directus_users').where({ role: role.id, status: 'active' }).orderBy('id').first('id');
	if (record['subject_staff']) query.whereNot('id', String(record['subject_staff']));
	const row = await query;
	return row ? String(row.id) : null;
}
