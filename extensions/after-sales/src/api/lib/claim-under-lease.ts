// NTF-3: the claim every delivery loop makes (escalations, job notices, customer notices): rows
// whose `next_delivery_at` is due are moved to this run's lease in one statement per batch, so of
// two instances claiming at once only one gets a given row (PostgreSQL re-checks the condition
// after the other's commit; SQLite serialises writers; MariaDB / MySQL take the rows under row
// locks, SKIP LOCKED). A crash leaves the lease to expire, and the row is claimed again then.
import type { Knex } from 'knex';
import { fromInstant, toInstant, toStoredPrecision, vendorOf } from './db-values';

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

/**
 * NTF-3: a delivery run's hold on the rows it claimed. A lease counts from when it was last
 * renewed, not from when the sweep began: before each step that must finish under it (claiming,
 * sending a digest), `keep` renews it when less than that step needs is left. So a slow sweep or a
 * slow receiver never lets another instance take over rows this run is still sending, and what a
 * crash leaves is taken over one lease later. Rows another instance took over anyway are `lost`:
 * this run sends them no more.
 */
export class LeaseHold {
	lease: string;
	readonly lost = new Set<number>();
	private expires: number;

	constructor(private readonly knex: Knex, private readonly table: string, private readonly leaseMs: number, private readonly clock: () => Date, lease?: string) {
		this.lease = lease ?? leaseOf(knex, clock(), leaseMs);
		this.expires = toInstant(this.lease, knex)!.getTime();
	}

	/** Milliseconds left before another instance may take the rows over. */
	remaining(): number {
		return this.expires - this.clock().getTime();
	}

	/**
	 * Renews the lease of the rows still held (`ids`, listed only when a renewal is due) when less
	 * than `needMs` is left.
	 */
	async keep(ids: () => Iterable<number>, needMs: number): Promise<void> {
		if (this.remaining() >= needMs) return;
		const to = leaseOf(this.knex, this.clock(), this.leaseMs);
		await this.settle(ids(), async (part) => {
			await this.knex(this.table).whereIn('id', part).andWhere('next_delivery_at', this.lease).update({ next_delivery_at: to });
		}, to);
		this.lease = to;
		this.expires = toInstant(to, this.knex)!.getTime();
	}

	/** After a write refused for the lease: which of `ids` still carry it; the others are lost. */
	async check(ids: Iterable<number>): Promise<void> {
		await this.settle(ids, async () => {}, this.lease);
	}

	/** Per batch of `ids` not lost yet: `write`, then every row not under `lease` afterwards is lost. */
	private async settle(ids: Iterable<number>, write: (part: number[]) => Promise<void>, lease: string): Promise<void> {
		const list = [...ids].filter((id) => !this.lost.has(id));
		for (let i = 0; i < list.length; i += RENEW_BATCH) {
			const part = list.slice(i, i + RENEW_BATCH);
			await write(part);
			const held = new Set((await this.knex(this.table).whereIn('id', part).andWhere('next_delivery_at', lease).select('id')).map((row: { id: unknown }) => Number(row.id)));
			for (const id of part) if (!held.has(id)) this.lost.add(id);
		}
	}
}

const RENEW_BATCH = 2_000;

/** The sweep's `now` moved on by the wall-clock time since `since` (a sweep of a past instant keeps its own frame). */
export const clockFrom = (now: Date, since: number) => () => new Date(now.getTime() + (Date.now() - since));
