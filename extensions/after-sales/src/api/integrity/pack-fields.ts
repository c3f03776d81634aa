// The value kinds of the pack's own fields, read from the shipped schema snapshot (the vendor's
// column types are no guide: SQLite has no decimal or date columns).
import shipped from '../../../../../snapshots/after-sales.json';

export type FieldKind = { kind: 'date' } | { kind: 'instant' } | { kind: 'money' } | { kind: 'decimal'; scale: number } | { kind: 'integer'; relation: boolean } | { kind: 'uuid'; relation: boolean } | { kind: 'json' } | { kind: 'boolean' };

type SnapshotField = { collection: string; field: string; type: string; schema?: { numeric_scale?: number | null; is_nullable?: boolean } | null };
type SnapshotRelation = { collection: string; field: string; related_collection: string | null; schema?: { on_delete?: string | null } | null; meta?: { one_field?: string | null } | null };

const snapshot = shipped as unknown as { collections: Array<{ collection: string }>; fields: SnapshotField[]; relations: SnapshotRelation[] };

export const PACK_COLLECTIONS: readonly string[] = snapshot.collections.map((c) => c.collection).filter((c) => !c.startsWith('directus_') && c !== 'after_sales');

/** Decimals with two places that are not money (computed ratings, minutes). */
const NOT_MONEY = new Set(['customers.avg_satisfaction', 'sla_timers.paused_minutes']);

export const FIELD_KINDS: ReadonlyMap<string, ReadonlyMap<string, FieldKind>> = (() => {
	const map = new Map<string, Map<string, FieldKind>>();
	const relational = new Set(snapshot.relations.map((r) => `${r.collection}.${r.field}`));
	for (const f of snapshot.fields) {
		const relation = relational.has(`${f.collection}.${f.field}`);
		let kind: FieldKind | null = null;
		if (f.type === 'date') kind = { kind: 'date' };
		else if (f.type === 'integer') kind = { kind: 'integer', relation };
		else if (f.type === 'uuid') kind = { kind: 'uuid', relation };
		else if (f.type === 'json') kind = { kind: 'json' };
		else if (f.type === 'boolean') kind = { kind: 'boolean' };
		else if (f.type === 'timestamp' || f.type === 'dateTime') kind = { kind: 'instant' };
		else if (f.type === 'decimal') {
			const scale = f.schema?.numeric_scale ?? 2;
			kind = scale === 2 && !NOT_MONEY.has(`${f.collection}.${f.field}`) ? { kind: 'money' } : { kind: 'decimal', scale };
		}
		if (!kind) continue;
		if (!map.has(f.collection)) map.set(f.collection, new Map());
		map.get(f.collection)!.set(f.field, kind);
	}
	return map;
})();

/** Relations whose rows would block a delete (no cascade, no set-null): referencing collection and field. */
export const BLOCKING_REFERENCES: ReadonlyMap<string, ReadonlyArray<{ collection: string; field: string }>> = (() => {
	const map = new Map<string, Array<{ collection: string; field: string }>>();
	const notNull = new Set(snapshot.fields.filter((f) => f.schema?.is_nullable === false).map((f) => `${f.collection}.${f.field}`));
	for (const r of snapshot.relations) {
		if (!r.related_collection) continue;
		const onDelete = (r.schema?.on_delete ?? 'NO ACTION').toUpperCase();
		// SET NULL on a required column cannot be carried out: it blocks like RESTRICT.
		if (onDelete === 'CASCADE' || ((onDelete === 'SET NULL' || onDelete === 'SET DEFAULT') && !notNull.has(`${r.collection}.${r.field}`))) continue;
		if (!map.has(r.related_collection)) map.set(r.related_collection, []);
		map.get(r.related_collection)!.push({ collection: r.collection, field: r.field });
	}
	return map;
})();

/** One-to-many lists (customers.units …): per collection, the alias field and the collection its items are in. */
export const O2M_FIELDS: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
	const map = new Map<string, Map<string, string>>();
	for (const r of snapshot.relations) {
		const alias = r.meta?.one_field;
		if (!alias || !r.related_collection) continue;
		if (!map.has(r.related_collection)) map.set(r.related_collection, new Map());
		map.get(r.related_collection)!.set(alias, r.collection);
	}
	return map;
})();
