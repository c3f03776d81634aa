// NTF-3: a delivery run's lease counts from its last renewal, so a slow sweep or a slow receiver
// never lets another instance take over rows still being sent; rows taken over anyway are lost
// to the run. On a real SQLite database (in memory), with the clock as a parameter.
import knexFactory, { type Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { claimUnderLease, clockFrom, LeaseHold } from './claim-under-lease';
import { fromInstant } from './db-values';

const T0 = new Date('2026-12-04T08:00:00.000Z');
let knex: Knex;
let at: number;
const clock = () => new Date(at);

beforeEach(async () => {
	knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
	await knex.schema.createTable('deliveries', (t) => {
		t.increments('id');
		t.string('next_delivery_at').nullable();
	});
	await knex('deliveries').insert([1, 2, 3].map(() => ({ next_delivery_at: fromInstant(new Date(T0.getTime() - 60_000), knex) })));
	at = T0.getTime();
});
afterEach(async () => {
	await knex.destroy();
});

const claim = (lease: string, now = clock()) => claimUnderLease<{ id: number }>(knex, { table: 'deliveries', now, lease, batch: 10, max: Infinity });

describe('LeaseHold (NTF-3)', () => {
	test('NTF-3: when enough of the lease is left, then keep writes nothing and the lease stays', async () => {
		const hold = new LeaseHold(knex, 'deliveries', 5_000, clock);
		const lease = hold.lease;
		expect((await claim(lease)).map((r) => r.id)).toEqual([1, 2, 3]);
		at += 1_000;
		await hold.keep(() => [1, 2, 3], 3_000);
		expect(hold.lease).toBe(lease);
		expect(hold.lost.size).toBe(0);
	});

	test('NTF-3: when a run outlives its first lease but renewed it in time, then another instance claiming after the first expiry gets none of its rows', async () => {
		const hold = new LeaseHold(knex, 'deliveries', 5_000, clock);
		const first = hold.lease;
		await claim(first);
		at += 4_000;
		await hold.keep(() => [1, 2, 3], 3_000);
		expect(hold.lease).not.toBe(first);
		expect(hold.remaining()).toBeGreaterThanOrEqual(5_000);
		// Past the first lease's end (at most 5 s and 997 ms of jitter after T0), before the second's.
		expect(await claim('other', new Date(T0.getTime() + 6_500))).toEqual([]);
		expect(hold.lost.size).toBe(0);
		expect((await knex('deliveries').where('next_delivery_at', hold.lease).select('id')).map((r) => r.id)).toEqual([1, 2, 3]);
	});

	test('NTF-3: when another instance took a row over before the renewal, then that row is lost to this run and the rest stay held', async () => {
		const hold = new LeaseHold(knex, 'deliveries', 5_000, clock);
		await claim(hold.lease);
		at += 7_000;
		// The lease ran out (a stalled run): another instance claims row 2 only.
		await knex('deliveries').where({ id: 2 }).update({ next_delivery_at: 'taken' });
		await hold.keep(() => [1, 2, 3], 3_000);
		expect([...hold.lost]).toEqual([2]);
		expect((await knex('deliveries').where('next_delivery_at', hold.lease).select('id')).map((r) => r.id)).toEqual([1, 3]);
		expect((await knex('deliveries').where({ id: 2 }).first('next_delivery_at')).next_delivery_at).toBe('taken');
	});

	test('NTF-3: when a write was refused, then check marks the rows no longer under the lease as lost', async () => {
		const hold = new LeaseHold(knex, 'deliveries', 5_000, clock);
		await claim(hold.lease);
		await knex('deliveries').where({ id: 3 }).update({ next_delivery_at: 'taken' });
		await hold.check([1, 2, 3]);
		expect([...hold.lost]).toEqual([3]);
	});

	test('NTF-3: when a sweep of a past instant runs, then its clock keeps that frame and moves on by wall-clock time', () => {
		const since = Date.now() - 2_000;
		const now = clockFrom(T0, since)();
		expect(now.getTime() - T0.getTime()).toBeGreaterThanOrEqual(2_000);
		expect(now.getTime() - T0.getTime()).toBeLessThan(60_000);
	});
});
