// ESC-2, ESC-3, ESC-4: the deadline sweep. Reads the clock once, reads only the timers that are
// due (`next_check_at <= now`, indexed), re-syncs each record first (a missed sync must never
// escalate a record that was in fact fulfilled), logs warnings and breaches exactly once through
// the unique `escalation_key`, raises the record's level, reassigns where the milestone says,
// then delivers the notices. Each record's failure is isolated and logged.
import type { Knex } from 'knex';
import { computeDeliveryTime, computeEscalationKey, computeSweepActions, computeTimerAfterSweep, type SlaCollection, type SweepAction } from '../../domain/sla';
import { parseNotificationChannels, type NotificationChannels } from '../../domain/notifications';
import type { PackContext } from '../lib/context';
import { fromInstant, toJson, vendorOf } from '../lib/db-values';
import { loadSettings } from '../services/settings';
import { deliverDue, type Delivery } from './deliver';
import { findRecipients, pickReassignee } from './recipients';
import { preloadRecords, syncContext, syncRecordTimers, toTimerColumns, type Preloaded, type StoredTimer, type SyncContext } from './sync-timers';

export type SweepReport = {
	due_timers: number;
	records: number;
	warnings: number;
	breaches: number;
	already_logged: number;
	reassigned: number;
	failed_records: number;
	deliveries_sent: number;
	deliveries_failed: number;
	duration_ms: number;
};

const BATCH = 500;
const MAX_BATCHES = 40;

/** Field that names the person handling a record of each collection (L1). */
export const HANDLER_FIELD: Record<SlaCollection, string | null> = {
	complaints: 'handler', service_requests: 'assignee', repair_records: 'technician', warranty_claims: null,
};

export async function runSweep(ctx: PackContext, now = new Date()): Promise<SweepReport> {
	const started = Date.now();
	const knex = ctx.database;
	const sync = await syncContext(ctx, knex, now);
	const channels = await loadChannels(knex, ctx);
	// Read once per sweep: without Directus's cache every getSchema() introspects the database.
	const schema = await ctx.getSchema({ database: knex });
	const report: SweepReport = {
		due_timers: 0, records: 0, warnings: 0, breaches: 0, already_logged: 0, reassigned: 0, failed_records: 0, deliveries_sent: 0, deliveries_failed: 0, duration_ms: 0,
	};
	const seen = new Set<string>();
	const nowText = fromInstant(now)!;

	const rowLocks = supportsRowLocks(knex);
	let lastId = 0;
	for (let batch = 0; batch < MAX_BATCHES; batch++) {
		// Keyset over id, so records that stay due (a failing one) are not read twice in one sweep.
		const due: { id: number; collection: SlaCollection; item: string }[] = await knex('sla_timers')
			.where('next_check_at', '<=', nowText)
			.andWhere('id', '>', lastId)
			.orderBy('id')
			.limit(BATCH)
			.select('id', 'collection', 'item');
		if (!due.length) break;
		lastId = due[due.length - 1]!.id;
		report.due_timers += due.length;
		const records = due.filter((timer) => {
			const recordKey = `${timer.collection}:${timer.item}`;
			if (seen.has(recordKey)) return false;
			seen.add(recordKey);
			return true;
		});
		report.records += records.length;
		// One transaction per batch (one commit, not one per write), a savepoint per record: a
		// record that fails rolls back alone, and its log, timers and level stay consistent.
		await knex.transaction(async (trx) => {
			// SQLite: one connection, so this transaction excludes every other sweep and the batch can be
			// read ahead. PostgreSQL: each record is locked and read fresh inside its savepoint instead.
			const preloaded = rowLocks ? new Map<string, Preloaded>() : await preloadRecords(trx, records);
			for (const timer of records) {
				const counts = emptyCounts();
				try {
					await trx.transaction((savepoint) => sweepRecord(ctx, { ...sync, knex: savepoint }, channels, timer.collection, timer.item, preloaded.get(`${timer.collection}:${timer.item}`), counts));
					for (const key of Object.keys(counts) as (keyof Counts)[]) report[key] += counts[key];
				} catch (error) {
					report.failed_records++;
					ctx.logger.error(`[after-sales] ESC-2: sweep of ${timer.collection} #${timer.item} failed: ${(error as Error).stack ?? error}`);
				}
			}
		});
		if (due.length < BATCH) break;
	}

	const delivered = await deliverDue(ctx, knex, now, channels, sync.calendar, schema);
	report.deliveries_sent = delivered.sent;
	report.deliveries_failed = delivered.failed;
	report.duration_ms = Date.now() - started;
	return report;
}

async function loadChannels(knex: Knex, ctx: PackContext): Promise<NotificationChannels> {
	const settings = await loadSettings(knex);
	try {
		const raw = settings.raw['notification_channels'];
		return parseNotificationChannels(toJson(raw));
	} catch (error) {
		// Settings are validated on save; a value broken by hand must not stop escalations being logged.
		ctx.logger.error(`[after-sales] ESC-2: notification_channels are invalid, only in-app notices are sent: ${(error as Error).message}`);
		return parseNotificationChannels({ in_app: true });
	}
}

type Counts = Pick<SweepReport, 'warnings' | 'breaches' | 'already_logged' | 'reassigned'>;
const emptyCounts = (): Counts => ({ warnings: 0, breaches: 0, already_logged: 0, reassigned: 0 });

async function sweepRecord(ctx: PackContext, sync: SyncContext, channels: NotificationChannels, collection: SlaCollection, item: string, preloaded: Preloaded | undefined, report: Counts) {
	const { knex, now } = sync;
	if (!preloaded && supportsRowLocks(knex)) {
		// ESC-4: a concurrent sweep working on this record holds these rows until it commits; waiting
		// here means the record and timers read next already show what it logged and raised.
		await knex('sla_timers').where({ collection, item }).forUpdate().select('id');
	}
	const { record, policy, timers } = await syncRecordTimers(sync, collection, item, preloaded);
	if (!record || !policy) return;

	let level = Number(record['handling_level'] ?? 1);
	for (const stored of timers) {
		if (stored.next_check_at === null || stored.next_check_at > now) continue;
		// ESC-2: a breach earlier in this loop raised the record; later clocks run at that level.
		const timer: StoredTimer = { ...stored, level: Math.max(stored.level, level) as StoredTimer['level'] };
		const milestone = policy.milestones.find((m) => m.key === timer.milestone);
		if (!milestone) continue;
		const actions = computeSweepActions(timer, milestone, now);
		for (const action of actions) {
			const recipients = await findRecipients(knex, collection, record, action, milestone, sync.recipients);
			const deliverAt = computeDeliveryTime(now, sync.calendar, milestone.clock);
			const deliveries: Delivery[] = [];
			if (channels.in_app) deliveries.push(...recipients.map((r) => pending('in_app', r, deliverAt)));
			if (channels.email) deliveries.push(...recipients.map((r) => pending('email', r, deliverAt)));
			for (const webhook of channels.webhooks) {
				if (!webhook.events || webhook.events.includes(action.kind)) deliveries.push(pending(`webhook:${webhook.name}`, '*', deliverAt));
			}
			const inserted = await logEscalation(knex, timer, action, milestone.label, now, {
				notified_users: JSON.stringify(recipients),
				deliveries: JSON.stringify(deliveries),
				next_delivery_at: deliveries.length ? fromInstant(deliverAt) : null,
			});
			if (inserted === null) {
				report.already_logged++;
				continue;
			}
			if (action.kind === 'warning') report.warnings++;
			else report.breaches++;
		}
		// The timer follows every action due, including those another sweep logged first.
		const after = computeTimerAfterSweep(timer, actions, now);
		await knex('sla_timers').where({ id: timer.id }).update(toTimerColumns(after));

		// Whoever logged it, a breach raises the level, so concurrent sweeps compute the same next keys.
		const breach = actions.find((a) => a.kind === 'breach');
		if (breach && breach.level > level) {
			const changes: Record<string, unknown> = 'handling_level' in record ? { handling_level: breach.level } : {};
			const handlerField = HANDLER_FIELD[collection];
			if (milestone.reassign_to_role && handlerField) {
				const to = await pickReassignee(knex, milestone.reassign_to_role, record);
				if (to && to !== record[handlerField]) {
					changes[handlerField] = to;
					report.reassigned++;
				}
			}
			if (Object.keys(changes).length) {
				// A plain write, not the items service: the escalation is the system's act, not a workflow
				// step (no CMP-3 hooks), it is logged in `escalations` already, and the items service's
				// revision snapshots cost more than the rest of the sweep together (bench/sweep.ts).
				await knex(collection).where({ id: record['id'] }).update(changes);
			}
			level = breach.level;
			// The record's other open clocks now run at the raised level (ESC-2).
			await knex('sla_timers').where({ collection, item: String(item) }).whereNot('state', 'fulfilled').andWhere('level', '<', level).update({ level });
		}
	}
}

function pending(channel: string, recipient: string, deliverAt: Date): Delivery {
	return { channel, recipient, status: 'pending', attempts: 0, next_at: deliverAt.toISOString(), sent_at: null, error: null };
}

/**
 * ESC-4: inserts the log row; the unique `escalation_key` lets exactly one of any number of
 * concurrent sweeps win. Returns the new row's id, or null when it was already logged.
 */
async function logEscalation(knex: Knex, timer: StoredTimer, action: SweepAction, label: string, now: Date, notices: Record<string, unknown>): Promise<number | null> {
	const key = computeEscalationKey(timer.collection, timer.item, action.milestone, action.level, action.kind);
	const rows = await knex('escalations')
		.insert({
			escalation_key: key, kind: action.kind, collection: timer.collection, item: timer.item, milestone: action.milestone,
			milestone_label: label, level: action.level, timer: timer.id, due_at: fromInstant(timer.due_at), occurred_at: fromInstant(now),
			message: `${action.kind === 'breach' ? `超时，升级至 L${action.level}` : `预警 L${action.level}`}: ${label} (${timer.collection} #${timer.item})`,
			...notices,
		})
		.onConflict('escalation_key')
		.ignore()
		.returning('id');
	const row = rows[0] as { id: number } | number | undefined;
	if (row === undefined) return null;
	return Number(typeof row === 'object' ? row.id : row);
}

/** Vendors with row locks (PostgreSQL, MySQL); SQLite serialises writers on its single connection. */
function supportsRowLocks(knex: Knex): boolean {
	return vendorOf(knex) !== 'sqlite';
}
