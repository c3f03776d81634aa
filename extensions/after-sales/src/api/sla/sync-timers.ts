// ESC-1: keeps `sla_timers` in step with the records they watch. Called from the items actions,
// after a policy edit, by the install/seed step, and by the sweep itself before it acts on a
// record (so a missed sync never escalates a record that was in fact fulfilled).
import type { Knex } from 'knex';
import type { Calendar } from '../../domain/calendar';
import {
	computeNextCheckAt,
	computeTimers,
	parseSlaPolicy,
	selectPolicy,
	type EscalationLevel,
	type SlaCollection,
	type SlaFacts,
	type SlaPolicy,
	type TimerRecord,
	type TimerRow,
	type TimerState,
} from '../../domain/sla';
import { fromInstant, isUniqueViolation, toBool, toInstant, toJson } from '../lib/db-values';
import type { PackContext } from '../lib/context';
import { loadSettings } from '../services/settings';

export const SLA_COLLECTIONS: readonly SlaCollection[] = ['complaints', 'service_requests', 'repair_records', 'warranty_claims'];

/** States after which a record needs no new timers (its open ones are fulfilled or left as history). */
export const FINAL_STATES: Record<SlaCollection, readonly string[]> = {
	complaints: ['closed', 'rejected'],
	service_requests: ['resolved', 'closed', 'cancelled'],
	repair_records: ['completed', 'cancelled'],
	warranty_claims: ['settled', 'rejected'],
};

export type StoredPolicy = SlaPolicy & { id: number };

/** A timer as stored: the domain row plus its identity. */
export type StoredTimer = TimerRow & { id: number; collection: SlaCollection; item: string; policy: number | null; next_check_at: Date | null };

export const timerKey = (collection: string, item: string | number, milestone: string) => `${collection}:${item}:${milestone}`;

const json = toJson;

/** Active policies, parsed; a broken row (edited in the database by hand) is skipped and logged, never fatal. */
export async function loadPolicies(knex: Knex, logger?: PackContext['logger']): Promise<StoredPolicy[]> {
	const rows = await knex('sla_policies').orderBy('id').select('*');
	const policies: StoredPolicy[] = [];
	for (const row of rows) {
		try {
			const parsed = parseSlaPolicy({
				name: row.name, collection: row.collection, priority: row.priority ?? 0, active: row.active === null ? true : toBool(row.active),
				condition: json(row.condition) ?? {}, milestones: json(row.milestones) ?? [],
			});
			policies.push({ ...parsed, id: row.id });
		} catch (error) {
			logger?.warn(`[after-sales] ESC-1: sla_policies #${row.id} is invalid and ignored: ${(error as Error).message}`);
		}
	}
	return policies;
}

type Row = Record<string, unknown>;

/** ESC-1: what a policy condition is matched against, read from the record and its relations. */
async function lookup<T>(cache: Map<string, unknown> | undefined, key: string, load: () => Promise<T>): Promise<T> {
	if (cache?.has(key)) return cache.get(key) as T;
	const value = await load();
	cache?.set(key, value);
	return value;
}

async function loadFacts(knex: Knex, collection: SlaCollection, row: Row, cache?: Map<string, unknown>): Promise<SlaFacts> {
	const facts: SlaFacts = { collection };
	const dealerId = row['dealer'] ?? null;
	const customerId = row['customer'] ?? null;
	if (customerId !== null && customerId !== undefined) {
		facts.key_account = await lookup(cache, `customer:${customerId}`, async () => {
			const customer = await knex('customers').where({ id: customerId }).first('key_account');
			return customer ? toBool(customer.key_account) : false;
		});
	}
	if (dealerId !== null && dealerId !== undefined) {
		facts.dealer_tier = await lookup(cache, `dealer:${dealerId}`, async () => {
			const dealer = await knex('dealers').where({ id: dealerId }).first('tier');
			return (dealer?.tier as SlaFacts['dealer_tier']) ?? null;
		});
	}
	if (collection === 'complaints') {
		facts.severity = (row['severity'] as string) ?? null;
		facts.category = (row['category'] as string) ?? null;
	}
	if (collection === 'service_requests') {
		// DLR-2: a task sent to a dealer is a dealer task whatever its type says.
		facts.is_dealer_task = row['type'] === 'dealer_task' || (dealerId !== null && dealerId !== undefined);
		facts.category = (row['type'] as string) ?? null;
	}
	if (collection === 'repair_records') {
		facts.coverage = (row['coverage'] as string) ?? null;
		facts.busy_season = toBool(row['busy_season']);
		facts.fault_scope = (row['fault_scope'] as SlaFacts['fault_scope']) ?? null;
		facts.category = (row['fault_category'] as string) ?? null;
	}
	return facts;
}

/** The record as the domain sees it: status, level and the timestamp fields the policy names, as ISO strings. */
function toTimerRecord(row: Row, policy: SlaPolicy): TimerRecord {
	const fields: TimerRecord['fields'] = {};
	for (const milestone of policy.milestones) {
		for (const field of [milestone.start_field, milestone.fulfil_field]) {
			if (!field) continue;
			const raw = row[field];
			const instant = toInstant(raw);
			// An unreadable value is passed through so the domain names it (ESC-1) instead of ignoring it.
			fields[field] = instant ? instant.toISOString() : raw === undefined ? null : (raw as string | null);
		}
	}
	const level = Number(row['handling_level'] ?? 1);
	return { status: String(row['status'] ?? ''), fields, level: (level >= 1 && level <= 3 ? level : 1) as EscalationLevel };
}

export function fromTimerRow(row: Row): StoredTimer {
	return {
		id: Number(row['id']),
		collection: row['collection'] as SlaCollection,
		item: String(row['item']),
		policy: row['policy'] === null || row['policy'] === undefined ? null : Number(row['policy']),
		milestone: String(row['milestone']),
		started_at: toInstant(row['started_at']) ?? new Date(0),
		due_at: toInstant(row['due_at']),
		warn_at: toInstant(row['warn_at']),
		paused_since: toInstant(row['paused_since']),
		paused_minutes: Number(row['paused_minutes'] ?? 0),
		state: (row['state'] as TimerState) ?? 'running',
		fulfilled_at: toInstant(row['fulfilled_at']),
		level: Number(row['level'] ?? 1) as EscalationLevel,
		warned_at: toInstant(row['warned_at']),
		breached_at: toInstant(row['breached_at']),
		next_check_at: toInstant(row['next_check_at']),
	};
}

export function toTimerColumns(row: TimerRow) {
	return {
		state: row.state,
		level: row.level,
		started_at: fromInstant(row.started_at),
		warn_at: fromInstant(row.warn_at),
		due_at: fromInstant(row.due_at),
		next_check_at: fromInstant(computeNextCheckAt(row)),
		paused_since: fromInstant(row.paused_since),
		// Whole minutes: the column is a decimal and business time is counted in minutes anyway.
		paused_minutes: Math.round(row.paused_minutes),
		warned_at: fromInstant(row.warned_at ?? null),
		breached_at: fromInstant(row.breached_at ?? null),
		fulfilled_at: fromInstant(row.fulfilled_at),
	};
}

export type SyncContext = {
	knex: Knex; now: Date; calendar: Calendar; policies: StoredPolicy[]; logger?: PackContext['logger'];
	/** Role members looked up during one sweep. */
	recipients?: Map<string, string[]>;
	/** Customer and dealer facts looked up during one sweep. */
	lookups?: Map<string, unknown>;
};

export async function syncContext(ctx: PackContext, knex: Knex = ctx.database, now = new Date()): Promise<SyncContext> {
	const settings = await loadSettings(knex);
	return { knex, now, calendar: settings.calendar, policies: await loadPolicies(knex, ctx.logger), logger: ctx.logger, recipients: new Map(), lookups: new Map() };
}

/** A record and its timers read ahead for a whole sweep batch (two queries instead of two per record). */
export type Preloaded = { record: Row | null; existing: StoredTimer[] };

export async function preloadRecords(knex: Knex, refs: readonly { collection: SlaCollection; item: string }[]): Promise<Map<string, Preloaded>> {
	const result = new Map<string, Preloaded>();
	const byCollection = new Map<SlaCollection, string[]>();
	for (const ref of refs) byCollection.set(ref.collection, [...(byCollection.get(ref.collection) ?? []), ref.item]);
	for (const [collection, items] of byCollection) {
		for (const item of items) result.set(`${collection}:${item}`, { record: null, existing: [] });
		const numeric = items.filter((i) => /^\d+$/.test(i));
		const records = numeric.length ? await knex(collection).whereIn('id', numeric).select('*') : [];
		for (const record of records) result.get(`${collection}:${record.id}`)!.record = record;
		const timers = await knex('sla_timers').where({ collection }).whereIn('item', items).select('*');
		for (const timer of timers) result.get(`${collection}:${timer.item}`)?.existing.push(fromTimerRow(timer));
	}
	return result;
}

export type SyncResult = { record: Row | null; policy: StoredPolicy | null; timers: StoredTimer[] };

/**
 * ESC-1: recomputes the timers of one record and writes them. Rows of milestones the record's
 * policy no longer has (policy edited, severity changed) stay as history but are never checked
 * again. Safe to run concurrently: the unique `timer_key` turns a lost insert race into an update.
 */
export async function syncRecordTimers(sync: SyncContext, collection: SlaCollection, item: string | number, preloaded?: Preloaded): Promise<SyncResult> {
	const { knex, now, calendar } = sync;
	const record = preloaded ? preloaded.record : await knex(collection).where({ id: item }).first();
	const existing = preloaded ? preloaded.existing : (await knex('sla_timers').where({ collection, item: String(item) }).select('*')).map(fromTimerRow);
	if (!record) {
		await retire(knex, existing.filter((t) => t.next_check_at !== null));
		return { record: null, policy: null, timers: existing };
	}
	const facts = await loadFacts(knex, collection, record, sync.lookups);
	const policy = selectPolicy(facts, sync.policies) as StoredPolicy | null;
	if (!policy) {
		await retire(knex, existing.filter((t) => t.next_check_at !== null));
		return { record, policy: null, timers: existing };
	}
	const keys = new Set(policy.milestones.map((m) => m.key));
	const rows = computeTimers({ record: toTimerRecord(record, policy), policy, existing, now, calendar });
	const byMilestone = new Map(existing.map((t) => [t.milestone, t]));
	const result: StoredTimer[] = [];
	for (const row of rows) {
		const before = byMilestone.get(row.milestone);
		if (!keys.has(row.milestone)) {
			// History of a milestone the policy dropped: keep it, stop checking it.
			if (before && before.next_check_at !== null) await retire(knex, [before]);
			if (before) result.push({ ...before, next_check_at: null });
			continue;
		}
		const milestone = policy.milestones.find((m) => m.key === row.milestone)!;
		const columns = { ...toTimerColumns(row), policy: policy.id, milestone_label: milestone.label, clock: milestone.clock };
		const id = before ? before.id : await insertTimer(knex, collection, item, row.milestone, columns, now);
		if (before && isChanged(before, columns)) await knex('sla_timers').where({ id }).update(columns);
		result.push({ ...row, id, collection, item: String(item), policy: policy.id, next_check_at: toInstant(columns.next_check_at) });
	}
	return { record, policy, timers: result };
}

async function insertTimer(knex: Knex, collection: string, item: string | number, milestone: string, columns: Record<string, unknown>, now: Date): Promise<number> {
	const key = timerKey(collection, item, milestone);
	try {
		const [inserted] = await knex('sla_timers')
			.insert({ ...columns, timer_key: key, collection, item: String(item), milestone, date_created: fromInstant(now) })
			.returning('id');
		return Number(typeof inserted === 'object' ? (inserted as { id: number }).id : inserted);
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
		// Another writer created it a moment ago: ours is the newer computation.
		await knex('sla_timers').where({ timer_key: key }).update(columns);
		const row = await knex('sla_timers').where({ timer_key: key }).first('id');
		return Number(row.id);
	}
}

function isChanged(before: StoredTimer, columns: ReturnType<typeof toTimerColumns> & Record<string, unknown>): boolean {
	const now = {
		...toTimerColumns(before), next_check_at: fromInstant(before.next_check_at),
	};
	return (Object.keys(now) as (keyof typeof now)[]).some((k) => String(now[k]) !== String(columns[k])) || before.policy !== columns['policy'];
}

async function retire(knex: Knex, timers: StoredTimer[]) {
	if (timers.length) await knex('sla_timers').whereIn('id', timers.map((t) => t.id)).update({ next_check_at: null });
}


/** Syncs many records, each isolated: one bad record is logged and the others go on. */
export async function syncMany(sync: SyncContext, collection: SlaCollection, items: readonly (string | number)[]): Promise<{ synced: number; failed: number }> {
	let synced = 0;
	let failed = 0;
	for (const item of items) {
		try {
			await syncRecordTimers(sync, collection, item);
			synced++;
		} catch (error) {
			failed++;
			sync.logger?.error(`[after-sales] ESC-1: timers of ${collection} #${item} could not be synced: ${(error as Error).message}`);
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
