// Pure: what an install would do to the schema, given the project's current snapshot and what the
// pack owns (its install record). A pack name the pack does not own is a clash and nothing is
// planned for it; an owned item gets the shipped meta only where its current value is still what
// the pack last wrote (an admin's edit is kept and reported).
import { EMPTY_OWNED, hashValue, type OwnedItems } from './install-record';

export type SnapshotItem = { collection: string; field?: string; related_collection?: string | null; type?: string; schema?: unknown; meta?: Record<string, unknown> | null };
export type Snapshot = { version: number; directus: string; vendor?: string; collections: SnapshotItem[]; fields: SnapshotItem[]; systemFields: SnapshotItem[]; relations: SnapshotItem[] };

export type Clash =
	| { kind: 'collection'; name: string; unmanaged: boolean; typeConflicts: { field: string; theirs: string; ours: string }[]; rows?: number }
	| { kind: 'field'; name: string; unmanaged: boolean; theirs?: string; ours?: string }
	| { kind: 'relation'; name: string; theirs: string | null; ours: string | null };

export type KeptEdit = { kind: 'collection' | 'field' | 'relation'; name: string; property: string };

export type SchemaPlan = {
	clashes: Clash[];
	/** The snapshot to diff against the current one in `merge` mode. */
	snapshot: Snapshot;
	kept: KeptEdit[];
	/** What the pack owns once the plan is applied (the next install record's items). */
	owned: OwnedItems;
	/** Pack collections with a table that do not exist yet (they count against the collections limit). */
	newCollections: string[];
};

/** Columns of the tables that exist in the database, by table name (Directus-managed or not). */
export type DatabaseTables = Record<string, string[]>;

const fieldKey = (item: SnapshotItem) => `${item.collection}.${item.field ?? ''}`;
const isSystem = (collection: string) => collection.startsWith('directus_');

function hashes(meta: Record<string, unknown> | null | undefined): Record<string, string> {
	return Object.fromEntries(Object.entries(meta ?? {}).map(([key, value]) => [key, hashValue(value)]));
}

/**
 * Per meta property: the shipped value where the current one is the shipped one or the one the pack
 * last wrote; otherwise the admin's value, reported as kept.
 */
export function mergeMeta(current: Record<string, unknown> | null | undefined, shipped: Record<string, unknown> | null | undefined, last: Record<string, string> | undefined) {
	const meta: Record<string, unknown> = { ...(current ?? {}) };
	const written: Record<string, string> = {};
	const kept: string[] = [];
	for (const [property, value] of Object.entries(shipped ?? {})) {
		const now = hashValue(current?.[property]);
		const ours = hashValue(value);
		const before = last?.[property];
		if (now === ours || before === undefined || before === now) {
			meta[property] = value;
			written[property] = ours;
		} else {
			meta[property] = current?.[property];
			written[property] = before;
			kept.push(property);
		}
	}
	return { meta, written, kept };
}

/**
 * A project the pack was installed into before installs were recorded: its collections sit in the
 * pack's folder. They, their pack fields and relations, and the pack's fields on system collections
 * are adopted with the shipped values as what the pack last wrote, so anything that differs now
 * counts as an admin's edit and is kept.
 */
export function adoptUnrecordedInstall(current: Snapshot, pack: Snapshot): OwnedItems {
	const folder = pack.collections.find((c) => !c.schema)?.collection;
	const packNames = new Set(pack.collections.map((c) => c.collection));
	const adopted = new Set(
		current.collections
			.filter((c) => packNames.has(c.collection) && (c.collection === folder || (folder !== undefined && c.meta?.['group'] === folder)))
			.map((c) => c.collection),
	);
	const existingFields = new Set(current.fields.map(fieldKey));
	const existingRelations = new Set(current.relations.map(fieldKey));
	const ownsField = (item: SnapshotItem) => (adopted.has(item.collection) || isSystem(item.collection)) && existingFields.has(fieldKey(item));
	return {
		collections: Object.fromEntries(pack.collections.filter((c) => adopted.has(c.collection)).map((c) => [c.collection, hashes(c.meta)])),
		fields: Object.fromEntries(pack.fields.filter(ownsField).map((f) => [fieldKey(f), hashes(f.meta)])),
		relations: Object.fromEntries(pack.relations.filter((r) => ownsField(r) && existingRelations.has(fieldKey(r))).map((r) => [fieldKey(r), hashes(r.meta)])),
	};
}

export function computeSchemaPlan(current: Snapshot, pack: Snapshot, owned: OwnedItems = EMPTY_OWNED, tables: DatabaseTables = {}): SchemaPlan {
	const currentCollections = new Map(current.collections.map((c) => [c.collection, c]));
	const currentFields = new Map(current.fields.map((f) => [fieldKey(f), f]));
	const currentRelations = new Map(current.relations.map((r) => [fieldKey(r), r]));
	const clashes: Clash[] = [];
	const kept: KeptEdit[] = [];
	const next: OwnedItems = { collections: { ...owned.collections }, fields: { ...owned.fields }, relations: { ...owned.relations } };

	const clashingCollections = new Set<string>();
	for (const c of pack.collections) {
		const now = currentCollections.get(c.collection);
		const unmanaged = !now && c.collection in tables;
		if ((now && !(c.collection in owned.collections)) || unmanaged) {
			clashingCollections.add(c.collection);
			const typeConflicts = pack.fields
				.filter((f) => f.collection === c.collection)
				.flatMap((f) => {
					const theirs = currentFields.get(fieldKey(f))?.type;
					return theirs && theirs !== f.type ? [{ field: f.field!, theirs, ours: f.type ?? '?' }] : [];
				});
			clashes.push({ kind: 'collection', name: c.collection, unmanaged, typeConflicts });
		}
	}
	const clashingFields = new Set<string>();
	for (const f of pack.fields) {
		if (clashingCollections.has(f.collection)) continue;
		const key = fieldKey(f);
		const now = currentFields.get(key);
		const unmanaged = !now && (tables[f.collection] ?? []).includes(f.field!);
		if ((now && !(key in owned.fields)) || unmanaged) {
			clashingFields.add(key);
			clashes.push({ kind: 'field', name: key, unmanaged, theirs: now?.type, ours: f.type });
		}
	}
	for (const r of pack.relations) {
		const key = fieldKey(r);
		if (clashingCollections.has(r.collection) || clashingFields.has(key)) continue;
		const now = currentRelations.get(key);
		if (now && !(key in owned.relations)) clashes.push({ kind: 'relation', name: key, theirs: now.related_collection ?? null, ours: r.related_collection ?? null });
	}

	const merge = (kind: KeptEdit['kind'], name: string, now: SnapshotItem | undefined, shipped: SnapshotItem, records: Record<string, Record<string, string>>) => {
		if (!now) {
			records[name] = hashes(shipped.meta);
			return shipped.meta;
		}
		const { meta, written, kept: properties } = mergeMeta(now.meta, shipped.meta, records[name]);
		records[name] = written;
		for (const property of properties) kept.push({ kind, name, property });
		return shipped.meta === null || shipped.meta === undefined ? now.meta : meta;
	};

	const snapshot: Snapshot = {
		version: 2,
		directus: current.directus,
		vendor: current.vendor,
		collections: pack.collections.map((c) => {
			const now = currentCollections.get(c.collection);
			const meta = merge('collection', c.collection, now, c, next.collections);
			// An existing table keeps the vendor's description of itself.
			return { ...c, meta, ...(now?.schema ? { schema: now.schema } : {}) };
		}),
		fields: pack.fields.map((f) => {
			const now = currentFields.get(fieldKey(f));
			const meta = merge('field', fieldKey(f), now, f, next.fields);
			// An existing column keeps its type and vendor description: SQLite reports a decimal as
			// `float` and a uuid as `string`, and retyping a live column is a migration, not an install.
			return now ? { ...f, meta, type: now.type, schema: now.schema } : f;
		}),
		systemFields: [],
		relations: pack.relations.map((r) => {
			const now = currentRelations.get(fieldKey(r));
			const meta = merge('relation', fieldKey(r), now, r, next.relations);
			return now ? { ...r, meta, schema: now.schema } : r;
		}),
	};
	const newCollections = pack.collections.filter((c) => c.schema && !currentCollections.has(c.collection)).map((c) => c.collection);
	return { clashes, snapshot, kept: clashes.length ? [] : kept, owned: next, newCollections };
}
