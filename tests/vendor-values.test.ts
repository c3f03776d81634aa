// The vendor module and insertOnce on the database this run uses (SQLite, PostgreSQL or MariaDB /
// MySQL): exactly-once inserts, instants, decimals, JSON and 4-byte Chinese text as the pack's raw
// queries read and write them. A scratch table of its own, dropped afterwards.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromInstant, rowsOf, toInstant, toJson, vendorOf } from '../extensions/after-sales/src/api/lib/db-values';
import { insertManyOnce, insertManyOnceReturning, insertOnce } from '../extensions/after-sales/src/api/lib/insert-once';
import { dialectOf, toFen } from '../extensions/after-sales/src/api/reports/sql-dialect';
import { closeTestDb, testDb } from './reports-db';

const TABLE = `as_vendor_probe_${process.pid}`;
const PARENT = `${TABLE}_parent`;

beforeAll(async () => {
	const knex = testDb();
	await knex.schema.dropTableIfExists(TABLE);
	await knex.schema.dropTableIfExists(PARENT);
	await knex.schema.createTable(PARENT, (t) => { t.increments('id'); });
	await knex.schema.createTable(TABLE, (t) => {
		t.increments('id');
		t.string('once_key', 64).notNullable().unique();
		t.integer('parent').unsigned().nullable().references('id').inTable(PARENT);
		t.text('note');
		t.timestamp('at', { useTz: true }).nullable();
		t.decimal('amount', 14, 2).nullable();
		t.json('payload').nullable();
	});
});

afterAll(async () => {
	const knex = testDb();
	await knex.schema.dropTableIfExists(TABLE);
	await knex.schema.dropTableIfExists(PARENT);
	await closeTestDb();
});

describe(`vendor values on ${process.env['DB_CLIENT'] ?? 'sqlite3'}`, () => {
	test('INT-3: when the same key is inserted twice, then the second insert is a no-op that reports false', async () => {
		const knex = testDb();
		expect(await insertOnce(knex, TABLE, { once_key: 'a', note: 'first' }, 'once_key')).toBe(true);
		expect(await insertOnce(knex, TABLE, { once_key: 'a', note: 'second' }, 'once_key')).toBe(false);
		expect(await knex(TABLE).where({ once_key: 'a' }).select('note')).toEqual([{ note: 'first' }]);
	});

	test('INT-3: when a batch holds new and taken keys, then only the new rows are inserted and counted', async () => {
		const knex = testDb();
		await insertOnce(knex, TABLE, { once_key: 'b1' }, 'once_key');
		expect(await insertManyOnce(knex, TABLE, [{ once_key: 'b1' }, { once_key: 'b2' }, { once_key: 'b3' }], 'once_key')).toBe(2);
		expect(await insertManyOnce(knex, TABLE, [{ once_key: 'b1' }, { once_key: 'b2' }], 'once_key')).toBe(0);
	});

	test('ESC-4: when a batch holds new and taken keys, then insertManyOnceReturning hands back the new rows only, with their ids', async () => {
		const knex = testDb();
		await insertOnce(knex, TABLE, { once_key: 'r1' }, 'once_key');
		const rows = await insertManyOnceReturning(knex, TABLE, [{ once_key: 'r1' }, { once_key: 'r2' }, { once_key: 'r3' }], 'once_key', ['id', 'once_key']);
		const stored: { id: number; once_key: string }[] = await knex(TABLE).whereIn('once_key', ['r2', 'r3']).orderBy('once_key').select('id', 'once_key');
		expect(rows.map((r) => ({ id: Number(r['id']), once_key: String(r['once_key']) })).sort((a, b) => a.once_key.localeCompare(b.once_key))).toEqual(stored.map((r) => ({ id: Number(r.id), once_key: r.once_key })));
		expect(await insertManyOnceReturning(knex, TABLE, [{ once_key: 'r2' }], 'once_key', ['id'])).toEqual([]);
	});

	test('INT-3: when a duplicate is met inside a transaction, then the transaction goes on and commits its other writes', async () => {
		const knex = testDb();
		await insertOnce(knex, TABLE, { once_key: 't1' }, 'once_key');
		await knex.transaction(async (trx) => {
			expect(await insertOnce(trx, TABLE, { once_key: 't1' }, 'once_key')).toBe(false);
			expect(await insertOnce(trx, TABLE, { once_key: 't2' }, 'once_key')).toBe(true);
		});
		expect((await knex(TABLE).whereIn('once_key', ['t1', 't2']).select('once_key')).map((r) => r.once_key).sort()).toEqual(['t1', 't2']);
	});

	test('INT-3: when a row breaks another constraint than its key, then insertOnce throws instead of ignoring it', async () => {
		const knex = testDb();
		if (vendorOf(knex) === 'sqlite') {
			// The test connection does not enable SQLite's foreign keys (Directus does on its own); NOT NULL stands in.
			await expect(insertOnce(knex, TABLE, { once_key: null }, 'once_key')).rejects.toThrow();
			return;
		}
		await expect(insertOnce(knex, TABLE, { once_key: 'fk', parent: 999_999 }, 'once_key')).rejects.toThrow();
		expect(await knex(TABLE).where({ once_key: 'fk' }).select('id')).toEqual([]);
	});

	test('CAL-3: when an instant is written and read back through raw knex, then it is the same UTC instant', async () => {
		const knex = testDb();
		// Whole seconds: Directus's timestamp columns on MySQL (and this one) keep no fraction.
		const at = new Date('2026-03-08T16:30:15.000Z');
		await knex(TABLE).insert({ once_key: 'instant', at: fromInstant(at, knex) });
		const row = await knex(TABLE).where({ once_key: 'instant' }).first('at');
		expect(toInstant(row.at, knex)?.toISOString()).toBe(at.toISOString());
		const later = await knex(TABLE).where('at', '>', fromInstant(new Date(at.getTime() - 60_000), knex)).andWhere({ once_key: 'instant' }).select('id');
		expect(later).toHaveLength(1);
	});

	test('INT-3: when insertOnce is given an instant as the ISO text the domain produces, then every vendor stores that instant', async () => {
		const knex = testDb();
		expect(await insertOnce(knex, TABLE, { once_key: 'iso', at: '2026-03-08T16:30:15.000Z' }, 'once_key')).toBe(true);
		const row = await knex(TABLE).where({ once_key: 'iso' }).first('at');
		expect(toInstant(row.at, knex)?.toISOString()).toBe('2026-03-08T16:30:15.000Z');
	});

	test('RPT-2: when instants are grouped by local day, then the calendar offset moves a late-evening UTC instant to the next day', async () => {
		const knex = testDb();
		const d = dialectOf(knex);
		await knex(TABLE).insert({ once_key: 'late', at: fromInstant(new Date('2026-03-08T17:30:00Z'), knex) });
		const result = await knex.raw(`select ${d.localDay('at', 'Asia/Shanghai', 480)} as k from ${TABLE} where once_key = ?`, ['late']);
		expect(rowsOf<{ k: string }>(result, knex)[0]?.k).toBe('2026-03-09');
	});

	test('INT-4: when decimals are summed in SQL, then the total in fen is exact', async () => {
		const knex = testDb();
		await knex(TABLE).insert([{ once_key: 'm1', amount: '0.10' }, { once_key: 'm2', amount: '0.20' }, { once_key: 'm3', amount: '123456789012.34' }]);
		const d = dialectOf(knex);
		const result = await knex.raw(`select ${d.sumFen('amount')} as fen from ${TABLE} where once_key in ('m1', 'm2', 'm3')`);
		expect(toFen(rowsOf<{ fen: unknown }>(result, knex)[0]?.fen)).toBe(12345678901264n);
	});

	test('ARC-1: when Chinese text with 4-byte characters and a JSON value are stored, then both come back unchanged', async () => {
		const knex = testDb();
		const note = '𠮷野家 售后服务部 😀';
		await knex(TABLE).insert({ once_key: 'utf8mb4', note, payload: JSON.stringify({ reasons: ['重复索赔'], n: 1 }) });
		const row = await knex(TABLE).where({ once_key: 'utf8mb4' }).first('note', 'payload');
		expect(row.note).toBe(note);
		expect(toJson(row.payload)).toEqual({ reasons: ['重复索赔'], n: 1 });
	});
});
