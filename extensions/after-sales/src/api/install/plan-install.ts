// Reads the project (snapshot, install record, tables, licence) and plans an install without
// writing anything: the one source of `install --dry-run`, of a refused install and of a real one.
import { PACK_SNAPSHOT } from './pack-snapshot';
import { computeLimitBreaches, loadEntitlements, type LimitUse } from './check-licence-limits';
import { adoptUnrecordedInstall, computeSchemaPlan, type Clash, type DatabaseTables, type KeptEdit, type Snapshot } from './compute-schema-plan';
import { EMPTY_OWNED, readInstallRecord, type InstallRecord, type OwnedItems } from './install-record';
import { ROLES } from './roles';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';

export type DiffEntry = { collection: string; field?: string; diff: { kind: string; path?: (string | number)[]; lhs?: unknown; rhs?: unknown }[] };
export type SchemaDiff = { collections: DiffEntry[]; fields: DiffEntry[]; relations: DiffEntry[] };

export type InstallPlan = {
	clashes: Clash[];
	/** Every limit checked, and the ones the install would exceed. */
	limits: LimitUse[];
	breaches: LimitUse[];
	/** Why the licence limits could not be read (then Directus still enforces them while installing). */
	limitsUnknown: string | null;
	kept: KeptEdit[];
	diff: SchemaDiff | null;
	current: Snapshot;
	owned: OwnedItems;
	/** The pack was installed before installs were recorded; its collections are adopted. */
	adopted: boolean;
	/** The install record as found (null when there is none). */
	record: InstallRecord | null;
};

export type PlanOptions = {
	/** Emails of the demo data's Studio users, when the install also seeds (`--seed`, `seed`). */
	seedStudioUsers?: string[];
};

export const schemaService = (ctx: PackContext) => new ctx.services.SchemaService({ knex: ctx.database, accountability: SYSTEM_ACCOUNTABILITY });

export async function planInstall(ctx: PackContext, options: PlanOptions = {}): Promise<InstallPlan> {
	const service = schemaService(ctx);
	const current = (await service.snapshot()) as Snapshot;
	const record = await readInstallRecord(ctx);
	const adopted = !record && (await isUnrecordedInstall(ctx, current));
	const owned = record ?? (adopted ? adoptUnrecordedInstall(current, PACK_SNAPSHOT) : EMPTY_OWNED);
	const plan = computeSchemaPlan(current, PACK_SNAPSHOT, owned, await readPackTables(ctx));
	for (const clash of plan.clashes) {
		if (clash.kind === 'collection' && PACK_SNAPSHOT.collections.find((c) => c.collection === clash.name)?.schema && (await ctx.database.schema.hasTable(clash.name))) {
			const [row] = (await ctx.database(clash.name).count({ n: '*' })) as { n: number | string }[];
			clash.rows = Number(row?.n ?? 0);
		}
	}

	const limits: LimitUse[] = [];
	let limitsUnknown: string | null = null;
	try {
		const entitlements = await loadEntitlements(ctx);
		limits.push({ key: 'collections', limit: entitlements.limit('collections'), usage: await entitlements.usage('collections'), adding: plan.newCollections.length });
		if (options.seedStudioUsers) {
			limits.push({ key: 'seats', limit: entitlements.limit('seats'), usage: await entitlements.usage('seats'), adding: await seatsTheSeedTakes(ctx, options.seedStudioUsers) });
		}
	} catch (error) {
		limitsUnknown = (error as Error).message;
	}

	const diff = plan.clashes.length
		? null
		: ((await service.diff(plan.snapshot, { currentSnapshot: current, force: true, mode: 'merge' })) as SchemaDiff | null);
	return { clashes: plan.clashes, limits, breaches: computeLimitBreaches(limits), limitsUnknown, kept: plan.kept, diff, current, owned: plan.owned, adopted, record };
}

/** The seats check alone, for `after-sales seed` (the demo data's Studio users). */
export async function checkSeedSeats(ctx: PackContext, emails: string[]): Promise<{ breaches: LimitUse[]; unknown: string | null }> {
	try {
		const entitlements = await loadEntitlements(ctx);
		const use: LimitUse = { key: 'seats', limit: entitlements.limit('seats'), usage: await entitlements.usage('seats'), adding: await seatsTheSeedTakes(ctx, emails) };
		return { breaches: computeLimitBreaches([use]), unknown: null };
	} catch (error) {
		return { breaches: [], unknown: (error as Error).message };
	}
}

/** The seed adds its Studio users only into a pack without data, and only those not there yet. */
async function seatsTheSeedTakes(ctx: PackContext, emails: string[]): Promise<number> {
	const knex = ctx.database;
	if (await knex.schema.hasTable('dealers')) {
		const [row] = (await knex('dealers').count({ n: '*' })) as { n: number | string }[];
		if (Number(row?.n ?? 0) > 0) return 0;
	}
	const existing = await knex('directus_users').whereIn('email', emails).pluck('email');
	return emails.filter((email) => !existing.includes(email)).length;
}

/** Before installs were recorded: the pack's settings collection and one of its policies exist. */
async function isUnrecordedInstall(ctx: PackContext, current: Snapshot): Promise<boolean> {
	if (!current.fields.some((f) => f.collection === 'service_settings' && f.field === 'sla_reconciled_until')) return false;
	const policy = await ctx.database('directus_policies').whereIn('id', ROLES.map((r) => r.policyId)).first('id');
	return Boolean(policy);
}

/** Tables (and their columns) named like the pack's, whether Directus manages them or not. */
async function readPackTables(ctx: PackContext): Promise<DatabaseTables> {
	const names = new Set([...PACK_SNAPSHOT.collections.filter((c) => c.schema).map((c) => c.collection), ...PACK_SNAPSHOT.fields.map((f) => f.collection)]);
	const tables: DatabaseTables = {};
	for (const name of names) {
		if (await ctx.database.schema.hasTable(name)) tables[name] = Object.keys(await ctx.database(name).columnInfo());
	}
	return tables;
}
