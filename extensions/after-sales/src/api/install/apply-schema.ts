// Installs the pack's schema into any Directus project by *merging*: a partial snapshot of our own
// collections diffed in `merge` mode, so nothing outside the pack is touched or deleted (unlike the
// CLI's `schema apply`, which mirrors a snapshot and drops every other collection).
import shipped from '../../../../../snapshots/after-sales.json';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';

type Item = { collection: string; field?: string; schema?: unknown; meta?: unknown; type?: string };
type Snapshot = { version: number; directus: string; vendor?: string; collections: Item[]; fields: Item[]; systemFields: Item[]; relations: Item[] };

export const PACK_SNAPSHOT = shipped as unknown as Snapshot & { translations: Record<string, Record<string, string>> };
export const PACK_COLLECTIONS = PACK_SNAPSHOT.collections.filter((c) => Boolean(c.schema)).map((c) => c.collection);

const key = (item: Item) => `${item.collection}.${item.field ?? ''}`;

/**
 * The shipped snapshot, adjusted to the current database: for what already exists we keep the
 * vendor's column/constraint description (a snapshot made on SQLite describes columns differently
 * from PostgreSQL) and only bring `meta` to the shipped version. New items are created as shipped.
 */
export function computeInstallSnapshot(current: Snapshot, pack: Snapshot = PACK_SNAPSHOT): Snapshot {
	const existingFields = new Map(current.fields.map((f) => [key(f), f]));
	const existingRelations = new Map(current.relations.map((r) => [key(r), r]));
	const existingCollections = new Map(current.collections.map((c) => [c.collection, c]));
	return {
		version: 2,
		directus: current.directus,
		vendor: current.vendor,
		collections: pack.collections.map((c) => {
			const now = existingCollections.get(c.collection);
			return now?.schema ? { ...c, schema: now.schema } : c;
		}),
		fields: pack.fields.map((f) => {
			const now = existingFields.get(key(f));
			// An existing column keeps its type and vendor description: SQLite reports a decimal as
			// `float` and a uuid as `string`, and retyping a live column is a migration, not an install.
			return now ? { ...f, type: now.type, schema: now.schema } : f;
		}),
		systemFields: [],
		relations: pack.relations.map((r) => {
			const now = existingRelations.get(key(r));
			return now ? { ...r, schema: now.schema } : r;
		}),
	};
}

type DiffEntry = { collection: string; field?: string; diff: { kind: string; path?: (string | number)[]; lhs?: unknown; rhs?: unknown }[] };

/** One line per pending change, for `--dry-run`. */
export function describeDiff(diff: { collections: DiffEntry[]; fields: DiffEntry[]; relations: DiffEntry[] }): string[] {
	return [...diff.collections, ...diff.fields, ...diff.relations].flatMap((entry) =>
		entry.diff.map((d) => `${d.kind} ${entry.collection}${entry.field ? `.${entry.field}` : ''}${d.path ? ` ${d.path.join('.')}` : ''}${d.kind === 'E' ? `: ${JSON.stringify(d.lhs)} → ${JSON.stringify(d.rhs)}` : ''}`),
	);
}

export async function applySchema(ctx: PackContext, options: { dryRun?: boolean } = {}): Promise<{ changed: number; changes: string[] }> {
	const service = new ctx.services.SchemaService({ knex: ctx.database, accountability: SYSTEM_ACCOUNTABILITY });
	const current = (await service.snapshot()) as Snapshot;
	const after = computeInstallSnapshot(current);
	const diff = await service.diff(after, { currentSnapshot: current, force: true, mode: 'merge' });
	if (!diff) return { changed: 0, changes: [] };
	const changed = diff.collections.length + diff.fields.length + diff.relations.length;
	if (options.dryRun) return { changed, changes: describeDiff(diff) };
	await service.apply({ hash: service.getHashedSnapshot(current).hash, diff }, { force: true });
	return { changed, changes: [] };
}
