import { ROLES } from './roles';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';

/**
 * Creates what is missing of the pack's roles, policies, role–policy links and permissions.
 * Existing rows are left as the admin shaped them, so a second run changes nothing.
 */
export async function provisionRoles(ctx: PackContext): Promise<{ created: number }> {
	const knex = ctx.database;
	let created = 0;
	const schema = await ctx.getSchema({ database: knex });
	const opts = { knex, schema, accountability: SYSTEM_ACCOUNTABILITY };
	const roles = new ctx.services.RolesService(opts);
	const policies = new ctx.services.PoliciesService(opts);
	const access = new ctx.services.AccessService(opts);
	const permissions = new ctx.services.PermissionsService(opts);

	for (const role of ROLES) {
		const [existingPolicy] = await policies.readByQuery({ filter: { id: { _eq: role.policyId } }, limit: 1 });
		if (!existingPolicy) {
			await policies.createOne({
				id: role.policyId, name: `${role.name} · ${role.name_zh}`, icon: role.icon, description: role.description,
				app_access: role.appAccess, admin_access: false, enforce_tfa: false,
			});
			created++;
		}
		const [existingRole] = await roles.readByQuery({ filter: { id: { _eq: role.id } }, limit: 1 });
		if (!existingRole) {
			await roles.createOne({ id: role.id, name: role.name, icon: role.icon, description: `${role.name_zh} — ${role.description}` });
			created++;
		}
		const [link] = await access.readByQuery({ filter: { role: { _eq: role.id }, policy: { _eq: role.policyId } }, limit: 1 });
		if (!link) {
			await access.createOne({ role: role.id, policy: role.policyId });
			created++;
		}
		const have = await permissions.readByQuery({ filter: { policy: { _eq: role.policyId } }, fields: ['collection', 'action'], limit: -1 });
		const missing = Object.entries(role.permissions).flatMap(([collection, actions]) =>
			actions
				.filter((action) => !have.some((p: { collection: string; action: string }) => p.collection === collection && p.action === action))
				.map((action) => ({ policy: role.policyId, collection, action, fields: ['*'], permissions: {}, validation: null, presets: null })),
		);
		if (missing.length) {
			await permissions.createMany(missing);
			created += missing.length;
		}
	}
	return { created };
}

export type RoleHolder = { user: string; role: string };
export type RestoredRoles = { restored: { email: string; role: string }[]; skipped: { email: string; reason: 'deleted' | 'other_role' | 'refused'; detail?: string }[] };

/**
 * After `uninstall --keep-data`, the users who held a pack role get it back (the roles exist
 * again by now). A user an admin has since given another role keeps it; one deleted is skipped; one
 * Directus refuses (a seat over the licence limit) is reported with Directus's reason.
 */
export async function restoreRoleHolders(ctx: PackContext, holders: readonly RoleHolder[]): Promise<RestoredRoles> {
	const result: RestoredRoles = { restored: [], skipped: [] };
	if (!holders.length) return result;
	const knex = ctx.database;
	const schema = await ctx.getSchema({ database: knex, bypassCache: true });
	const users = new ctx.services.UsersService({ knex, schema, accountability: SYSTEM_ACCOUNTABILITY });
	for (const holder of holders) {
		const user = (await knex('directus_users').where({ id: holder.user }).first('id', 'email', 'role')) as { id: string; email: string | null; role: string | null } | undefined;
		const email = user?.email ?? holder.user;
		const role = ROLES.find((r) => r.id === holder.role)?.name ?? holder.role;
		if (!user) result.skipped.push({ email, reason: 'deleted' });
		else if (user.role === holder.role) continue;
		else if (user.role !== null) result.skipped.push({ email, reason: 'other_role' });
		else {
			try {
				await users.updateOne(user.id, { role: holder.role });
				result.restored.push({ email, role });
			} catch (error) {
				result.skipped.push({ email, reason: 'refused', detail: (error as Error).message });
			}
		}
	}
	return result;
}
