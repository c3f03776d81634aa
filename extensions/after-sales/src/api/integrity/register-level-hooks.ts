// ESC-2: a service request's handling level is raised by the sweep or by an explicit, role-checked
// raise; a client never lowers it, and never changes it together with the status.
import type { Knex } from 'knex';
import { decideLevelChange } from '../../domain/complaints';
import { resolveCaller } from '../lib/caller';
import type { Accountability, PackContext } from '../lib/context';
import { toDirectusError } from '../lib/errors';
import type { Register } from '../warranty/register';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

export function registerLevelHooks(register: Register, _ctx: PackContext) {
	register.filter('service_requests.items.update', async (payload: Payload, meta: { keys?: (string | number)[] }, hook: HookContext) => {
		try {
			if (!hook.accountability || !('handling_level' in payload)) return payload;
			const caller = await resolveCaller(hook.database, hook.accountability);
			const rows = await hook.database('service_requests').whereIn('id', (meta.keys ?? []) as never[]).select('id', 'status', 'handling_level');
			const { handling_level: _level, ...rest } = payload;
			let columns: Payload = {};
			for (const row of rows) {
				columns = decideLevelChange({
					stored: { handling_level: Number(row.handling_level ?? 1) },
					requested: { handling_level: payload['handling_level'] },
					changes_status: 'status' in payload && payload['status'] !== row.status,
					roles: caller.roles, admin: caller.admin,
				});
			}
			return { ...rest, ...columns };
		} catch (error) {
			throw toDirectusError(error);
		}
	});
}
