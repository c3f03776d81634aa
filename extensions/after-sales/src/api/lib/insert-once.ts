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
	if (rows.length === 0) return 0;
	const columns = Array.isArray(key) ? key : [key];
	const vendor = vendorOf(knex);
	if (vendor === 'mysql') {
		// MySQL / MariaDB have no ON CONFLICT. `INSERT IGNORE` would also swallow foreign-key and
		// truncation errors, and `ON DUPLICATE KEY UPDATE` cannot count: mysql2 connects with
		// CLIENT_FOUND_ROWS, so a duplicate reports 1 affected row, like an insert. A duplicate-key
		// error there rolls back only its statement (the transaction goes on), so each row is tried.
		let inserted = 0;
		for (const row of rows) {
			try {
				await knex(table).insert(toWriteRow(row, knex));
				inserted++;
			} catch (error) {
				if (!isUniqueViolation(error)) throw error;
			}
		}
		return inserted;
	}
	// PostgreSQL and SQLite (3.24+): ON CONFLICT (key) DO NOTHING, with RETURNING to count.
	const inserted = await knex(table).insert(rows).onConflict(columns).ignore().returning(columns[0]!);
	return Array.isArray(inserted) ? inserted.length : 0;
}

/** One row: true when it was inserted, false when its key was already taken. */
export async function insertOnce(knex: Knex, table: string, row: Row, key: string | string[]): Promise<boolean> {
	return (await insertManyOnce(knex, table, [row], key)) > 0;
}
