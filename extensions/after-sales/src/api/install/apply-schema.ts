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
			return now && now.type === f.type ? { ...f, schema: now.schema } : f;
		}),
		systemFields: [],
		relations: pack.relations.map((r) => {
			const now = existingRelations.get(key(r));
			return now ? { ...r, schema: now.schema } : r;
		}),
	};
}

export async function applySchema(ctx: PackContext): Promise<{ changed: number }> {
	const service = new ctx.services.SchemaService({ knex: ctx.database, accountability: SYSTEM_ACCOUNTABILITY });
	const current = (await service.snapshot()) as Snapshot;
	const after = computeInstallSnapshot(current);
	const diff = await service.diff(after, { currentSnapshot: current, force: true, mode: 'merge' });
	if (!diff) return { changed: 0 };
	const changed = diff.collections.length + diff.fields.length + diff.relations.length;
	await service.apply({ hash: service.getHashedSnapshot(current).hash, diff }, { force: true });
	return { changed };
}
