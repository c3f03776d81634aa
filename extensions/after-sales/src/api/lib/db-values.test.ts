import knexFactory from 'knex';
import { describe, expect, test } from 'vitest';
import { leaseOf } from './claim-under-lease';
import { fromInstant, instantText, rowsOf, toInstant, toStoredPrecision, toWriteRow, vendorOf } from './db-values';

// Clients are never connected: vendorOf only reads the configuration.
const mysql = knexFactory({ client: 'mysql2' });
const pg = knexFactory({ client: 'pg' });
const sqlite = knexFactory({ client: 'sqlite3', useNullAsDefault: true });

describe('vendor values', () => {
	test.each([
		[mysql, 'mysql'],
		[pg, 'postgres'],
		[sqlite, 'sqlite'],
	] as const)('vendorOf(%#) is %s', (knex, vendor) => {
		expect(vendorOf(knex)).toBe(vendor);
	});

	test('CAL-3: when an instant is written for MySQL, then it is the UTC wall clock without a zone suffix (MariaDB refuses "…Z")', () => {
		const at = new Date('2026-12-01T10:31:52.747Z');
		expect(fromInstant(at, mysql)).toBe('2026-12-01 10:31:52.747');
		expect(instantText(at, 'mysql')).toBe('2026-12-01 10:31:52.747');
	});

	test.each([pg, sqlite, undefined])('CAL-3: when an instant is written for PostgreSQL, SQLite or an unknown database, then it is ISO 8601 in UTC (%#)', (knex) => {
		expect(fromInstant(new Date('2026-12-01T10:31:52.747Z'), knex)).toBe('2026-12-01T10:31:52.747Z');
	});

	test('NTF-3: when a delivery lease is taken on MySQL, then it is a whole second (the column keeps no fraction, so the rows written with it match it again)', () => {
		const now = new Date('2026-12-01T10:31:52.747Z');
		for (let i = 0; i < 20; i++) {
			const lease = leaseOf(mysql, now, 120_000);
			expect(lease).toMatch(/^2026-12-01 10:3[34]:\d{2}\.000$/);
			expect(new Date(`${lease.replace(' ', 'T')}Z`).getTime()).toBeGreaterThanOrEqual(now.getTime() + 120_000);
		}
		expect(toStoredPrecision(now, mysql).toISOString()).toBe('2026-12-01T10:31:53.000Z');
		expect(toStoredPrecision(now, pg)).toBe(now);
		expect(toStoredPrecision(now, sqlite)).toBe(now);
	});

	test('CAL-3: when mysql2 hands back a UTC wall clock read as local time, then toInstant with the MySQL client recovers the instant', () => {
		// What mysql2 builds for the column value '2026-12-01 10:31:52' in whatever zone the process runs.
		const asRead = new Date(2026, 11, 1, 10, 31, 52);
		expect(toInstant(asRead, mysql)?.toISOString()).toBe('2026-12-01T10:31:52.000Z');
		expect(toInstant(asRead, pg)).toBe(asRead);
		expect(toInstant('2026-12-01 10:31:52')?.toISOString()).toBe('2026-12-01T10:31:52.000Z');
	});

	test.each([
		['mysql2 [rows, fields]', mysql, [[{ n: 1 }], [{ name: 'n' }]]],
		['pg { rows }', pg, { rows: [{ n: 1 }], rowCount: 1 }],
		['sqlite3 rows', sqlite, [{ n: 1 }]],
	] as const)('rowsOf reads %s', (_label, knex, result) => {
		expect(rowsOf(result, knex)).toEqual([{ n: 1 }]);
	});

	test('CAL-3: when a row is prepared for a raw MySQL write, then its instants (Date or ISO text) become the UTC wall clock and nothing else changes', () => {
		const row = { settled_at: '2026-12-01T10:31:52.747Z', posted_at: new Date('2026-12-01T02:00:00Z'), sold_on: '2026-12-01', note: '2026-12-01T10:31 见面', amount: '12.30', n: 3, none: null };
		expect(toWriteRow(row, mysql)).toEqual({ settled_at: '2026-12-01 10:31:52.747', posted_at: '2026-12-01 02:00:00.000', sold_on: '2026-12-01', note: '2026-12-01T10:31 见面', amount: '12.30', n: 3, none: null });
		expect(toWriteRow(row, pg)).toBe(row);
		expect(toWriteRow(row, sqlite)).toBe(row);
	});
});
