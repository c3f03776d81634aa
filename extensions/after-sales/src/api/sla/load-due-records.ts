// ESC-1, ESC-4: reads a set of records for the sweep or a sync, with their timers and the facts
// their policy is chosen by, in a handful of statements. The records are locked in the same
// statement that reads them: the sweep skips a record another transaction holds (`FOR UPDATE SKIP
// LOCKED`, it is left to that one), a sync waits for it (`FOR UPDATE`), so a sync never writes
// timers computed from a state a sweep has since changed (a lost warning would be logged again
// one level up). SQLite has a single writer: its transactions are serial anyway.
import type { Knex } from 'knex';
import { computeSlaFacts, type DueRecord, type EscalationLevel, type SlaCollection, type SlaPolicy, type StoredTimer, type TimerRecord } from '../../domain/sla';
import { toBool, toInstant } from '../lib/db-values';
import { readTimersOf } from './timers-repository';

type Row = Record<string, unknown>;
export type RecordRef = { collection: SlaCollection; item: string };
export type LoadedRecords = {
	records: DueRecord[];
	/** The records as read, by `collection:item`, for the notices (handler, dealer, subject). */
	rows: Map<string, Row>;
	/** Records another sweep holds right now: not read, not decided. */
	skipped: number;
};

const CHUNK = 1_000;
const refKey = (collection: string, item: string | number) => `${collection}:${item}`;

export type LoadOptions = {
	lock: 'skip' | 'wait' | false;
	/** The records were inserted by this transaction: they have no timers yet. */
	fresh?: boolean;
	/** PostgreSQL: a savepoint to set in the same round trip as the first read (numeric ids only). */
	savepoint?: string;
};

export async function loadDueRecords(knex: Knex, refs: readonly RecordRef[], policies: readonly SlaPolicy[], options: LoadOptions): Promise<LoadedRecords> {
	const rows = new Map<string, Row>();
	const byCollection = new Map<SlaCollection, string[]>();
	const seen = new Set<string>();
	for (const ref of refs) {
		const key = refKey(ref.collection, ref.item);
		if (seen.has(key)) continue;
		seen.add(key);
		const items = byCollection.get(ref.collection);
		if (items) items.push(ref.item);
		else byCollection.set(ref.collection, [ref.item]);
	}
	const locked = new Set<string>();
	let savepoint = options.savepoint ? `savepoint ${options.savepoint}` : null;
	for (const [collection, items] of byCollection) {
		const numeric = items.filter((i) => /^\d+$/.test(i));
		for (let i = 0; i < numeric.length; i += CHUNK) {
			const part = numeric.slice(i, i + CHUNK);
			const query = knex(collection).whereIn('id', part).orderBy('id').select('*');
			if (options.lock === 'skip') query.forUpdate().skipLocked();
			if (options.lock === 'wait') query.forUpdate();
			// Two statements in one simple-protocol message (the ids are digits, inlined by knex): one round trip.
			const read: Row[] = savepoint ? ((await knex.raw(`${savepoint}; ${query.toString()}`)) as { rows: Row[] }[])[1]!.rows : await query;
			savepoint = null;
			for (const row of read) rows.set(refKey(collection, row['id'] as string | number), row);
			if (options.lock !== 'skip') continue;
			// Absent from a SKIP LOCKED read: deleted, or held by another sweep. Only the deleted are ours.
			const absent = part.filter((id) => !rows.has(refKey(collection, id)));
			if (!absent.length) continue;
			const existing: { id: number }[] = await knex(collection).whereIn('id', absent).select('id');
			for (const row of existing) locked.add(refKey(collection, row.id));
		}
	}

	if (savepoint) await knex.raw(savepoint);
	const mine = [...seen].filter((key) => !locked.has(key)).map((key) => {
		const at = key.indexOf(':');
		return { collection: key.slice(0, at) as SlaCollection, item: key.slice(at + 1) };
	});
	// A record inserted by this very transaction has no timers yet: nothing to read.
	const timers = options.fresh ? new Map<string, (StoredTimer & { id: number })[]>() : await readTimersOf(knex, mine);
	const lookups = await loadLookups(knex, [...rows.values()]);
	const records: DueRecord[] = mine.map(({ collection, item }) => {
		const row = rows.get(refKey(collection, item)) ?? null;
		const collectionPolicies = policies.filter((p) => p.collection === collection);
		return {
			collection, item, hasLevel: row !== null && 'handling_level' in row,
			record: row ? toTimerRecord(row, collectionPolicies) : null,
			facts: row ? computeSlaFacts(collection, row, lookups) : null,
			timers: timers.get(refKey(collection, item)) ?? [],
		};
	});
	return { records, rows, skipped: locked.size };
}

async function loadLookups(knex: Knex, rows: Row[]) {
	const ids = (field: string) => [...new Set(rows.map((r) => r[field]).filter((v) => v !== null && v !== undefined && v !== '').map(String))];
	const keyAccounts = new Map<string, boolean>();
	const dealerTiers = new Map<string, 'A' | 'B' | 'C' | null>();
	const customers = ids('customer');
	for (let i = 0; i < customers.length; i += CHUNK) {
		for (const c of await knex('customers').whereIn('id', customers.slice(i, i + CHUNK)).select('id', 'key_account')) keyAccounts.set(String(c.id), toBool(c.key_account));
	}
	const dealers = ids('dealer');
	for (let i = 0; i < dealers.length; i += CHUNK) {
		for (const d of await knex('dealers').whereIn('id', dealers.slice(i, i + CHUNK)).select('id', 'tier')) dealerTiers.set(String(d.id), d.tier ?? null);
	}
	return { keyAccounts, dealerTiers };
}

/** The record as the domain sees it: status, level and the timestamp fields its policies name, as ISO strings. */
export function toTimerRecord(row: Row, policies: readonly SlaPolicy[]): TimerRecord {
	const fields: TimerRecord['fields'] = {};
	for (const policy of policies) {
		for (const milestone of policy.milestones) {
			for (const field of [milestone.start_field, milestone.fulfil_field, milestone.end_field]) {
				if (!field || field in fields) continue;
				const raw = row[field];
				const instant = toInstant(raw);
				// An unreadable value is passed through so the domain names it (ESC-1) instead of ignoring it.
				fields[field] = instant ? instant.toISOString() : raw === undefined ? null : (raw as string | null);
			}
		}
	}
	const level = Number(row['handling_level'] ?? 1);
	return { status: String(row['status'] ?? ''), fields, level: (level >= 1 && level <= 3 ? level : 1) as EscalationLevel };
}
