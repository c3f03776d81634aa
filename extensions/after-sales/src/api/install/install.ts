import { applySchema } from './apply-schema';
import { provisionChecks } from './provision-checks';
import { provisionDashboard } from './provision-dashboard';
import { provisionIndexes } from './provision-indexes';
import { provisionPresets } from './provision-presets';
import { provisionRoles } from './provision-roles';
import { provisionSettings } from './provision-settings';
import { provisionTranslations } from './provision-translations';
import type { PackContext } from '../lib/context';
import { syncOpenRecords } from '../sla';

export type InstallReport = Record<string, number>;

/**
 * The one install path, used by `npm start`, by `directus after-sales install` in an existing
 * project and by the tests. Every step is idempotent: a second run reports zeros.
 */
export async function install(ctx: PackContext): Promise<InstallReport> {
	const schema = await applySchema(ctx);
	const indexes = await provisionIndexes(ctx);
	const checks = await provisionChecks(ctx); // INT-1
	const translations = await provisionTranslations(ctx);
	const roles = await provisionRoles(ctx);
	const settings = await provisionSettings(ctx);
	const dashboard = await provisionDashboard(ctx);
	const presets = await provisionPresets(ctx); // FUP-1..5: the call list bookmarks
	await syncOpenRecords(ctx); // ESC-1: records already in the project get their timers (idempotent)
	return {
		schema_changes: schema.changed,
		indexes_created: indexes.created,
		checks_created: checks.length,
		translations_created: translations.created,
		roles_policies_permissions_created: roles.created,
		settings_and_policies_created: settings.created,
		dashboard_items_created: dashboard.created,
		bookmarks_created: presets.created,
	};
}
