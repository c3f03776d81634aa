// ESC-1..4, CMP-1..6: the hooks of the deadline family. Filters validate (a 400 naming the field
// and the rule); actions keep timers in step after the write is committed (Directus runs the
// update filter before its transaction, and the create filter knows no id yet); the schedule
// sweeps every minute. The sweep re-syncs every record it looks at, so an action lost in a crash
// cannot make it escalate a record that was in fact fulfilled.
import { parseSlaPolicy, type SlaCollection } from '../../domain/sla';
import type { Accountability, PackContext } from '../lib/context';
import { toBool } from '../lib/db-values';
import { toDirectusError } from '../lib/errors';
import { filterComplaintCreate, filterComplaintUpdate } from './complaint-workflow';
import { markRepeatedComplaint } from './mark-repeated-complaint';
import { runSweep } from './run-sweep';
import { resyncOpenTimers, SLA_COLLECTIONS, syncContext, syncMany, type SyncContext } from './sync-timers';

type Register = {
	filter: (event: string, handler: (...args: any[]) => unknown) => void;
	action: (event: string, handler: (...args: any[]) => unknown) => void;
	schedule: (cron: string, handler: () => unknown) => void;
};
type HookContext = { database: PackContext['database']; accountability: Accountability | null };
type Meta = { key?: string | number; keys?: (string | number)[]; collection?: string; payload?: Record<string, unknown> };

const POLICY_FIELDS = ['name', 'collection', 'priority', 'active', 'condition', 'milestones'];

export function registerSlaHooks(register: Register, ctx: PackContext) {
	const guard = (fn: (...args: any[]) => Promise<unknown>) => async (...args: any[]) => {
		try {
			return await fn(...args);
		} catch (error) {
			throw toDirectusError(error);
		}
	};

	register.filter('complaints.items.create', guard((payload: Record<string, unknown>, _meta: Meta, hook: HookContext) =>
		filterComplaintCreate(payload, hook.database, hook.accountability, new Date())));
	register.filter('complaints.items.update', guard((payload: Record<string, unknown>, meta: Meta, hook: HookContext) =>
		filterComplaintUpdate(payload, meta.keys ?? [], hook.database, hook.accountability, new Date())));

	// ESC-1: a policy is parsed on save; a bad milestone is a 400 naming e.g. milestones.1.duration_minutes.
	register.filter('sla_policies.items.create', guard(async (payload: Record<string, unknown>) => {
		parseSlaPolicy(pickPolicy(payload));
		return payload;
	}));
	register.filter('sla_policies.items.update', guard(async (payload: Record<string, unknown>, meta: Meta, hook: HookContext) => {
		if (!POLICY_FIELDS.some((f) => f in payload)) return payload;
		const rows = await hook.database('sla_policies').whereIn('id', meta.keys ?? []).select('*');
		for (const row of rows) parseSlaPolicy(pickPolicy({ ...decode(row), ...payload }));
		return payload;
	}));
	// The after-commit sync reads policies and calendar from a short-lived cache: a write pays for
	// its own record only. An edit on this instance clears it; one on another instance is seen
	// within CACHE_MS, and the sweep re-syncs every record changed meanwhile with fresh policies.
	let cached: { at: number; sync: Promise<SyncContext> } | null = null;
	const CACHE_MS = 10_000;
	const writeContext = async (knex: PackContext['database'] = ctx.database): Promise<SyncContext> => {
		// Loaded through the caller's connection: inside a write's transaction (SQLite has one
		// connection), reading through another would wait for it.
		if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), sync: syncContext(ctx, knex) };
		const sync = await cached.sync.catch((error) => {
			cached = null;
			throw error;
		});
		return { ...sync, knex, now: new Date() };
	};
	for (const event of ['create', 'update', 'delete']) {
		register.action(`service_settings.items.${event}`, async (meta: Meta) => {
			cached = null;
			// REQ-6, ESC-3: a new 进度检查点 or 预警点 moves the open deadlines at once, not at their next write.
			if (!meta.payload || !('progress_check_percent' in meta.payload || 'warning_percent' in meta.payload)) return;
			try {
				await resyncOpenTimers(ctx, 'warning_percent' in meta.payload ? SLA_COLLECTIONS : ['repair_records']);
			} catch (error) {
				ctx.logger.error(`[after-sales] REQ-6/ESC-3: recomputing deadlines after a settings edit failed: ${(error as Error).message}`);
			}
		});
	}

	for (const event of ['create', 'update', 'delete']) {
		register.action(`sla_policies.items.${event}`, async () => {
			cached = null;
			try {
				await resyncOpenTimers(ctx, SLA_COLLECTIONS);
			} catch (error) {
				ctx.logger.error(`[after-sales] ESC-1: recomputing timers after a policy edit failed: ${(error as Error).message}`);
			}
		});
	}

	// ESC-2, WTY-11: channels and busy seasons are checked on save with the other settings (api/settings).

	// CMP-7: a registered complaint is counted with the others of its kind; a repeated one is marked and the managers told.
	register.action('complaints.items.create', async (meta: Meta) => {
		const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
		// CMP-6, CMP-7: a new complaint is of a kind by its product (attitude: its staff member); the
		// create's payload is what was stored (those columns have no default), so one naming neither has nothing to count.
		if (meta.payload && !namesItsKind(meta.payload)) return;
		for (const key of keys) {
			await markRepeatedComplaint(ctx, ctx.database, Number(key), new Date()).catch((error) => ctx.logger.error(`[after-sales] CMP-7: counting complaint #${key} with its kind failed: ${(error as Error).message}`));
		}
	});

	// ESC-1: a record created through the API gets its timers in its own transaction. Directus
	// writes the activity row after the insert, in the same transaction and with the new key, so
	// that filter is the first moment the record exists with an id and can still be written with
	// (no second write transaction, and the create's response already sees its timers). A sync that
	// fails there is rolled back to its savepoint and left to the after-commit action below; a
	// create without activity (no accountability, tracking off) is synced by that action alone.
	const syncedInWrite = new Map<string, number>();
	register.filter('activity.create', async (payload: Record<string, unknown>, _meta: unknown, hook: HookContext) => {
		const collection = payload?.['collection'] as SlaCollection;
		if (payload?.['action'] !== 'create' || !SLA_COLLECTIONS.includes(collection) || payload['item'] === undefined || payload['item'] === null) return payload;
		try {
			const result = await syncMany(await writeContext(hook.database), collection, [payload['item'] as string | number], { fresh: true });
			if (!result.failed) syncedInWrite.set(`${collection}:${payload['item']}`, Date.now());
		} catch (error) {
			ctx.logger.error(`[after-sales] ESC-1: timers of ${collection} #${payload['item']} are left to the after-commit sync: ${(error as Error).message}`);
		}
		return payload;
	});
	/** Whether the create's own transaction already wrote this record's timers (each answer given once). */
	const takeSyncedInWrite = (collection: string, key: string | number) => {
		const id = `${collection}:${key}`;
		const at = syncedInWrite.get(id);
		syncedInWrite.delete(id);
		if (syncedInWrite.size > 1_000) for (const [k, t] of syncedInWrite) if (Date.now() - t > 60_000) syncedInWrite.delete(k);
		return at !== undefined && Date.now() - at < 60_000;
	};

	for (const collection of SLA_COLLECTIONS) {
		for (const event of ['create', 'update']) {
			register.action(`${collection}.items.${event}`, async (meta: Meta) => {
				const all = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
				const keys = event === 'create' ? all.filter((key) => !takeSyncedInWrite(collection, key)) : all;
				if (!keys.length) return;
				try {
					await syncMany(await writeContext(), collection as SlaCollection, keys);
				} catch (error) {
					ctx.logger.error(`[after-sales] ESC-1: timer sync of ${collection} failed: ${(error as Error).message}`);
				}
			});
		}
	}

	// AFTER_SALES_SWEEP_CRON: another cadence, or `off` where something else drives the sweep
	// (the integration tests call the endpoint, so their counts are not raced by the clock).
	const cron = String(ctx.env['AFTER_SALES_SWEEP_CRON'] ?? '* * * * *').trim();
	if (cron === 'off' || cron === 'false') return;
	let running = false;
	register.schedule(cron, async () => {
		// One sweep at a time per instance; other instances are kept apart by the database (ESC-4).
		if (running) return;
		running = true;
		try {
			const report = await runSweep(ctx);
			if (report.warnings || report.breaches || report.failed_records) ctx.logger.info(`[after-sales] sweep: ${JSON.stringify(report)}`);
		} catch (error) {
			ctx.logger.error(`[after-sales] ESC-2: scheduled sweep failed: ${(error as Error).message}`);
		} finally {
			running = false;
		}
	});
}

/** CMP-7: whether a complaint's payload names what its kind is counted by (a nested object is read back from the row). */
export function namesItsKind(payload: Record<string, unknown>): boolean {
	const about = payload['category'] === 'attitude' ? 'subject_staff' : 'product';
	return payload[about] !== null && payload[about] !== undefined;
}

const decodeJson = (value: unknown) => {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
};

function decode(row: Record<string, unknown>) {
	// SQLite hands booleans back as 0/1.
	const active = row['active'] === null || row['active'] === undefined ? undefined : toBool(row['active']);
	return { ...row, active, condition: decodeJson(row['condition']), milestones: decodeJson(row['milestones']) };
}

function pickPolicy(payload: Record<string, unknown>) {
	const picked: Record<string, unknown> = {};
	for (const field of POLICY_FIELDS) if (payload[field] !== undefined && payload[field] !== null) picked[field] = decodeJson(payload[field]);
	return picked;
}
