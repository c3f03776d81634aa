// ESC-1, ESC-4: one UPDATE for many rows with different values. The rows travel as one JSON
// parameter, read back as a table: `json_to_recordset` on PostgreSQL, `json_each` on SQLite,
// `JSON_TABLE` on MySQL. Used for the sweep's timers and the deliveries' state.
import type { Knex } from 'knex';
import { vendorOf } from '../lib/db-values';

export type BulkColumn = { name: string; type: 'text' | 'integer' | 'decimal' | 'timestamp' | 'json' };

const PG_TYPES = { text: 'text', integer: 'integer', decimal: 'numeric', timestamp: 'timestamptz', json: 'json' } as const;
const MYSQL_TYPES = { text: 'varchar(255)', integer: 'int', decimal: 'decimal(14,2)', timestamp: 'datetime(3)', json: 'json' } as const;

type Row = Record<string, unknown>;

const MYSQL_INSTANT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;

/** MariaDB / MySQL: every `timestamp` value is null or the UTC wall clock `fromInstant(…, knex)` writes. */
function assertVendorInstants(row: Row, columns: readonly BulkColumn[]) {
	for (const column of columns) {
		const value = row[column.name];
		if (column.type === 'timestamp' && value !== null && value !== undefined && !(typeof value === 'string' && MYSQL_INSTANT.test(value))) {
			throw new Error(`bulkUpdate: ${column.name} must be written with fromInstant(…, knex), got ${JSON.stringify(value)}`);
		}
	}
}

/**
 * Sets `columns` of `table` from `rows`, matched on `key`. `guard` adds a condition every updated
 * row must meet (a delivery lease still held). Returns nothing: callers that must know which rows
 * matched lock and read them first. Instants (`timestamp` columns) are passed as `fromInstant(date,
 * knex)` gives them: ISO text on SQLite and PostgreSQL, the UTC wall clock on MariaDB / MySQL.
 */
export async function bulkUpdate(knex: Knex, table: string, key: BulkColumn, columns: readonly BulkColumn[], rows: readonly Row[], guard?: { column: string; value: unknown }): Promise<void> {
	if (!rows.length) return;
	const vendor = vendorOf(knex);
	// A JSON column's value travels as JSON, not as a string of JSON (which would be stored double-encoded).
	const jsonColumns = columns.filter((c) => c.type === 'json').map((c) => c.name);
	if (jsonColumns.length) rows = rows.map((row) => ({ ...row, ...Object.fromEntries(jsonColumns.map((c) => [c, typeof row[c] === 'string' ? JSON.parse(row[c] as string) : row[c]])) }));
	const bindings: unknown[] = [];
	if (vendor === 'postgres') {
		const types = [key, ...columns].map((c) => `${c.name} ${PG_TYPES[c.type]}`).join(', ');
		const set = columns.map((c) => `${c.name} = v.${c.name}`).join(', ');
		bindings.push(JSON.stringify(rows));
		let sql = `update ${table} as t set ${set} from json_to_recordset(?::json) as v(${types}) where t.${key.name} = v.${key.name}`;
		if (guard) {
			sql += ` and t.${guard.column} = ?`;
			bindings.push(guard.value);
		}
		await knex.raw(sql, bindings as never);
		return;
	}
	if (vendor === 'mysql') {
		// Instants arrive as the vendor stores them (`fromInstant(…, knex)`); ISO text is refused, not converted.
		for (const row of rows) assertVendorInstants(row, columns);
		const table_ = [key, ...columns].map((c) => `${c.name} ${c.type === 'text' && c === key ? 'varchar(191)' : MYSQL_TYPES[c.type]} path '$.${c.name}' null on empty`).join(', ');
		bindings.push(JSON.stringify(rows));
		let sql = `update ${table} t join json_table(?, '$[*]' columns (${table_})) v on t.${key.name} = v.${key.name} set ${columns.map((c) => `t.${c.name} = v.${c.name}`).join(', ')}`;
		if (guard) {
			sql += ` where t.${guard.column} = ?`;
			bindings.push(guard.value);
		}
		await knex.raw(sql, bindings as never);
		return;
	}
	// SQLite: json_extract hands a nested JSON value back as text, which is how JSON columns are stored.
	const fields = [key, ...columns].map((c) => `json_extract(value, '$.${c.name}') as ${c.name}`).join(', ');
	bindings.push(JSON.stringify(rows));
	let sql = `update ${table} set ${columns.map((c) => `${c.name} = v.${c.name}`).join(', ')} from (select ${fields} from json_each(?)) as v where ${table}.${key.name} = v.${key.name}`;
	if (guard) {
		// `+` keeps SQLite from driving the update by the guard's index and scanning the JSON once per row.
		sql += ` and +${table}.${guard.column} = ?`;
		bindings.push(guard.value);
	}
	await knex.raw(sql, bindings as never);
}
