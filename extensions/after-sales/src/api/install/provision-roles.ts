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
