// ESC-1: the active SLA policies, parsed. A broken row (edited in the database by hand) is
// skipped and logged, never fatal.
import type { Knex } from 'knex';
import { applyPolicySettings, parseSlaPolicy, type StoredPolicy } from '../../domain/sla';
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
	// REQ-6, ESC-3: shares of a record's own window and warning points that a policy leaves to the settings.
	const settings = await knex('service_settings').first('progress_check_percent', 'warning_percent');
	const percent = (value: unknown, fallback: number, max: number) => {
		const n = Number(value);
		return value !== null && value !== undefined && Number.isFinite(n) && n > 0 && n <= max ? n : fallback;
	};
	return applyPolicySettings(policies, { progress_check_percent: percent(settings?.progress_check_percent, 75, 100), warning_percent: percent(settings?.warning_percent, 80, 99) });
}
