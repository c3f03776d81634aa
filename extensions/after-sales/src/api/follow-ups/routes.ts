// The agents' call list and call log (FUP-1..4): parse → rule → one transaction → respond.
//   GET  /after-sales/follow-ups/due?date=YYYY-MM-DD   staff: planned follow-ups due that day or overdue
//   POST /after-sales/follow-ups/:id/log               staff: a call made (or attempted)
//   POST /after-sales/follow-ups/events                staff: FUP-4 an event's calls, 14 days before
import type { Request, Router } from 'express';
import { z } from 'zod';
import { formatLocalInstant } from '../../domain/calendar';
import {
	computeCallListEnd, computeDayEnd, computeDayStart, decideEventCalls, decideFollowUpLog, EventNoticeInputSchema, FOLLOW_UP_KIND_LABELS, FollowUpLogSchema,
	type EventNoticeInput, type FollowUpRecordKind,
} from '../../domain/follow-ups';
import { StrictDateSchema } from '../../domain/integrity';
import { computeLocalDate } from '../../domain/warranty';
import { refreshCustomerOverview } from '../hooks/archive';
import { assertStaff, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { toBool, toInstant, toStoredInstant, vendorOf } from '../lib/db-values';
import { notFound, parseOrThrow, ruleViolation } from '../lib/errors';
import { loadFollowUpFacts } from './load-follow-up-facts';
import { loadFollowUpSettings } from './load-follow-up-settings';
import { writeFollowUps } from './write-follow-ups';
import { msg } from '../../domain/messages';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (...args: any[]) => unknown;

export const DueQuerySchema = z.strictObject({
	date: StrictDateSchema.optional().describe('the business date in the calendar’s time zone; today when absent'),
	limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export const FollowUpIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

export function registerFollowUpRoutes(router: Router, ctx: PackContext, route: Route) {
	router.get('/follow-ups/due', route(async (caller, req) => {
		assertStaff(caller, 'FUP-3');
		const query = parseOrThrow(DueQuerySchema, req.query ?? {}, 'FUP-3');
		return loadCallList(ctx, query.date ?? null, query.limit ?? 500, new Date());
	}));

	router.post('/follow-ups/events', route(async (caller, req) => {
		assertStaff(caller, 'FUP-4');
		const input = parseOrThrow(EventNoticeInputSchema, req.body ?? {}, 'FUP-4');
		const settings = await loadFollowUpSettings(ctx);
		const now = new Date();
		if (input.event_on < computeLocalDate(now, settings.calendar.timezone)) throw ruleViolation('FUP-4', 'event_on', msg('event.over'), { collection: 'follow_ups' });
		const customers = await selectEventCustomers(ctx, input);
		const planned = decideEventCalls(input, customers, settings.rules, settings.calendar.timezone, now);
		const created = await writeFollowUps(ctx.database, planned, settings, now);
		return { event_name: input.event_name, event_on: input.event_on, customers: customers.length, created, already_planned: planned.length - created, call_on: planned[0] ? formatLocalInstant(planned[0].due_at, settings.calendar.timezone).slice(0, 10) : null };
	}));

	router.post('/follow-ups/:id/log', route(async (caller, req) => {
		assertStaff(caller, 'FUP-3');
		const id = parseOrThrow(FollowUpIdSchema, req.params['id'], 'FUP-3');
		const log = parseOrThrow(FollowUpLogSchema, req.body ?? {}, 'FUP-3');
		const settings = await loadFollowUpSettings(ctx);
		const now = new Date();
		const customer = await ctx.database.transaction(async (trx) => {
			const lock = trx('follow_ups').where({ id }).select('id');
			if (vendorOf(trx) !== 'sqlite') lock.forUpdate();
			await lock;
			const facts = await loadFollowUpFacts(trx, id);
			if (!facts) throw notFound(msg('follow_up.missing', { id }), 'FUP-3');
			const plan = decideFollowUpLog(facts, log, caller.user, { rules: settings.rules, timeZone: settings.calendar.timezone }, now);
			const columns: Record<string, unknown> = { ...plan.columns, date_updated: toStoredInstant(now, trx) };
			if (columns['done_at'] instanceof Date) columns['done_at'] = toStoredInstant(columns['done_at'], trx);
			await trx('follow_ups').where({ id }).update(columns);
			if (plan.reschedule) {
				await trx('follow_ups').where({ follow_up_key: plan.reschedule.follow_up_key, status: 'planned' })
					.update({ due_at: toStoredInstant(plan.reschedule.due_at, trx), due_until: toStoredInstant(plan.reschedule.due_until, trx), date_updated: toStoredInstant(now, trx) });
			}
			if (plan.follow_on) await writeFollowUps(trx, [plan.follow_on], settings, now);
			return facts.customer;
		});
		await refreshCustomerOverview(ctx.database, [customer]).catch((error) => ctx.logger.warn(`[after-sales] ARC-5 overview refresh failed: ${(error as Error).message}`));
		const row = await ctx.database('follow_ups').where({ id }).first('id', 'kind', 'status', 'channel', 'satisfaction', 'notes', 'done_at', 'done_by', 'due_at', 'due_until');
		return { ...row, done_at: toInstant(row.done_at, ctx.database)?.toISOString() ?? null, due_at: toInstant(row.due_at, ctx.database)?.toISOString() ?? null, due_until: toInstant(row.due_until, ctx.database)?.toISOString() ?? null };
	}));
}

/** FUP-4: the customers an event notice reaches; a named customer that does not exist is a 400 naming it. */
async function selectEventCustomers(ctx: PackContext, input: EventNoticeInput): Promise<number[]> {
	const knex = ctx.database;
	const found = new Set<number>();
	if (input.customers) {
		const rows: { id: number }[] = await knex('customers').whereIn('id', input.customers).select('id');
		const have = new Set(rows.map((r) => Number(r.id)));
		const missing = input.customers.findIndex((id) => !have.has(id));
		if (missing !== -1) throw ruleViolation('FUP-4', `customers.${missing}`, msg('event.no_customer', { id: input.customers[missing]! }));
		for (const id of have) found.add(id);
	}
	if (input.key_accounts || input.region) {
		const q = knex('customers').where((w) => w.whereNot('status', 'archived').orWhereNull('status')).select('id', 'key_account');
		if (input.region) q.where('region', input.region);
		for (const r of (await q) as { id: number; key_account: unknown }[]) if (!input.key_accounts || toBool(r.key_account)) found.add(Number(r.id));
	}
	return [...found].sort((a, b) => a - b);
}

/** FUP-1..3: planned follow-ups due before the end of `date` (its own and overdue ones), earliest first, with whom to call about what. */
export async function loadCallList(ctx: PackContext, date: string | null, limit: number, now: Date) {
	const knex = ctx.database;
	const { calendar } = await loadFollowUpSettings(ctx);
	const zone = calendar.timezone;
	const day = date ?? computeLocalDate(now, zone);
	const start = computeDayStart(day, zone);
	const end = computeCallListEnd(computeDayEnd(day, zone));
	const rows: Record<string, any>[] = await knex('follow_ups as f')
		.leftJoin('customers as c', 'c.id', 'f.customer').leftJoin('service_requests as s', 's.id', 'f.service_request').leftJoin('repair_records as r', 'r.id', 'f.repair_record')
		.where('f.status', 'planned').andWhere('f.due_at', '<', toStoredInstant(end, knex)!)
		.orderBy([{ column: 'f.due_at' }, { column: 'f.id' }]).limit(limit)
		.select(
			'f.id', 'f.kind', 'f.status', 'f.due_at', 'f.due_until', 'f.notes', 'f.survey_url', 'f.customer',
			'c.name as customer_name', 'c.phone as customer_phone', 'c.contact_person as customer_contact',
			'f.service_request', 's.problem as request_problem', 's.status as request_status',
			'f.repair_record', 'r.status as repair_status', 'r.fault_category as repair_fault_category', 'r.fault_description as repair_fault_description',
		);
	const iso = (v: unknown) => toInstant(v, knex);
	return {
		date: day,
		time_zone: zone,
		follow_ups: rows.map((r) => {
			const due = iso(r['due_at'])!;
			const until = iso(r['due_until']);
			return {
				id: Number(r['id']), kind: r['kind'], kind_label: FOLLOW_UP_KIND_LABELS[r['kind'] as FollowUpRecordKind] ?? { zh: r['kind'], en: r['kind'] }, status: r['status'],
				due_at: due.toISOString(), due_local: formatLocalInstant(due, zone), due_until: until?.toISOString() ?? null, due_until_local: until ? formatLocalInstant(until, zone) : null,
				overdue: due.getTime() < start.getTime(),
				customer: { id: Number(r['customer']), name: r['customer_name'] ?? null, phone: r['customer_phone'] ?? null, contact_person: r['customer_contact'] ?? null },
				service_request: r['service_request'] === null ? null : { id: Number(r['service_request']), problem: r['request_problem'] ?? null, status: r['request_status'] ?? null },
				repair_record: r['repair_record'] === null ? null : { id: Number(r['repair_record']), status: r['repair_status'] ?? null, fault_category: r['repair_fault_category'] ?? null, fault_description: r['repair_fault_description'] ?? null },
				survey_url: r['survey_url'] ?? null,
				notes: r['notes'] ?? null,
			};
		}),
	};
}
