import type { Knex } from 'knex';

// Vendor differences in how values come back from a raw knex query, in one place: SQLite returns
// instants as text or epoch milliseconds and booleans as 0/1; PostgreSQL returns Date objects,
// decimals as strings and dates as Date at local midnight. MariaDB / MySQL (mysql2) return
// decimals as strings, booleans as 0/1, JSON as text (MariaDB's JSON is LONGTEXT), dates as Date
// at local midnight, and instants as Date read from a column that holds the UTC wall clock (as
// Directus writes it there: DATETIME/TIMESTAMP carry no zone, and mysql2 reads them as local time).

/** An instant as stored by Directus (always UTC, CAL-3). Pass `knex` for MariaDB / MySQL reads. */
export function toInstant(value: unknown, knex?: Knex): Date | null {
	if (value === null || value === undefined || value === '') return null;
	if (value instanceof Date) return knex && vendorOf(knex) === 'mysql' ? new Date(value.getTime() - value.getTimezoneOffset() * 60_000) : value;
	if (typeof value === 'number') return new Date(value);
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return new Date(Number(text));
	const iso = text.includes('T') ? text : text.replace(' ', 'T');
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso);
	const date = new Date(hasZone || iso.length <= 10 ? iso : `${iso}Z`);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date column as 'YYYY-MM-DD'. */
export function toDay(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (value instanceof Date) {
		// pg's date type is parsed at local midnight of the server process.
		const y = value.getFullYear();
		const m = String(value.getMonth() + 1).padStart(2, '0');
		const d = String(value.getDate()).padStart(2, '0');
		return `${y}-${m}-${d}`;
	}
	// SQLite may hold a date as epoch milliseconds of its UTC midnight.
	if (typeof value === 'number' || /^\d{9,}$/.test(String(value))) return new Date(Number(value)).toISOString().slice(0, 10);
	return String(value).slice(0, 10);
}

export function toBool(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

/** A JSON column: SQLite hands it back as text through raw knex, PostgreSQL already parsed. */
export function toJson(value: unknown): unknown {
	if (typeof value !== 'string') return value ?? null;
	if (!value.trim()) return null;
	return JSON.parse(value);
}

/** A JSON list column (history, reminders, reasons); anything unreadable counts as empty. */
export function toJsonArray(value: unknown): any[] {
	try {
		const parsed = toJson(value);
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		return [];
	}
}

/**
 * How an instant is written (or bound in a comparison) through raw knex. ISO text for SQLite and
 * PostgreSQL; MariaDB / MySQL refuse a zone suffix ("Incorrect datetime value …Z") and get the
 * UTC wall clock, which is what Directus itself stores there. Pass `knex` on every raw write.
 */
export function fromInstant(date: Date | null, knex?: Knex): string | null {
	return date ? instantText(date, knex ? vendorOf(knex) : 'other') : null;
}

/**
 * An instant as Directus's own ItemsService stores it, for raw writes to (and comparisons with) a
 * column Directus writes too (`follow_ups.due_at`: the Studio and the rules both fill it): SQLite
 * gets epoch milliseconds, as Directus writes there, so the column never mixes numbers and text
 * (which SQLite orders apart); the other vendors get what `fromInstant` gives.
 */
export function toStoredInstant(date: Date | null, knex: Knex): string | number | null {
	if (!date) return null;
	return vendorOf(knex) === 'sqlite' ? date.getTime() : fromInstant(date, knex);
}

/**
 * An instant cut to the precision the vendor's timestamp columns keep: whole seconds on MariaDB /
 * MySQL (Directus creates `TIMESTAMP` without fractions there), milliseconds elsewhere. A value that
 * is written and later matched for equality (a delivery lease) must be cut first.
 */
export function toStoredPrecision(date: Date, knex: Knex): Date {
	return vendorOf(knex) === 'mysql' ? new Date(Math.ceil(date.getTime() / 1000) * 1000) : date;
}

/** An instant as text the vendor's timestamp columns accept and compare correctly. */
export function instantText(date: Date, vendor: Vendor): string {
	const iso = date.toISOString();
	return vendor === 'mysql' ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}` : iso;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * A row of the pack's own tables ready for a raw knex insert or update on this vendor: on MariaDB /
 * MySQL every instant (a Date, or the ISO text the domain produces) becomes the UTC wall clock;
 * elsewhere the row is returned as is. Directus's ItemsService does this itself; raw writes must.
 */
export function toWriteRow<T extends Record<string, unknown>>(row: T, knex: Knex): T {
	if (vendorOf(knex) !== 'mysql') return row;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(row)) {
		out[k] = v instanceof Date ? instantText(v, 'mysql') : typeof v === 'string' && ISO_INSTANT.test(v) ? instantText(new Date(v), 'mysql') : v;
	}
	return out as T;
}

/** The rows of a `knex.raw` select, whatever the driver: pg `{ rows }`, mysql2 `[rows, fields]`, sqlite3 `rows`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown, knex: Knex): T[] {
	if (vendorOf(knex) === 'mysql') return (Array.isArray(result) ? result[0] : []) as T[];
	if (Array.isArray(result)) return result as T[];
	return ((result as { rows?: T[] })?.rows ?? []) as T[];
}

export type Vendor = 'postgres' | 'sqlite' | 'mysql' | 'other';

/** Which database a knex instance talks to (its client name: pg, sqlite3, mysql2 …). */
export function vendorOf(knex: Knex): Vendor {
	const client = String(knex.client.config.client);
	if (client.includes('pg') || client.includes('postgres')) return 'postgres';
	if (client.includes('sqlite')) return 'sqlite';
	if (client.includes('mysql')) return 'mysql';
	return 'other';
}

/** Unique (and primary-key) violations as SQLite, PostgreSQL and MySQL report them on a raw insert. */
export function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; errno?: number; message?: string };
	return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'ER_DUP_ENTRY'
		|| /UNIQUE constraint failed|duplicate key value/i.test(e?.message ?? '');
}
