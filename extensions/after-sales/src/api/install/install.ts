import packageJson from '../../../package.json';
import { applySchema } from './apply-schema';
import { writeInstallRecord } from './install-record';
import { planInstall, type InstallPlan, type PlanOptions } from './plan-install';
import { provisionChecks } from './provision-checks';
import { provisionDashboard } from './provision-dashboard';
import { provisionIndexes } from './provision-indexes';
import { provisionPresets } from './provision-presets';
import { provisionRoles, restoreRoleHolders, type RestoredRoles } from './provision-roles';
import { provisionSettings } from './provision-settings';
import { provisionStudio } from './provision-studio';
import { provisionTranslations } from './provision-translations';
import type { PackContext } from '../lib/context';
import { syncOpenRecords } from '../sla';

export type InstallReport = Record<string, number>;

export type InstallOutcome =
	| { status: 'refused'; plan: InstallPlan }
	| { status: 'planned'; plan: InstallPlan }
	| { status: 'installed'; plan: InstallPlan; report: InstallReport; roles: RestoredRoles };

export const PACK_VERSION: string = packageJson.version;

/**
 * The one install path, used by `npm start`, by `directus after-sales install` in an existing
 * project and by the tests. It refuses, changing nothing, when a pack name is taken by something
 * the pack did not create or a licence limit would be exceeded. Every step is idempotent: a
 * second run reports zeros.
 */
export async function install(ctx: PackContext, options: PlanOptions & { dryRun?: boolean } = {}): Promise<InstallOutcome> {
	const plan = await planInstall(ctx, options);
	if (plan.clashes.length > 0 || plan.breaches.length > 0) return { status: 'refused', plan };
	if (options.dryRun) return { status: 'planned', plan };

	const schema = await applySchema(ctx, plan);
	const indexes = await provisionIndexes(ctx);
	const checks = await provisionChecks(ctx); // INT-1
	const translations = await provisionTranslations(ctx);
	const roles = await provisionRoles(ctx);
	// After `uninstall --keep-data`: who held a pack role gets it back.
	const restored = await restoreRoleHolders(ctx, plan.record?.role_holders ?? []);
	const settings = await provisionSettings(ctx);
	const dashboard = await provisionDashboard(ctx);
	const presets = await provisionPresets(ctx, plan.record?.presets); // FUP-1..5: the call list bookmarks
	await provisionStudio(ctx.database); // staff land on the work queue
	await writeInstallRecord(ctx, { version: 1, pack_version: PACK_VERSION, applied_at: new Date().toISOString(), ...plan.owned, presets: presets.owned });
	await syncOpenRecords(ctx); // ESC-1: records already in the project get their timers (idempotent)
	return {
		status: 'installed',
		plan,
		roles: restored,
		report: {
			schema_changes: schema.changed,
			indexes_created: indexes.created,
			checks_created: checks.length,
			translations_created: translations.created,
			roles_policies_permissions_created: roles.created,
			roles_restored: restored.restored.length,
			settings_and_policies_created: settings.created,
			dashboard_items_created: dashboard.created,
			bookmarks_created: presets.created,
			admin_edits_kept: plan.kept.length,
		},
	};
}
