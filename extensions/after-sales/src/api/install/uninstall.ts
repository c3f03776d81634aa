// `directus after-sales uninstall`: removes what the pack provisioned (its roles, policies and
// their permissions, its dashboard, its translations) and, unless `keepData`, the collections and
// fields it created (per its install record) with their rows. Everything else stays: foreign
// collections and rows, foreign fields that point at a pack collection (they keep their values and
// lose only the relation), users who held a pack role (they keep their status and lose the role;
// with `keepData` the install record remembers who held which, and the next install gives it back),
// the global list presets an admin changed (with `keepData`; the others go with their collection).
import { PACK_SNAPSHOT } from './pack-snapshot';
import { adoptUnrecordedInstall, type Snapshot } from './compute-schema-plan';
import { computeDropOrder } from './compute-drop-order';
import { DASHBOARD_ID } from './provision-dashboard';
import { unprovisionStudio } from './provision-studio';
import { PACK_VERSION } from './install';
import { readInstallRecord, writeInstallRecord, type InstallRecord, type OwnedItems } from './install-record';
import { readOwnedPresets, type OwnedPreset } from './provision-presets';
import { schemaService } from './plan-install';
import { ROLES } from './roles';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';
import { vendorOf } from '../lib/db-values';

export type UninstallPlan = {
	keepData: boolean;
	roles: { id: string; name: string }[];
	policies: { id: string; name: string; permissions: number }[];
	/** Users who hold a pack role and are not demo users: they lose the role, nothing else (with keepData, until the next install). */
	usersLosingRole: { id: string; email: string | null; role: string }[];
	/** The pack's global list presets: untouched ones are removed; edited ones are kept with keepData, else go with their collection. */
	presets: OwnedPreset[];
	dashboards: { id: string; name: string; panels: number }[];
	translations: number;
	/** Removed unless keepData. */
	collections: { name: string; rows: number | null }[];
	systemFields: string[];
	demoUsers: { id: string; email: string }[];
	/** Fields outside the pack that point at a pack collection: they keep their values, lose the relation. */
	foreignReferences: ForeignReference[];
	/** Left alone: named like the pack's but not created by it. */
	notOwned: string[];
	/** Flows whose operations are the pack's (they stop working once the extension is removed). */
	flowsUsingOperations: { id: string; name: string }[];
};

export type ForeignReference = { collection: string; field: string; related: string; constraint: string | null };

export type UninstallOptions = { keepData: boolean; demoUserEmails: string[] };

const PACK_TABLES = new Set(PACK_SNAPSHOT.collections.filter((c) => c.schema).map((c) => c.collection));
const PACK_NAMES = new Set(PACK_SNAPSHOT.collections.map((c) => c.collection));

async function ownedItems(ctx: PackContext, current: Snapshot): Promise<{ owned: OwnedItems; record: InstallRecord | null }> {
	const record = await readInstallRecord(ctx);
	if (record) return { owned: record, record };
	// An install made before installs were recorded (its policies exist): adopt as install does.
	const policy = await ctx.database('directus_policies').whereIn('id', ROLES.map((r) => r.policyId)).first('id');
	return { owned: policy ? adoptUnrecordedInstall(current, PACK_SNAPSHOT) : { collections: {}, fields: {}, relations: {} }, record: null };
}

export async function planUninstall(ctx: PackContext, options: UninstallOptions): Promise<UninstallPlan> {
	const knex = ctx.database;
	const current = (await schemaService(ctx).snapshot()) as Snapshot;
	const { owned, record } = await ownedItems(ctx, current);
	const roleIds = ROLES.map((r) => r.id);
	const policyIds = ROLES.map((r) => r.policyId);

	const roles = await knex('directus_roles').whereIn('id', roleIds).select('id', 'name');
	const policies = await Promise.all(
		(await knex('directus_policies').whereIn('id', policyIds).select('id', 'name')).map(async (p: { id: string; name: string }) => {
			const [row] = (await knex('directus_permissions').where({ policy: p.id }).count({ n: '*' })) as { n: number | string }[];
			return { ...p, permissions: Number(row?.n ?? 0) };
		}),
	);
	const dashboards = await Promise.all(
		(await knex('directus_dashboards').where({ id: DASHBOARD_ID }).select('id', 'name')).map(async (d: { id: string; name: string }) => {
			const [row] = (await knex('directus_panels').where({ dashboard: d.id }).count({ n: '*' })) as { n: number | string }[];
			return { ...d, panels: Number(row?.n ?? 0) };
		}),
	);
	const [translationCount] = (await knex('directus_translations').whereIn('key', Object.keys(PACK_SNAPSHOT.translations)).count({ n: '*' })) as { n: number | string }[];
	const demoUsers = options.keepData
		? []
		: ((await knex('directus_users').whereIn('email', options.demoUserEmails).whereIn('role', roleIds).select('id', 'email')) as { id: string; email: string }[]);
	const demoIds = new Set(demoUsers.map((u) => u.id));
	const usersLosingRole = ((await knex('directus_users').whereIn('role', roleIds).orderBy('email').select('id', 'email', 'role')) as { id: string; email: string | null; role: string }[]).filter((u) => !demoIds.has(u.id));
	const presets = (await knex.schema.hasTable('directus_presets')) && Object.keys(owned.collections).length ? await readOwnedPresets(ctx, record?.presets) : [];

	const existingCollections = new Set(current.collections.map((c) => c.collection));
	const ownedCollections = [...PACK_NAMES].filter((name) => existingCollections.has(name) && name in owned.collections);
	const notOwned = [...PACK_NAMES].filter((name) => existingCollections.has(name) && !(name in owned.collections));
	const collections = options.keepData
		? []
		: await Promise.all(
				// Referencing tables before the ones they point at; the folder last (it must be empty when it goes).
				[...computeDropOrder(ownedCollections.filter((n) => PACK_TABLES.has(n)), current.relations), ...ownedCollections.filter((n) => !PACK_TABLES.has(n))].map(async (name) => {
					if (!PACK_TABLES.has(name) || !(await knex.schema.hasTable(name))) return { name, rows: null };
					const [row] = (await knex(name).count({ n: '*' })) as { n: number | string }[];
					return { name, rows: Number(row?.n ?? 0) };
				}),
			);
	const removed = new Set(collections.map((c) => c.name));
	const existingFields = new Set(current.fields.map((f) => `${f.collection}.${f.field}`));
	const systemFields = options.keepData
		? []
		: PACK_SNAPSHOT.fields.filter((f) => f.collection.startsWith('directus_')).map((f) => `${f.collection}.${f.field}`).filter((key) => existingFields.has(key) && key in owned.fields);
	const foreignReferences: ForeignReference[] = options.keepData
		? []
		: current.relations
				.filter((r) => !removed.has(r.collection) && !systemFields.includes(`${r.collection}.${r.field}`) && r.related_collection && removed.has(r.related_collection))
				.map((r) => ({ collection: r.collection, field: r.field!, related: r.related_collection!, constraint: ((r.schema as { constraint_name?: string } | null)?.constraint_name) ?? null }));
	const flowsUsingOperations = (await knex('directus_operations')
		.join('directus_flows', 'directus_flows.id', 'directus_operations.flow')
		.where('directus_operations.type', 'like', 'after-sales-%')
		.distinct('directus_flows.id', 'directus_flows.name')) as { id: string; name: string }[];

	return {
		keepData: options.keepData, roles, policies, usersLosingRole, presets, dashboards, translations: Number(translationCount?.n ?? 0),
		collections, systemFields, demoUsers, foreignReferences, notOwned, flowsUsingOperations,
	};
}

export async function uninstall(ctx: PackContext, plan: UninstallPlan): Promise<void> {
	const knex = ctx.database;
	const services = async () => {
		const schema = await ctx.getSchema({ database: knex, bypassCache: true });
		const opts = { knex, schema, accountability: SYSTEM_ACCOUNTABILITY };
		const s = ctx.services;
		return {
			users: new s.UsersService(opts), roles: new s.RolesService(opts), policies: new s.PoliciesService(opts), panels: new s.PanelsService(opts),
			dashboards: new s.DashboardsService(opts), translations: new s.TranslationsService(opts), 			fields: new s.FieldsService!(opts), collections: new s.CollectionsService!(opts),
		};
	};
	let svc = await services();
	// With keepData, first what the next install restores: who held which role, the presets kept.
	if (plan.keepData) await recordForReinstall(ctx, plan);
	// Directus suspends the users of a deleted role; a user the admin gave a pack role only loses it.
	if (plan.usersLosingRole.length) await knex('directus_users').whereIn('id', plan.usersLosingRole.map((u) => u.id)).update({ role: null });
	if (plan.policies.length) await svc.policies.deleteMany(plan.policies.map((p) => p.id));
	if (plan.roles.length) await svc.roles.deleteMany(plan.roles.map((r) => r.id));
	for (const dashboard of plan.dashboards) {
		const panels = await knex('directus_panels').where({ dashboard: dashboard.id }).pluck('id');
		if (panels.length) await svc.panels.deleteMany(panels);
		await svc.dashboards.deleteOne(dashboard.id);
	}
	const untouched = plan.presets.filter((p) => !p.edited).map((p) => p.id);
	if (untouched.length) await knex('directus_presets').whereIn('id', untouched).delete();
	const translations = await knex('directus_translations').whereIn('key', Object.keys(PACK_SNAPSHOT.translations)).pluck('id');
	if (translations.length) await svc.translations.deleteMany(translations);
	await unprovisionStudio(knex);
	if (plan.keepData) return;

	// Only the relation goes: Directus would otherwise drop a foreign field that points at a dropped collection.
	for (const reference of plan.foreignReferences) await step(`relation ${reference.collection}.${reference.field}`, () => detachReference(ctx, reference));
	svc = await services();
	for (const key of plan.systemFields) {
		const [collection, field] = key.split('.') as [string, string];
		await step(`field ${key}`, () => svc.fields.deleteField(collection, field));
		svc = await services();
	}
	for (const collection of plan.collections) {
		// Directus drops a self-referencing field after the table itself and fails; drop the field first.
		for (const field of await knex('directus_relations').where({ many_collection: collection.name, one_collection: collection.name }).pluck('many_field')) {
			await step(`field ${collection.name}.${field}`, () => svc.fields.deleteField(collection.name, field));
			svc = await services();
		}
		await step(`collection ${collection.name}`, () => svc.collections.deleteOne(collection.name));
		svc = await services();
	}
	if (plan.demoUsers.length) await svc.users.deleteMany(plan.demoUsers.map((u) => u.id));
}

/**
 * `uninstall --keep-data` leaves the install record in place for the next install, with who held
 * which pack role (added to any earlier uninstall's list) and only the presets that stay.
 */
async function recordForReinstall(ctx: PackContext, plan: UninstallPlan) {
	const current = await readInstallRecord(ctx);
	const base: InstallRecord = current ?? { version: 1, pack_version: PACK_VERSION, applied_at: new Date().toISOString(), ...(await ownedItems(ctx, (await schemaService(ctx).snapshot()) as Snapshot)).owned };
	const holders = new Map((current?.role_holders ?? []).map((h) => [h.user, h.role]));
	for (const user of plan.usersLosingRole) holders.set(user.id, user.role);
	const presets = Object.fromEntries(plan.presets.filter((p) => p.edited).map((p) => [p.id, p.hash]));
	await writeInstallRecord(ctx, { ...base, presets, role_holders: [...holders].map(([user, role]) => ({ user, role })) });
}

/**
 * A foreign many-to-one onto a pack collection becomes a plain field: Directus would drop the whole
 * field with the collection. Done by hand because RelationsService reads the foreign keys on a
 * connection of its own, which never comes on SQLite's single one.
 */
async function detachReference(ctx: PackContext, reference: ForeignReference) {
	const knex = ctx.database;
	// SQLite's foreign keys have no name (knex rebuilds the table without it); elsewhere the snapshot names it.
	if (vendorOf(knex) === 'sqlite') await knex.schema.alterTable(reference.collection, (table) => { table.dropForeign([reference.field]); });
	else if (reference.constraint) await knex.schema.alterTable(reference.collection, (table) => { table.dropForeign([reference.field], reference.constraint!); });
	await knex('directus_relations').where({ many_collection: reference.collection, many_field: reference.field }).delete();
	await knex('directus_fields').where({ collection: reference.collection, field: reference.field }).update({ special: null, interface: 'input', options: null, display: null, display_options: null });
}

/** A failed step says what it was removing; running uninstall again continues from there. */
async function step(what: string, fn: () => Promise<unknown>) {
	try {
		await fn();
	} catch (error) {
		throw new Error(`removing ${what}: ${(error as Error).message}`, { cause: error });
	}
}

/** The listing shown before anything is removed. */
export function formatUninstallPlan(plan: UninstallPlan): string[] {
	const lines: string[] = ['[after-sales] 卸载将删除 / uninstall removes:'];
	const item = (zh: string, en: string, names: string[]) => {
		if (names.length) lines.push(`  ${zh} / ${en} (${names.length}): ${names.join(', ')}`);
	};
	item('角色', 'roles', plan.roles.map((r) => r.name));
	item('策略及其权限', 'policies with their permissions', plan.policies.map((p) => `${p.name} (${p.permissions})`));
	item('仪表盘', 'dashboards', plan.dashboards.map((d) => `${d.name} (${d.panels} panels)`));
	if (plan.translations) lines.push(`  翻译 / translations: ${plan.translations}`);
	const presetName = (p: OwnedPreset) => `${p.collection}${p.edited ? '（管理员已修改 / changed by an admin）' : ''}`;
	item('列表默认列（全局预设）', 'default list columns (global presets)', plan.presets.filter((p) => !plan.keepData || !p.edited).map(presetName));
	if (plan.keepData) {
		lines.push('  保留数据（--keep-data）：本扩展的集合、字段和数据不删除 / --keep-data: the pack’s collections, fields and rows stay');
	} else {
		item('集合及其数据', 'collections with their rows', plan.collections.map((c) => (c.rows === null ? c.name : `${c.name} (${c.rows} rows)`)));
		item('系统集合上的字段', 'fields on system collections', plan.systemFields);
		item('演示用户', 'demo users', plan.demoUsers.map((u) => u.email));
	}
	lines.push('[after-sales] 保留 / kept:');
	const losing = plan.usersLosingRole.map((u) => `${u.email ?? u.id} (${ROLES.find((r) => r.id === u.role)?.name ?? u.role})`);
	if (plan.keepData) item('暂时失去本扩展角色的用户（已记录，重新安装时恢复）', 'users who lose a pack role until the next install (recorded; the install gives it back)', losing);
	else item('失去本扩展角色的用户（账号不变，不会恢复；请记下）', 'users who lose a pack role (otherwise unchanged; not restored, note them)', losing);
	item('管理员修改过的列表默认列（保留）', 'default list columns an admin changed (kept)', plan.keepData ? plan.presets.filter((p) => p.edited).map((p) => p.collection) : []);
	item('指向本扩展集合的外部字段（保留数值，成为普通字段）', 'foreign fields pointing at a pack collection (values kept; they become plain fields)', plan.foreignReferences.map((r) => `${r.collection}.${r.field} → ${r.related}`));
	item('同名但不是本扩展创建的集合（不动）', 'collections named like the pack’s but not created by it (untouched)', plan.notOwned);
	item('使用本扩展操作的流程（移除扩展后将失效）', 'flows using the pack’s operations (they fail once the extension is removed)', plan.flowsUsingOperations.map((f) => f.name));
	lines.push('  其他集合、数据、用户、角色和流程不变 / every other collection, row, user, role and flow stays as it is');
	return lines;
}
