// Who is calling, as the pack's rules see it. Scoping of dealers and technicians is enforced here
// in code (the core tier refuses item-filtered permissions).
import type { Knex } from 'knex';
import { ROLE_BY_ID, type RoleKey } from '../install/roles';
import type { Accountability } from './context';
import { forbidden } from './errors';
import { msg } from '../../domain/messages';

export type Caller = {
	user: string | null;
	admin: boolean;
	staff: boolean;
	roles: RoleKey[];
	dealer: number | null;
};

const STAFF_ROLES: RoleKey[] = ['service_agent', 'service_manager', 'leadership', 'technical_dept', 'finance', 'sales_rep'];

export async function resolveCaller(knex: Knex, accountability: Accountability | null | undefined): Promise<Caller> {
	if (!accountability?.user && !accountability?.admin) return { user: null, admin: false, staff: false, roles: [], dealer: null };
	const ids = [...new Set([...(accountability.roles ?? []), ...(accountability.role ? [accountability.role] : [])])];
	const roles = ids.map((id) => ROLE_BY_ID.get(id)?.key).filter((k): k is RoleKey => Boolean(k));
	let dealer: number | null = null;
	if (accountability.user && roles.includes('dealer')) {
		const row = await knex('directus_users').where({ id: accountability.user }).first('dealer');
		dealer = row?.dealer ?? null;
	}
	const admin = accountability.admin === true;
	const staff = admin || roles.some((r) => STAFF_ROLES.includes(r)) || (accountability.app === true && !roles.includes('dealer') && !roles.includes('technician'));
	return { user: accountability.user ?? null, admin, staff, roles, dealer };
}

export function assertSignedIn(caller: Caller) {
	if (!caller.user && !caller.admin) throw forbidden('AUTH', msg('scope.sign_in'));
}

export function assertStaff(caller: Caller, rule = 'CONTRACT') {
	assertSignedIn(caller);
	if (!caller.staff) throw forbidden(rule, msg('scope.staff_only'));
}

export function hasRole(caller: Caller, ...roles: RoleKey[]) {
	return caller.admin || roles.some((r) => caller.roles.includes(r));
}
