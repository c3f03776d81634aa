// ESC-1: the `sla_timers` table: reading a set of records' timers, and writing planned timers in a
// few statements whatever their number (new ones inserted once by `timer_key`, changed ones in one
// UPDATE … FROM a JSON list, retired ones in one UPDATE).
import type { Knex } from 'knex';
import { computeNextCheckAt, type EscalationLevel, type PlannedTimer, type SlaCollection, type StoredTimer, type TimerRow, type TimerState, computeTimerKey } from '../../domain/sla';
import { fromInstant, toInstant, vendorOf } from '../lib/db-values';
import { insertManyOnce } from '../lib/insert-once';

type Row = Record<string, unknown>;

/** Rows per statement: well under PostgreSQL's 65,535 and SQLite's 32,766 bound parameters. */
const CHUNK = 1_000;

export function fromTimerRow(row: Row): StoredTimer & { id: number } {
	return {
		id: Number(row['id']),
		collection: row['collection'] as SlaCollection,
		item: String(row['item']),
		policy: row['policy'] === null || row['policy'] === undefined ? null : Number(row['policy']),
		milestone: String(row['milestone']),
		started_at: toInstant(row['started_at']) ?? new Date(0),
		due_at: toInstant(row['due_at']),
		warn_at: toInstant(row['warn_at']),
		paused_since: toInstant(row['paused_since']),
		paused_minutes: Number(row['paused_minutes'] ?? 0),
		state: (row['state'] as TimerState) ?? 'running',
		fulfilled_at: toInstant(row['fulfilled_at']),
		level: Number(row['level'] ?? 1) as EscalationLevel,
		warned_at: toInstant(row['warned_at']),
		breached_at: toInstant(row['breached_at']),
		next_check_at: toInstant(row['next_check_at']),
	};
}

export function toTimerColumns(row: TimerRow) {
	return {
		state: row.state,
		level: row.level,
		started_at: fromInstant(row.started_at),
		warn_at: fromInstant(row.warn_at),
		due_at: fromInstant(row.due_at),
		next_check_at: fromInstant(computeNextCheckAt(row)),
		paused_since: fromInstant(row.paused_since),
		// Whole minutes: the column is a decimal and business time is counted in minutes anyway.
		paused_minutes: Math.round(row.paused_minutes),
		warned_at: fromInstant(row.warned_at ?? null),
		breached_at: fromInstant(row.breached_at ?? null),
		fulfilled_at: fromInstant(row.fulfilled_at),
	};
}

const chunks = <T>(list: readonly T[], size = CHUNK): T[][] => {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
};

/** Every timer of the given records, grouped by `collection:item`. */
export async function readTimersOf(knex: Knex, refs: readonly { collection: SlaCollection; item: string }[]): Promise<Map<string, (StoredTimer & { id: number })[]>> {
	const result = new Map<string, (StoredTimer & { id: number })[]>();
	for (const ref of refs) result.set(`${ref.collection}:${ref.item}`, []);
	const byCollection = new Map<SlaCollection, string[]>();
	for (const ref of refs) byCollection.set(ref.collection, [...(byCollection.get(ref.collection) ?? []), ref.item]);
	for (const [collection, items] of byCollection) {
		for (const part of chunks(items)) {
			const rows: Row[] = await knex('sla_timers').where({ collection }).whereIn('item', part).orderBy('id').select('*');
			for (const row of rows) result.get(`${collection}:${row['item']}`)?.push(fromTimerRow(row));
		}
	}
	return result;
}

const UPDATED_COLUMNS = ['state', 'level', 'started_at', 'warn_at', 'due_at', 'next_check_at', 'paused_since', 'paused_minutes', 'warned_at', 'breached_at', 'fulfilled_at', 'policy', 'milestone_label', 'clock'] as const;
const TIMESTAMPS = new Set(['started_at', 'warn_at', 'due_at', 'next_check_at', 'paused_since', 'warned_at', 'breached_at', 'fulfilled_at']);
const TYPES: Record<(typeof UPDATED_COLUMNS)[number], { pg: string; mysql: string }> = {
	state: { pg: 'text', mysql: 'varchar(16)' }, level: { pg: 'integer', mysql: 'int' }, policy: { pg: 'integer', mysql: 'int' },
	paused_minutes: { pg: 'numeric', mysql: 'decimal(14,2)' }, milestone_label: { pg: 'text', mysql: 'varchar(255)' }, clock: { pg: 'text', mysql: 'varchar(16)' },
	started_at: { pg: 'timestamptz', mysql: 'datetime(3)' }, warn_at: { pg: 'timestamptz', mysql: 'datetime(3)' }, due_at: { pg: 'timestamptz', mysql: 'datetime(3)' },
	next_check_at: { pg: 'timestamptz', mysql: 'datetime(3)' }, paused_since: { pg: 'timestamptz', mysql: 'datetime(3)' }, warned_at: { pg: 'timestamptz', mysql: 'datetime(3)' },
	breached_at: { pg: 'timestamptz', mysql: 'datetime(3)' }, fulfilled_at: { pg: 'timestamptz', mysql: 'datetime(3)' },
};

function columnsOf(timer: PlannedTimer): Row {
	return { ...toTimerColumns(timer), policy: timer.policy, milestone_label: timer.milestone_label, clock: timer.clock };
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
	for (const part of chunks(known)) await bulkUpdate(knex, 'id', part.map((t) => ({ id: t.id, ...columnsOf(t) })));

	const fresh = timers.filter((t) => t.id === null);
	for (const part of chunks(fresh)) {
		const rows = part.map((t) => ({
			...columnsOf(t), timer_key: computeTimerKey(t.collection, t.item, t.milestone), collection: t.collection, item: t.item, milestone: t.milestone, date_created: fromInstant(now),
		}));
		const inserted = await insertManyOnce(knex, 'sla_timers', rows, 'timer_key');
		if (inserted < rows.length) await bulkUpdate(knex, 'timer_key', rows.map((r) => ({ timer_key: r.timer_key, ...pick(r) })));
		const found: { id: number; timer_key: string }[] = await knex('sla_timers').whereIn('timer_key', rows.map((r) => r.timer_key)).select('id', 'timer_key');
		for (const f of found) ids.set(f.timer_key, Number(f.id));
	}
	return ids;
}

const pick = (row: Row): Row => Object.fromEntries(UPDATED_COLUMNS.map((c) => [c, row[c]]));

/** ESC-1: these timers stay as history but are never checked again. */
export async function retireTimers(knex: Knex, ids: readonly number[]): Promise<void> {
	for (const part of chunks(ids)) await knex('sla_timers').whereIn('id', part).update({ next_check_at: null });
}

/**
 * One UPDATE for many rows with different values: the rows travel as one JSON parameter, read
 * back as a table (`json_to_recordset` on PostgreSQL, `json_each` on SQLite, `JSON_TABLE` on MySQL).
 */
async function bulkUpdate(knex: Knex, key: 'id' | 'timer_key', rows: Row[]): Promise<void> {
	if (!rows.length) return;
	const vendor = vendorOf(knex);
	const set = UPDATED_COLUMNS;
	if (vendor === 'postgres') {
		const types = [`${key} ${key === 'id' ? 'integer' : 'text'}`, ...set.map((c) => `${c} ${TYPES[c].pg}`)].join(', ');
		await knex.raw(`update sla_timers as t set ${set.map((c) => `${c} = v.${c}`).join(', ')} from json_to_recordset(?::json) as v(${types}) where t.${key} = v.${key}`, [JSON.stringify(rows)]);
		return;
	}
	if (vendor === 'mysql') {
		const toMysql = (row: Row) => Object.fromEntries(Object.entries(row).map(([c, v]) => [c, TIMESTAMPS.has(c) && typeof v === 'string' ? v.replace('T', ' ').replace('Z', '') : v]));
		const columns = [`${key} ${key === 'id' ? 'int' : 'varchar(191)'} path '$.${key}'`, ...set.map((c) => `${c} ${TYPES[c].mysql} path '$.${c}' null on empty`)].join(', ');
		await knex.raw(`update sla_timers t join json_table(?, '$[*]' columns (${columns})) v on t.${key} = v.${key} set ${set.map((c) => `t.${c} = v.${c}`).join(', ')}`, [JSON.stringify(rows.map(toMysql))]);
		return;
	}
	const fields = [key, ...set].map((c) => `json_extract(value, '$.${c}') as ${c}`).join(', ');
	await knex.raw(`update sla_timers set ${set.map((c) => `${c} = v.${c}`).join(', ')} from (select ${fields} from json_each(?)) as v where sla_timers.${key} = v.${key}`, [JSON.stringify(rows)]);
}
