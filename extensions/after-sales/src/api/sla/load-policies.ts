// ESC-1: the active SLA policies, parsed. A broken row (edited in the database by hand) is
// skipped and logged, never fatal.
import type { Knex } from 'knex';
import { parseSlaPolicy, type StoredPolicy } from '../../domain/sla';
import type { PackContext } from '../lib/context';
import { toBool, toJson } from '../lib/db-values';

export async function loadPolicies(knex: Knex, logger?: PackContext['logger']): Promise<StoredPolicy[]> {
	const rows = await knex('sla_policies').orderBy('id').select('*');
	const policies: StoredPolicy[] = [];
	for (const row of rows) {
		try {
			const parsed = parseSlaPolicy({
				name: row.name, collection: row.collection, priority: row.priority ?? 0, active: row.active === null ? true : toBool(row.active),
				condition: toJson(row.condition) ?? {}, milestones: toJson(row.milestones) ?? [],
			});
			policies.push({ ...parsed, id: row.id });
		} catch (error) {
			logger?.warn(`[after-sales] ESC-1: sla_policies #${row.id} is invalid and ignored: ${(error as Error).message}`);
		}
	}
	return policies;
}
