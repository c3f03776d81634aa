// INT-3, WTY-8, ESC-4: the one way the pack writes an exactly-once row (ledger credits,
// escalations, timers, return batches, quality alerts, deliveries). The database's unique key
// decides; a conflict is not an error, and no statement fails, so a PostgreSQL transaction is
// never left aborted (no savepoint needed) and the caller can go on in the same transaction.
import type { Knex } from 'knex';
import { isUniqueViolation, toWriteRow, vendorOf } from './db-values';

type Row = Record<string, unknown>;

/**
 * Inserts `rows` into `table` unless a row with the same `key` (the columns of a unique index)
 * exists. Returns how many rows were inserted (0 when every one was already there).
 */
export async function insertManyOnce(knex: Knex, table: string, rows: Row[], key: string | string[]): Promise<number> {
	const columns = Array.isArray(key) ? key : [key];
	return (await insertManyOnceReturning(knex, table, rows, key, [columns[0]!])).length;
}

/**
 * The same, handing back `returning` of the rows this call inserted (and only those: a row whose
 * key was already taken belongs to whoever wrote it first). ESC-4: the sweep delivers exactly the
 * escalations it logged.
 */
export async function insertManyOnceReturning(knex: Knex, table: string, rows: Row[], key: string | string[], returning: string[]): Promise<Row[]> {
	if (rows.length === 0) return [];
	const columns = Array.isArray(key) ? key : [key];
	const vendor = vendorOf(knex);
	if (vendor === 'mysql') {
		// MySQL / MariaDB have no ON CONFLICT. `INSERT IGNORE` would also swallow foreign-key and
		// truncation errors, and `ON DUPLICATE KEY UPDATE` cannot count: mysql2 connects with
		// CLIENT_FOUND_ROWS, so a duplicate reports 1 affected row, like an insert. A duplicate-key
		// error there rolls back only its statement (the transaction goes on), so each row is tried.
		const inserted: Row[] = [];
		for (const row of rows) {
			try {
				await knex(table).insert(toWriteRow(row, knex));
				inserted.push(row);
			} catch (error) {
				if (!isUniqueViolation(error)) throw error;
			}
		}
		if (!inserted.length || returning.every((c) => columns.includes(c))) return inserted.map((row) => Object.fromEntries(returning.map((c) => [c, row[c]])));
		// Other columns (a generated id) are read back by key.
		const found: Row[] = [];
		for (const row of inserted) {
			const hit = await knex(table).where(Object.fromEntries(columns.map((c) => [c, row[c]]))).first(returning);
			if (hit) found.push(hit);
		}
		return found;
	}
	// PostgreSQL and SQLite (3.24+): ON CONFLICT (key) DO NOTHING, with RETURNING for what was inserted.
	const inserted = await knex(table).insert(rows).onConflict(columns).ignore().returning(returning);
	return Array.isArray(inserted) ? (inserted as Row[]) : [];
}

/** One row: true when it was inserted, false when its key was already taken. */
export async function insertOnce(knex: Knex, table: string, row: Row, key: string | string[]): Promise<boolean> {
	return (await insertManyOnce(knex, table, [row], key)) > 0;
}
