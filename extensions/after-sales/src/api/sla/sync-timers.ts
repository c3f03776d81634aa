// ESC-1: keeps `sla_timers` in step with the records they watch. Called from the items actions,
// after a policy edit, by the install/seed step; the sweep does the same for every record it looks
// at (a missed sync never escalates a fulfilled record) and for every record changed since its
// watermark (a sync lost in a crash is repaired within one sweep interval).
import type { Knex } from 'knex';
import type { Calendar } from '../../domain/calendar';
import { decideRecordTimers, FINAL_STATES, isTimerChanged, type PlannedTimer, type SlaCollection, type StoredPolicy, type StoredTimer } from '../../domain/sla';
import type { PackContext } from '../lib/context';
import { vendorOf } from '../lib/db-values';
import { loadSettings } from '../services/settings';
import { loadDueRecords, type LoadOptions } from './load-due-records';
import { loadPolicies } from './load-policies';
import { retireTimers, writeTimers } from './timers-repository';

export { FINAL_STATES };
export const SLA_COLLECTIONS: readonly SlaCollection[] = ['complaints', 'service_requests', 'repair_records', 'warranty_claims'];

export type SyncContext = { knex: Knex; now: Date; calendar: Calendar; policies: StoredPolicy[]; logger?: PackContext['logger'] };

export async function syncContext(ctx: PackContext, knex: Knex = ctx.database, now = new Date()): Promise<SyncContext> {
	const settings = await loadSettings(knex);
	return { knex, now, calendar: settings.calendar, policies: await loadPolicies(knex, ctx.logger), logger: ctx.logger };
}

type Row = Record<string, unknown>;
export type SyncResult = { record: Row | null; policy: StoredPolicy | null; timers: StoredTimer[] };

/** ESC-1: recomputes and writes the timers of one record; returns them as they now are. */
export async function syncRecordTimers(sync: SyncContext, collection: SlaCollection, item: string | number): Promise<SyncResult> {
	const [result] = await syncRecords(sync, collection, [item]);
	return result!;
}

/**
 * ESC-1: recomputes the timers of many records in a few statements. Rows of milestones the
 * record's policy no longer has (policy edited, severity changed) stay as history but are never
 * checked again. A record the domain refuses (an unreadable timestamp) throws after the others are written.
 */
async function syncRecords(sync: SyncContext, collection: SlaCollection, items: readonly (string | number)[], fresh = false): Promise<SyncResult[]> {
	const { now, calendar, policies } = sync;
	// One transaction, the records locked while their timers are read and written (see load-due-records).
	// Records this transaction has just inserted (`fresh`) are seen by no other until it commits:
	// they need no lock and have no timers to read.
	const work = async (knex: Knex, options: LoadOptions) => {
		const loaded = await loadDueRecords(knex, items.map((i) => ({ collection, item: String(i) })), policies, options);
		const write: PlannedTimer[] = [];
		const retire: number[] = [];
		const results: SyncResult[] = [];
		const failures: Error[] = [];
		for (const due of loaded.records) {
			try {
				const decision = decideRecordTimers({ collection, item: due.item, record: due.record, facts: due.facts, existing: due.timers }, policies, calendar, now);
				const before = new Map(due.timers.map((t) => [t.milestone, t]));
				write.push(...decision.timers.filter((t) => isTimerChanged(before.get(t.milestone), t)));
				retire.push(...decision.retire.map((t) => t.id!).filter((id) => id !== null));
				const kept = decision.policy ? decision.timers : due.timers.map((t) => ({ ...t, next_check_at: null }));
				results.push({ record: loaded.rows.get(`${collection}:${due.item}`) ?? null, policy: decision.policy, timers: kept });
			} catch (error) {
				failures.push(error as Error);
			}
		}
		const ids = await writeTimers(knex, write, now);
		await retireTimers(knex, retire);
		for (const result of results) for (const t of result.timers) if (t.id === null) t.id = ids.get(`${t.collection}:${t.item}:${t.milestone}`) ?? null;
		return { results, failures };
	};
	const vendor = vendorOf(sync.knex);
	const inCreate = fresh && sync.knex.isTransaction;
	let outcome: Awaited<ReturnType<typeof work>>;
	if (inCreate && vendor === 'postgres') outcome = await inSavepoint(sync.knex, (knex, savepoint) => work(knex, { lock: false, fresh, savepoint }));
	// SQLite, inside the create's transaction: a fresh record's timers are one INSERT … ON CONFLICT
	// DO NOTHING (it has none yet), and SQLite backs out a failed statement alone and keeps the
	// transaction, so no savepoint is needed (two round trips fewer per create). Only a key already
	// taken (no AUTOINCREMENT id is ever reused) would add statements; a failure after one of those
	// leaves what the after-commit sync, which reads the stored timers, corrects.
	else if (inCreate && vendor === 'sqlite') outcome = await work(sync.knex, { lock: false, fresh });
	else outcome = await sync.knex.transaction((knex) => work(knex, { lock: fresh || vendor === 'sqlite' ? false : 'wait', fresh }));
	const { results, failures } = outcome;
	if (failures.length) throw failures[0];
	return results;
}

/**
 * PostgreSQL, inside the create's transaction: the sync's own savepoint, set in the round trip of
 * its first read and left for the commit to release (two round trips fewer than a nested knex
 * transaction, on every create). A failure rolls back to it, so the create goes on without the
 * timers and the after-commit sync writes them.
 */
async function inSavepoint<T>(knex: Knex, run: (knex: Knex, savepoint: string) => Promise<T>): Promise<T> {
	const savepoint = 'after_sales_timers';
	try {
		return await run(knex, savepoint);
	} catch (error) {
		await knex.raw(`rollback to savepoint ${savepoint}`);
		throw error;
	}
}

const BATCH = 500;

/**
 * Syncs many records in batches; a batch that fails is retried record by record, so one bad record
 * is logged and the others go on. `fresh`: the records were inserted by the transaction of `sync.knex`.
 */
export async function syncMany(sync: SyncContext, collection: SlaCollection, items: readonly (string | number)[], options: { fresh?: boolean } = {}): Promise<{ synced: number; failed: number }> {
	const fresh = options.fresh ?? false;
	let synced = 0;
	let failed = 0;
	for (let i = 0; i < items.length; i += BATCH) {
		const part = items.slice(i, i + BATCH);
		try {
			await syncRecords(sync, collection, part, fresh);
			synced += part.length;
			continue;
		} catch {
			// One of them is refused: find it, keep the rest.
		}
		for (const item of part) {
			try {
				await syncRecords(sync, collection, [item], fresh);
				synced++;
			} catch (error) {
				failed++;
				sync.logger?.error(`[after-sales] ESC-1: timers of ${collection} #${item} could not be synced: ${(error as Error).message}`);
			}
		}
	}
	return { synced, failed };
}

/**
 * ESC-1: timers for every open record, e.g. after the demo seed (which writes without hooks) or
 * when the pack is installed into a project that already holds records. Idempotent.
 */
export async function syncOpenRecords(ctx: PackContext, now = new Date()): Promise<{ synced: number; failed: number }> {
	const sync = await syncContext(ctx, ctx.database, now);
	let synced = 0;
	let failed = 0;
	for (const collection of SLA_COLLECTIONS) {
		if (!sync.policies.some((p) => p.collection === collection)) continue;
		const ids: { id: number }[] = await ctx.database(collection).whereNotIn('status', [...FINAL_STATES[collection]]).select('id');
		const result = await syncMany(sync, collection, ids.map((r) => r.id));
		synced += result.synced;
		failed += result.failed;
	}
	return { synced, failed };
}

/** ESC-1: after a policy edit, every record of that collection with a timer still open is recomputed. */
export async function resyncOpenTimers(ctx: PackContext, collections: readonly SlaCollection[], now = new Date()) {
	const sync = await syncContext(ctx, ctx.database, now);
	for (const collection of collections) {
		const items: { item: string }[] = await ctx.database('sla_timers').where({ collection }).whereNot('state', 'fulfilled').distinct('item');
		await syncMany(sync, collection, items.map((r) => r.item));
		// Open records a new policy now covers get their first timers too.
		const withTimers = new Set(items.map((r) => r.item));
		const open: { id: number }[] = await ctx.database(collection).whereNotIn('status', [...FINAL_STATES[collection]]).select('id');
		await syncMany(sync, collection, open.map((r) => r.id).filter((id) => !withTimers.has(String(id))));
	}
}
