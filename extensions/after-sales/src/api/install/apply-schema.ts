// Installs the pack's schema into any Directus project by *merging*: a partial snapshot of our own
// collections diffed in `merge` mode, so nothing outside the pack is touched or deleted (unlike the
// CLI's `schema apply`, which mirrors a snapshot and drops every other collection). What goes into
// that snapshot (owned items only, an admin's edits kept) is planned in compute-schema-plan.ts.
import type { InstallPlan } from './plan-install';
import { schemaService } from './plan-install';
import type { PackContext } from '../lib/context';

export { PACK_COLLECTIONS, PACK_SNAPSHOT } from './pack-snapshot';

/** Number of collections, fields and relations changed. */
export function countChanges(plan: Pick<InstallPlan, 'diff'>): number {
	return plan.diff ? plan.diff.collections.length + plan.diff.fields.length + plan.diff.relations.length : 0;
}

export async function applySchema(ctx: PackContext, plan: InstallPlan): Promise<{ changed: number }> {
	if (!plan.diff || countChanges(plan) === 0) return { changed: 0 };
	const service = schemaService(ctx);
	await service.apply({ hash: service.getHashedSnapshot(plan.current).hash, diff: plan.diff }, { force: true });
	return { changed: countChanges(plan) };
}
