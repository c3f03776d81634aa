// Vendor differences of the report queries, in one place. Directus stores timestamps in SQLite as
// epoch milliseconds (integers) and in PostgreSQL as timestamptz; dates as 'YYYY-MM-DD' text (or,
// written by some paths, epoch ms) in SQLite and as `date` in PostgreSQL; JSON as text in SQLite.
// MariaDB / MySQL hold instants as the UTC wall clock in a zone-less column, dates as `date`, JSON
// as text (MariaDB's JSON is LONGTEXT), and often have no time-zone tables (CONVERT_TZ with a zone
// name answers NULL there), so the calendar's fixed offset is applied, as on SQLite.
import type { Knex } from 'knex';
import { instantText, rowsOf, vendorOf } from '../lib/db-values';

export { rowsOf };

export type Dialect = {
	client: 'sqlite' | 'pg' | 'mysql';
	/** A bound value comparable with an instant column. */
	instant: (date: Date) => unknown;
	/** SQL for "column b is at most `minutes` after column a" (both instants). */
	withinMinutes: (a: string, b: string, minutes: number) => { sql: string; bindings: unknown[] };
	/** SQL for a date column as comparable 'YYYY-MM-DD' text. */
	day: (column: string) => string;
	/** FROM-clause fragment that expands a JSON array column into rows of a `value` column. */
	jsonArrayRows: (column: string, alias: string) => string;
	/** SQL for the local calendar month ('YYYY-MM') / day ('YYYY-MM-DD') of an instant column. */
	localMonth: (column: string, timeZone: string, offsetMinutes: number) => string;
	localDay: (column: string, timeZone: string, offsetMinutes: number) => string;
	/** SQL for a decimal column summed exactly, in fen (integer). */
	sumFen: (column: string) => string;
};

export function dialectOf(knex: Knex): Dialect {
	const vendor = vendorOf(knex);
	if (vendor === 'postgres') return pg;
	if (vendor === 'sqlite') return sqlite;
	if (vendor === 'mysql') return mysql;
	throw new Error(`reports: database client ${String(knex.client.config.client)} is not supported (SQLite, PostgreSQL, MariaDB and MySQL are)`);
}

const sqliteMs = (column: string) =>
	`(case when typeof(${column}) in ('integer', 'real') then ${column} when ${column} glob '[0-9]*' and ${column} not like '%-%' then cast(${column} as integer) else cast(round((julianday(${column}) - 2440587.5) * 86400000) as integer) end)`;

const sqlite: Dialect = {
	client: 'sqlite',
	instant: (date) => date.getTime(),
	withinMinutes: (a, b, minutes) => ({ sql: `${sqliteMs(b)} - ${sqliteMs(a)} <= ?`, bindings: [minutes * 60_000] }),
	day: (column) => `(case when typeof(${column}) in ('integer', 'real') then date(${column} / 1000, 'unixepoch') else substr(${column}, 1, 10) end)`,
	jsonArrayRows: (column, alias) => `json_each(case when json_valid(${column}) and json_type(${column}) = 'array' then ${column} else '[]' end) as ${alias}`,
	// SQLite has no time-zone database: the calendar's offset (fixed for Asia/Shanghai) is applied.
	localMonth: (column, _tz, offset) => `strftime('%Y-%m', ${sqliteMs(column)} / 1000 + ${Math.trunc(offset) * 60}, 'unixepoch')`,
	localDay: (column, _tz, offset) => `strftime('%Y-%m-%d', ${sqliteMs(column)} / 1000 + ${Math.trunc(offset) * 60}, 'unixepoch')`,
	sumFen: (column) => `coalesce(sum(cast(round(${column} * 100) as integer)), 0)`,
};

const quoteZone = (tz: string) => `'${tz.replace(/'/g, "''")}'`;

const pg: Dialect = {
	client: 'pg',
	instant: (date) => date,
	withinMinutes: (a, b, minutes) => ({ sql: `${b} <= ${a} + make_interval(mins => ?)`, bindings: [minutes] }),
	day: (column) => `to_char(${column}, 'YYYY-MM-DD')`,
	jsonArrayRows: (column, alias) => `json_array_elements_text(case when json_typeof(${column}::json) = 'array' then ${column}::json else '[]'::json end) as ${alias}(value)`,
	localMonth: (column, tz) => `to_char(${column} at time zone ${quoteZone(tz)}, 'YYYY-MM')`,
	localDay: (column, tz) => `to_char(${column} at time zone ${quoteZone(tz)}, 'YYYY-MM-DD')`,
	sumFen: (column) => `coalesce(sum(round(${column} * 100))::bigint, 0)`,
};

/** '+08:00' for an offset of 480 minutes. */
const offsetText = (minutes: number) => {
	const m = Math.trunc(minutes);
	const abs = Math.abs(m);
	return `'${m < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}'`;
};

const mysqlLocal = (column: string, offset: number, format: string) => `date_format(convert_tz(${column}, '+00:00', ${offsetText(offset)}), '${format}')`;

const mysql: Dialect = {
	client: 'mysql',
	instant: (date) => instantText(date, 'mysql'),
	withinMinutes: (a, b, minutes) => ({ sql: `${b} <= timestampadd(minute, ?, ${a})`, bindings: [minutes] }),
	day: (column) => `date_format(${column}, '%Y-%m-%d')`,
	jsonArrayRows: (column, alias) =>
		`json_table(case when json_valid(${column}) and json_type(${column}) = 'ARRAY' then ${column} else '[]' end, '$[*]' columns (value varchar(255) path '$')) as ${alias}`,
	localMonth: (column, _tz, offset) => mysqlLocal(column, offset, '%Y-%m'),
	localDay: (column, _tz, offset) => mysqlLocal(column, offset, '%Y-%m-%d'),
	sumFen: (column) => `coalesce(cast(sum(round(${column} * 100)) as signed), 0)`,
};

/** A fen total as returned by the driver (number, string or bigint) → bigint. */
export function toFen(value: unknown): bigint {
	if (value === null || value === undefined || value === '') return 0n;
	if (typeof value === 'bigint') return value;
	return BigInt(String(value).split('.')[0]!);
}

export const toCount = (value: unknown) => Number(value ?? 0);
