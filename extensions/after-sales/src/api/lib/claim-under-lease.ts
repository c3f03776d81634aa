// NTF-3: the claim every delivery loop makes (escalations, job notices, customer notices): rows
// whose `next_delivery_at` is due are moved to this run's lease in one statement per batch, so of
// two instances claiming at once only one gets a given row (PostgreSQL re-checks the condition
// after the other's commit; SQLite serialises writers; MariaDB / MySQL take the rows under row
// locks, SKIP LOCKED). A crash leaves the lease to expire, and the row is claimed again then.
import type { Knex } from 'knex';
import { fromInstant, toStoredPrecision, vendorOf } from './db-values';

export interface LeaseClaim {
	table: string;
	now: Date;
	/** The stored lease value (`fromInstant` of a moment after `now`). */
	lease: string;
	batch: number;
	/** Stop after this many rows (one batch by default); `Infinity` drains every due row. */
	max?: number;
	columns?: readonly string[];
}

export async function claimUnderLease<Row extends Record<string, unknown>>(knex: Knex, claim: LeaseClaim): Promise<Row[]> {
	const nowText = fromInstant(claim.now, knex)!;
	const max = claim.max ?? claim.batch;
	const rows: Row[] = [];
	let lastId = 0;
	while (rows.length < max) {
		const candidates: { id: number }[] = await knex(claim.table).where('next_delivery_at', '<=', nowText).andWhere('id', '>', lastId).orderBy('id').limit(claim.batch).select('id');
		if (!candidates.length) break;
		const ids = candidates.map((c) => c.id);
		lastId = Number(ids[ids.length - 1]);
		if (vendorOf(knex) === 'mysql') {
			// MariaDB / MySQL keep whole seconds, so two instances' leases may be equal: the rows are
			// taken under row locks instead (SKIP LOCKED), and are ours once the lease is written.
			const taken = await knex.transaction(async (trx) => {
				const locked: { id: number }[] = await trx(claim.table).whereIn('id', ids).andWhere('next_delivery_at', '<=', nowText).forUpdate().skipLocked().select('id');
				if (locked.length) await trx(claim.table).whereIn('id', locked.map((r) => r.id)).update({ next_delivery_at: claim.lease });
				return locked.map((r) => r.id);
			});
			if (taken.length) rows.push(...((await knex(claim.table).whereIn('id', taken).select(claim.columns ? [...claim.columns] : '*')) as Row[]));
		} else {
			await knex(claim.table).whereIn('id', ids).andWhere('next_delivery_at', '<=', nowText).update({ next_delivery_at: claim.lease });
			rows.push(...((await knex(claim.table).whereIn('id', ids).andWhere('next_delivery_at', claim.lease).select(claim.columns ? [...claim.columns] : '*')) as Row[]));
		}
		if (candidates.length < claim.batch) break;
	}
	return rows;
}

/**
 * The lease a delivery run holds its rows under: a little jitter so two instances never share one,
 * in the precision the vendor stores (whole seconds on MariaDB / MySQL), so that the rows written
 * with it compare equal to it afterwards.
 */
export function leaseOf(knex: Knex, now: Date, leaseMs: number): string {
	return fromInstant(toStoredPrecision(new Date(now.getTime() + leaseMs + Math.floor(Math.random() * 997)), knex), knex)!;
}
