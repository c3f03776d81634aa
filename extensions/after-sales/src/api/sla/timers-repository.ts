// ESC-1: the `sla_timers` table: reading a set of records' timers, and writing planned timers in a
// few statements whatever their number (new ones inserted once by `timer_key`, changed ones in one
// UPDATE … FROM a JSON list, retired ones in one UPDATE).
import type { Knex } from 'knex';
import { computeNextCheckAt, type EscalationLevel, type PlannedTimer, type SlaCollection, type StoredTimer, type TimerRow, type TimerState, computeTimerKey } from '../../domain/sla';
import { fromInstant, toInstant, vendorOf } from '../lib/db-values';
import { bulkUpdate, type BulkColumn } from './bulk-update';
import { insertManyOnceReturning } from '../lib/insert-once';

type Row = Record<string, unknown>;

/** Rows per statement: well under PostgreSQL's 65,535 and SQLite's 32,766 bound parameters. */
const CHUNK = 1_000;

/** A stored timer as read through `knex` (MariaDB / MySQL instants are read back as the vendor stores them). */
export function fromTimerRow(row: Row, knex: Knex): StoredTimer & { id: number } {
	const at = (column: string) => toInstant(row[column], knex);
	return {
		id: Number(row['id']),
		collection: row['collection'] as SlaCollection,
		item: String(row['item']),
		policy: row['policy'] === null || row['policy'] === undefined ? null : Number(row['policy']),
		milestone: String(row['milestone']),
		started_at: at('started_at') ?? new Date(0),
		due_at: at('due_at'),
		warn_at: at('warn_at'),
		paused_since: at('paused_since'),
		paused_minutes: Number(row['paused_minutes'] ?? 0),
		state: (row['state'] as TimerState) ?? 'running',
		fulfilled_at: at('fulfilled_at'),
		level: Number(row['level'] ?? 1) as EscalationLevel,
		warned_at: at('warned_at'),
		breached_at: at('breached_at'),
		next_check_at: at('next_check_at'),
	};
}

/** A timer's columns as written through `knex`: every instant in the vendor's own format (fromInstant). */
export function toTimerColumns(row: TimerRow, knex: Knex) {
	const at = (date: Date | null | undefined) => fromInstant(date ?? null, knex);
	return {
		state: row.state,
		level: row.level,
		started_at: at(row.started_at),
		warn_at: at(row.warn_at),
		due_at: at(row.due_at),
		next_check_at: at(computeNextCheckAt(row)),
		paused_since: at(row.paused_since),
		// Whole minutes: the column is a decimal and business time is counted in minutes anyway.
		paused_minutes: Math.round(row.paused_minutes),
		warned_at: at(row.warned_at),
		breached_at: at(row.breached_at),
		fulfilled_at: at(row.fulfilled_at),
	};
}

const chunks = <T>(list: readonly T[], size = CHUNK): T[][] => {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
};

/** The columns `fromTimerRow` reads: not the labels, keys and dates Studio shows. */
const STORED_COLUMNS = ['id', 'collection', 'item', 'policy', 'milestone', 'started_at', 'due_at', 'warn_at', 'paused_since', 'paused_minutes', 'state', 'fulfilled_at', 'level', 'warned_at', 'breached_at', 'next_check_at'];

/** Every timer of the given records, grouped by `collection:item`. */
export async function readTimersOf(knex: Knex, refs: readonly { collection: SlaCollection; item: string }[]): Promise<Map<string, (StoredTimer & { id: number })[]>> {
	const result = new Map<string, (StoredTimer & { id: number })[]>();
	for (const ref of refs) result.set(`${ref.collection}:${ref.item}`, []);
	const byCollection = new Map<SlaCollection, string[]>();
	for (const ref of refs) {
		const items = byCollection.get(ref.collection);
		if (items) items.push(ref.item);
		else byCollection.set(ref.collection, [ref.item]);
	}
	for (const [collection, items] of byCollection) {
		for (const part of chunks(items)) {
			const rows: Row[] = await knex('sla_timers').where({ collection }).whereIn('item', part).orderBy('id').select(STORED_COLUMNS);
			for (const row of rows) result.get(`${collection}:${row['item']}`)?.push(fromTimerRow(row, knex));
		}
	}
	return result;
}

const UPDATED_COLUMNS = ['state', 'level', 'started_at', 'warn_at', 'due_at', 'next_check_at', 'paused_since', 'paused_minutes', 'warned_at', 'breached_at', 'fulfilled_at', 'policy', 'milestone_label', 'clock'] as const;
const TYPES: Record<string, BulkColumn['type']> = { state: 'text', level: 'integer', policy: 'integer', paused_minutes: 'decimal', milestone_label: 'text', clock: 'text' };
const COLUMNS: BulkColumn[] = UPDATED_COLUMNS.map((name) => ({ name, type: TYPES[name] ?? 'timestamp' }));
const bulkUpdateTimers = (knex: Knex, key: 'id' | 'timer_key', rows: Row[]) => bulkUpdate(knex, 'sla_timers', { name: key, type: key === 'id' ? 'integer' : 'text' }, COLUMNS, rows);

function columnsOf(timer: PlannedTimer, knex: Knex): Row {
	return { ...toTimerColumns(timer, knex), policy: timer.policy, milestone_label: timer.milestone_label, clock: timer.clock };
}

/**
 * ESC-1: writes planned timers. Known ones (with an id) are updated in one statement per chunk;
 * new ones are inserted once by `timer_key`, and where a concurrent writer created the same timer a
 * moment ago, ours, the newer computation, is written over it by key. Returns the id of every
 * timer written, by `timer_key`.
 */
export async function writeTimers(knex: Knex, timers: readonly PlannedTimer[], now: Date): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	const known = timers.filter((t) => t.id !== null);
	for (const t of known) ids.set(computeTimerKey(t.collection, t.item, t.milestone), t.id!);
	// ESC-2: clocks only raised to the record's new level, one statement per level and chunk.
	const raised = new Map<number, number[]>();
	for (const t of known) {
		if (!t.level_only) continue;
		const list = raised.get(t.level);
		if (list) list.push(t.id!);
		else raised.set(t.level, [t.id!]);
	}
	for (const [level, list] of raised) for (const part of chunks(list)) await knex('sla_timers').whereIn('id', part).update({ level });
	for (const part of chunks(known.filter((t) => !t.level_only))) await bulkUpdateTimers(knex, 'id', part.map((t) => ({ id: t.id, ...columnsOf(t, knex) })));

	const fresh = timers.filter((t) => t.id === null);
	for (const part of chunks(fresh)) {
		const rows = part.map((t) => ({
			...columnsOf(t, knex), timer_key: computeTimerKey(t.collection, t.item, t.milestone), collection: t.collection, item: t.item, milestone: t.milestone, date_created: fromInstant(now, knex),
		}));
		// The new rows hand back their ids; only keys another writer took first are updated and read back.
		// (MySQL has no RETURNING: there the ids are read back in one statement, as before.)
		const inserted = await insertManyOnceReturning(knex, 'sla_timers', rows, 'timer_key', vendorOf(knex) === 'mysql' ? ['timer_key'] : ['id', 'timer_key']);
		for (const r of inserted) if (r['id'] !== undefined && r['id'] !== null) ids.set(String(r['timer_key']), Number(r['id']));
		const taken = rows.filter((r) => !ids.has(r.timer_key));
		if (!taken.length) continue;
		if (inserted.length < rows.length) await bulkUpdateTimers(knex, 'timer_key', taken.map((r) => ({ timer_key: r.timer_key, ...pick(r) })));
		const found: { id: number; timer_key: string }[] = await knex('sla_timers').whereIn('timer_key', taken.map((r) => r.timer_key)).select('id', 'timer_key');
		for (const f of found) ids.set(f.timer_key, Number(f.id));
	}
	return ids;
}

const pick = (row: Row): Row => Object.fromEntries(UPDATED_COLUMNS.map((c) => [c, row[c]]));

/** ESC-1: these timers stay as history but are never checked again. */
export async function retireTimers(knex: Knex, ids: readonly number[]): Promise<void> {
	for (const part of chunks(ids)) await knex('sla_timers').whereIn('id', part).update({ next_check_at: null });
}

