// ESC-1..4: the deadline sweep, set-based. Reads the clock once. Claims the records whose timers
// are due (`next_check_at <= now`, indexed) in batches, reading each record in the statement that
// locks it (`FOR UPDATE SKIP LOCKED` on PostgreSQL and MySQL; SQLite has a single writer), lets the
// domain decide the whole batch (`decideSweep`: re-sync, warnings, breaches, levels), and writes
// the plan in a few statements. The same path first reconciles every record changed since the
// watermark, so a record whose after-commit sync was lost in a crash gets its timers within one
// sweep interval. A batch that fails is split until the failing record is found: it is logged
// with the rule and stays due, so the next sweep retries it; the rest of the batch is written.
import type { Knex } from 'knex';
import { decideSweep, type SlaCollection, type StoredPolicy } from '../../domain/sla';
import type { NotificationChannels } from '../../domain/notifications';
import type { Calendar } from '../../domain/calendar';
import type { PackContext } from '../lib/context';
import { fromInstant, toInstant, toStoredInstant, vendorOf } from '../lib/db-values';
import { channelsOf, loadSettings } from '../services/settings';
import { deliverDue, deliveryLease } from './deliver';
import { deliverNotices } from '../notices/deliver-notices';
import { loadDueRecords, type RecordRef } from './load-due-records';
import { loadPolicies } from './load-policies';
import { SLA_COLLECTIONS } from './sync-timers';
import { writeSweepPlan } from './write-sweep-plan';
import { runFollowUpStep } from '../follow-ups/run-follow-up-step';
import { sendMonthlyReports } from '../reports/send-monthly-reports';
import { sendPlanNotices } from '../dealer-plans/send-plan-notices';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';

export type SweepReport = {
	due_timers: number;
	records: number;
	/** Records changed since the last sweep, re-synced (ESC-1 self-healing). */
	reconciled: number;
	warnings: number;
	breaches: number;
	already_logged: number;
	reassigned: number;
	failed_records: number;
	/** Records another instance's sweep held: theirs this time. */
	skipped_locked: number;
	/** FUP-1..5: planned follow-ups past their window, now missed. */
	follow_ups_missed: number;
	/** FUP-5: key-account visits planned (once a day). */
	key_account_visits_planned: number;
	/** REQ-7, FUP-6: SMS / e-mails to customers sent and failed. */
	customer_messages_sent: number;
	customer_messages_failed: number;
	/** RPT-2, RPT-5: monthly report notices sent (once a month). */
	monthly_reports_sent: number;
	/** DLR-3: parts-plan reminders to dealers and overdue notices to managers sent (each once per dealer and season). */
	parts_plan_notices: number;
	deliveries_sent: number;
	deliveries_failed: number;
	/** Of `duration_ms`, the time spent delivering notices. */
	deliver_ms: number;
	duration_ms: number;
};

/** Timers read per batch (one transaction): 2,000 measured faster than 5,000 on SQLite (smaller heap, shorter write transaction), the same on PostgreSQL. */
const BATCH = 2_000;
/** Records committed up to this long after the date they were stamped with are still reconciled. */
export const RECONCILE_OVERLAP_MS = 2 * 60_000;
const WATERMARK_FIELD = 'sla_reconciled_until';
/** DLR-3: the business day this instance last sent the parts-plan notices. */
let plansNoticedOn: string | null = null;

type Row = Record<string, unknown>;
type SweepState = {
	knex: Knex; ctx: PackContext; now: Date; calendar: Calendar; policies: StoredPolicy[]; channels: NotificationChannels; lock: 'skip' | false; report: SweepReport;
	/** NTF-3: this sweep's delivery lease, and the escalations it logged already under it (committed batches only). */
	lease: string; held: Row[];
};

export async function runSweep(ctx: PackContext, now = new Date()): Promise<SweepReport> {
	const started = Date.now();
	const knex = ctx.database;
	const settings = await loadSettings(knex);
	const state: SweepState = {
		knex, ctx, now, calendar: settings.calendar, policies: await loadPolicies(knex, ctx.logger), channels: channelsOf(settings.raw, ctx),
		lock: vendorOf(knex) === 'sqlite' ? false : 'skip',
		lease: deliveryLease(ctx, knex, now), held: [],
		report: { due_timers: 0, records: 0, reconciled: 0, warnings: 0, breaches: 0, already_logged: 0, reassigned: 0, failed_records: 0, skipped_locked: 0, follow_ups_missed: 0, key_account_visits_planned: 0, customer_messages_sent: 0, customer_messages_failed: 0, monthly_reports_sent: 0, parts_plan_notices: 0, deliveries_sent: 0, deliveries_failed: 0, deliver_ms: 0, duration_ms: 0 },
	};

	// ESC-1: records changed since the watermark, whatever happened to their after-commit sync.
	const watermark = toInstant(settings.raw[WATERMARK_FIELD], knex);
	const changed = await loadChangedRecords(knex, new Date((watermark ?? now).getTime() - RECONCILE_OVERLAP_MS));
	state.report.reconciled = new Set(changed.map((r) => `${r.collection}:${r.item}`)).size;
	for (let i = 0; i < changed.length; i += BATCH) await sweepBatch(state, changed.slice(i, i + BATCH));
	if (WATERMARK_FIELD in settings.raw && settings.raw['id'] !== undefined) {
		await knex('service_settings').where({ id: settings.raw['id'] }).update({ [WATERMARK_FIELD]: fromInstant(now, knex) });
	}

	// Keyset over id, so records that stay due (a failing one) are not read twice in one sweep.
	const nowText = fromInstant(now, knex)!;
	let lastId = 0;
	for (;;) {
		const due: { id: number; collection: SlaCollection; item: string }[] = await knex('sla_timers')
			.where('next_check_at', '<=', nowText).andWhere('id', '>', lastId).orderBy('id').limit(BATCH).select('id', 'collection', 'item');
		if (!due.length) break;
		lastId = due[due.length - 1]!.id;
		state.report.due_timers += due.length;
		await sweepBatch(state, due);
		if (due.length < BATCH) break;
	}

	// FUP-1..6, REQ-7: missed follow-ups, key-account visits, messages to customers; never stops the deliveries.
	const followUps = await runFollowUpStep(ctx, knex, now, started);
	state.report.follow_ups_missed = followUps.missed;
	state.report.key_account_visits_planned = followUps.visits_planned;
	state.report.customer_messages_sent = followUps.customer_sent;
	state.report.customer_messages_failed = followUps.customer_failed;
	// RPT-2, RPT-5: last month's summary and quality report, once, from the first of the month.
	try {
		state.report.monthly_reports_sent = await sendMonthlyReports(ctx, knex, now);
	} catch (error) {
		ctx.logger.error(`[after-sales] RPT-2/RPT-5: sending the monthly reports failed, retried next sweep: ${(error as Error).message}`);
	}

	// DLR-3: reminders before a parts plan is due, the managers told once it is overdue: once a
	// business day per instance (notice keys make each notice once across instances and retries).
	const planDay = computeLocalDate(now, settings.calendar.timezone);
	if (plansNoticedOn !== planDay) {
		try {
			state.report.parts_plan_notices = (await sendPlanNotices(ctx, knex, now)).notices;
			plansNoticedOn = planDay;
		} catch (error) {
			ctx.logger.error(`[after-sales] DLR-3: parts-plan reminders failed, retried next sweep: ${(error as Error).message}`);
		}
	}

	const delivering = Date.now();
	const schema = await ctx.getSchema({ database: knex });
	const delivered = await deliverDue(ctx, knex, now, state.channels, state.calendar, schema, { lease: state.lease, rows: state.held, since: started });
	// NTF-2: job notices owed or due for a retry go out with the escalations.
	const notices = await deliverNotices(ctx, knex, state.channels, now, started);
	state.report.deliveries_sent = delivered.sent + notices.sent;
	state.report.deliveries_failed = delivered.failed + notices.failed;
	state.report.deliver_ms = Date.now() - delivering;
	state.report.duration_ms = Date.now() - started;
	return state.report;
}

/** One transaction: claim and read, decide, write. On a failure, each half is tried on its own. */
async function sweepBatch(state: SweepState, refs: readonly RecordRef[]): Promise<void> {
	const unique = [...new Map(refs.map((r) => [`${r.collection}:${r.item}`, { collection: r.collection, item: String(r.item) }])).values()];
	if (!unique.length) return;
	const { knex, report } = state;
	try {
		const counts = await knex.transaction(async (trx) => {
			const loaded = await loadDueRecords(trx, unique, state.policies, { lock: state.lock });
			const plan = decideSweep(loaded.records, state.policies, state.calendar, state.now);
			for (const failure of plan.failures) {
				state.ctx.logger.error(`[after-sales] ${failure.rule}: sweep of ${failure.collection} #${failure.item} failed, retried next sweep: ${failure.message}`);
			}
			const written = await writeSweepPlan(trx, plan, loaded.rows, state.channels, state.now, state.lease);
			return { ...written, records: loaded.records.length, failed: plan.failures.length, skipped: loaded.skipped };
		});
		// Only once the batch committed: a batch rolled back and split logged nothing of these.
		for (const row of counts.held) state.held.push(row);
		report.records += counts.records;
		report.failed_records += counts.failed;
		report.skipped_locked += counts.skipped;
		report.warnings += counts.warnings;
		report.breaches += counts.breaches;
		report.already_logged += counts.already_logged;
		report.reassigned += counts.reassigned;
	} catch (error) {
		if (unique.length === 1) {
			report.failed_records++;
			state.ctx.logger.error(`[after-sales] ESC-2: sweep of ${unique[0]!.collection} #${unique[0]!.item} failed, retried next sweep: ${(error as Error).stack ?? error}`);
			return;
		}
		const half = Math.ceil(unique.length / 2);
		await sweepBatch(state, unique.slice(0, half));
		await sweepBatch(state, unique.slice(half));
	}
}

/** ESC-1: records of the SLA collections created or updated since `since` (indexed `date_created` / `date_updated`). */
async function loadChangedRecords(knex: Knex, since: Date): Promise<RecordRef[]> {
	// Directus stores SQLite instants as epoch milliseconds, the other vendors as timestamps (MySQL: the UTC wall clock).
	const bound = toStoredInstant(since, knex)!;
	const refs: RecordRef[] = [];
	for (const collection of SLA_COLLECTIONS) {
		for (const field of ['date_created', 'date_updated']) {
			const rows: { id: number }[] = await knex(collection).where(field, '>=', bound).select('id');
			for (const row of rows) refs.push({ collection, item: String(row.id) });
		}
	}
	return refs;
}
