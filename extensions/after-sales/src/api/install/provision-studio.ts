// Issue #12 item 3: staff land on the work queue. The module 售后工作台 (`after-sales`) goes first in
// the Studio's module bar (a module bar an admin already arranged keeps its order: the module is
// only added when missing), and staff users of the pack's roles who never opened a page start on
// it (Directus opens `last_page` after sign-in). Uninstall takes the module out of the bar again.
import type { Knex } from 'knex';
import { ROLE_BY_KEY, type RoleKey } from './roles';
import { toJson } from '../lib/db-values';

export const WORK_QUEUE_MODULE = 'after-sales';
export const WORK_QUEUE_PATH = '/after-sales';

/** Directus 12's own default module bar (app: MODULE_BAR_DEFAULT), used while the project has none. */
const DIRECTUS_DEFAULT_BAR = [
	{ type: 'module', id: 'content', enabled: true }, { type: 'module', id: 'visual', enabled: false }, { type: 'module', id: 'users', enabled: true },
	{ type: 'module', id: 'files', enabled: true }, { type: 'module', id: 'insights', enabled: true }, { type: 'module', id: 'flows', enabled: true },
	{ type: 'module', id: 'deployments', enabled: false }, { type: 'link', id: 'docs', enabled: true, name: '$t:documentation', icon: 'help', url: 'https://directus.com/docs' },
	{ type: 'module', id: 'settings', enabled: true, locked: true },
];
const STAFF: RoleKey[] = ['service_agent', 'service_manager', 'leadership', 'technical_dept', 'finance', 'sales_rep'];

type Entry = { type: string; id: string; enabled?: boolean };

export async function provisionStudio(knex: Knex): Promise<{ moduleBar: boolean; startPages: number }> {
	let moduleBar = false;
	const settings = await knex('directus_settings').first('id', 'module_bar');
	const bar = (toJson(settings?.module_bar) as Entry[] | null) ?? null;
	if (!bar || !bar.some((e) => e.id === WORK_QUEUE_MODULE)) {
		const next = [{ type: 'module', id: WORK_QUEUE_MODULE, enabled: true }, ...(bar ?? DIRECTUS_DEFAULT_BAR)];
		if (settings) await knex('directus_settings').where({ id: settings.id }).update({ module_bar: JSON.stringify(next) });
		else await knex('directus_settings').insert({ module_bar: JSON.stringify(next) });
		moduleBar = true;
	}
	const startPages = await knex('directus_users').whereIn('role', STAFF.map((r) => ROLE_BY_KEY.get(r)!.id)).whereNull('last_page').update({ last_page: WORK_QUEUE_PATH });
	return { moduleBar, startPages: Number(startPages) };
}

/** Uninstall: the module leaves the bar; start pages pointing at it go back to Directus's default. */
export async function unprovisionStudio(knex: Knex): Promise<void> {
	const settings = await knex('directus_settings').first('id', 'module_bar');
	const bar = toJson(settings?.module_bar) as Entry[] | null;
	if (settings && bar?.some((e) => e.id === WORK_QUEUE_MODULE)) {
		await knex('directus_settings').where({ id: settings.id }).update({ module_bar: JSON.stringify(bar.filter((e) => e.id !== WORK_QUEUE_MODULE)) });
	}
	await knex('directus_users').where({ last_page: WORK_QUEUE_PATH }).update({ last_page: null });
}

/** A staff user created later starts on the work queue too, unless the creator chose a page. */
export function registerStudioHooks(register: { filter: (event: string, handler: (...args: any[]) => unknown) => void }) {
	register.filter('users.create', (payload: Record<string, unknown>) => {
		const role = typeof payload['role'] === 'object' && payload['role'] !== null ? (payload['role'] as { id?: string }).id : payload['role'];
		if (payload['last_page'] || typeof role !== 'string' || !STAFF.some((r) => ROLE_BY_KEY.get(r)!.id === role)) return payload;
		return { ...payload, last_page: WORK_QUEUE_PATH };
	});
}
