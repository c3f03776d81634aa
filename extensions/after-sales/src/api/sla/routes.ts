// The deadline family's endpoints: parse → rule → respond.
//   POST /after-sales/sla/sweep                       ESC-2..4, admin or service manager
//   GET  /after-sales/dealer/tasks                    DLR-2, the caller dealer's open tasks
//   POST /after-sales/dealer/tasks/:id/schedule       DLR-2, the dealer schedules a task
//   POST /after-sales/dealer-tasks/:id/clerk-check    DLR-2, the sales clerk records the 4 h check
//   POST /after-sales/escalations/:id/acknowledge     ESC-4, a notified user acknowledges (DLR-2: naming the person responsible)
import type { Request, Router } from 'express';
import { z } from 'zod';
import { formatZodIssues } from '../../domain/errors';
import { assertSignedIn, hasRole, type Caller } from '../lib/caller';
import { systemItems, type PackContext } from '../lib/context';
import { fromInstant, toInstant, vendorOf } from '../lib/db-values';
import { StrictInstantSchema } from '../../domain/integrity';
import { forbiddenOrMissing } from '../lib/assert-owned-by';
import { forbidden, notFound, parseOrThrow } from '../lib/errors';
import { runSweep } from './run-sweep';
import { FINAL_STATES, syncContext, syncRecordTimers } from './sync-timers';
import { msg, state } from '../../domain/messages';
import { ClerkCheckInputSchema, computeAcknowledgeResponsible, computeResponsibleMessage, decideClerkCheck } from '../../domain/service-requests';
import { clerkActorOf, loadClerkCheckFacts, reconcileClerkCheck } from '../service-requests/clerk-check';
import { tellScheduled } from '../service-requests/tell-scheduled';
import { loadRequestDeadlines, openDeadlines } from '../lib/portal-deadlines';
import { loadSettings } from '../services/settings';
import { formatLocalInstant } from '../../domain/calendar';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (...args: any[]) => unknown;

export const ScheduleSchema = z.strictObject({
	scheduled_for: StrictInstantSchema,
	note: z.string().trim().min(1).max(2000).optional(),
});
export const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);
/** ESC-4; DLR-2: the person responsible, required for a dealer task's escalation to leadership that names nobody yet. */
export const AcknowledgeSchema = z.strictObject({ responsible: z.string().trim().min(1).max(255).optional() });

/** States in which a dealer task is still open (not yet resolved, closed or cancelled). */
const OPEN_TASK = (q: any, column = 'status') => q.whereNotIn(column, [...FINAL_STATES.service_requests]);

export function registerSlaRoutes(router: Router, ctx: PackContext, route: Route) {
	router.post('/sla/sweep', route(async (caller) => {
		assertSignedIn(caller);
		if (!hasRole(caller, 'service_manager')) throw forbidden('ESC-2', msg('scope.sweep'));
		return runSweep(ctx);
	}));

	router.get('/dealer/tasks', route(async (caller) => {
		const dealer = assertDealer(caller);
		const now = new Date();
		// DLR-2: what the dealer needs to call and visit: the customer, the unit, the 2 h scheduling deadline.
		const rows: Record<string, any>[] = await OPEN_TASK(ctx.database('service_requests as s').where({ 's.dealer': dealer }), 's.status')
			.leftJoin('customers as c', 'c.id', 's.customer').leftJoin('units as u', 'u.id', 's.unit').leftJoin('products as p', 'p.id', 'u.product')
			.orderBy('s.dispatched_at', 'desc')
			.select('s.id', 's.type', 's.status', 's.problem', 's.received_at', 's.dispatched_at', 's.scheduled_at', 's.scheduled_for', 's.handling_level', 's.customer',
				'c.name as customer_name', 'c.phone as customer_phone', 'c.address as customer_address', 's.unit', 'u.serial_no', 'p.model as product_model', 'p.name as product_name');
		const timeZone = (await loadSettings(ctx.database)).calendar.timezone;
		const deadlines = await loadRequestDeadlines(ctx.database, rows.map((r) => Number(r['id'])), timeZone, now);
		const local = (at: Date | null) => (at ? formatLocalInstant(at, timeZone) : null);
		return rows.map((r) => {
			const own = deadlines.get(String(r['id'])) ?? [];
			const at = (field: string) => toInstant(r[field]);
			return {
				...r,
				received_at: at('received_at')?.toISOString() ?? null,
				dispatched_at: at('dispatched_at')?.toISOString() ?? null,
				scheduled_at: at('scheduled_at')?.toISOString() ?? null,
				scheduled_for: at('scheduled_for')?.toISOString() ?? null,
				dispatched_local: local(at('dispatched_at')), scheduled_for_local: local(at('scheduled_for')),
				// DLR-2: the 2 h milestone (met or not) and whatever deadline is next.
				schedule_deadline: own.find((d) => d.milestone === 'dealer_scheduled') ?? null,
				next_deadline: openDeadlines(own)[0] ?? null,
			};
		});
	}));

	router.post('/dealer/tasks/:id/schedule', route(async (caller, req) => {
		const dealer = assertDealer(caller);
		const id = parseOrThrow(IdSchema, req.params['id'], 'DLR-2');
		const parsed = ScheduleSchema.safeParse(req.body ?? {});
		// formatZodIssues names an unknown key itself (a typo), not the enclosing object.
		if (!parsed.success) throw formatZodIssues(parsed.error, 'DLR-2');
		const body = parsed.data;
		const task = await ctx.database('service_requests').where({ id, dealer }).first();
		// Another dealer's task is answered like a missing one: its existence is not theirs to learn.
		// ARC-4: a missing task and another dealer's task answer alike (403).
		if (!task) throw forbiddenOrMissing('task');
		if (FINAL_STATES.service_requests.includes(task.status)) throw notFound(msg('sla.task_final', { id, status: state('service_requests', 'status', task.status) }), 'DLR-2');
		const now = new Date();
		const history = parseList(task.history);
		const changes: Record<string, unknown> = {
			scheduled_for: new Date(body.scheduled_for).toISOString(),
			// DLR-2: the moment of scheduling is what fulfils the 2 h milestone; a reschedule keeps the first.
			scheduled_at: task.scheduled_at ? toInstant(task.scheduled_at)!.toISOString() : now.toISOString(),
			history: [...history, { at: now.toISOString(), by: caller.user, summary: `scheduled for ${body.scheduled_for} (DLR-2)${body.note ? `: ${body.note}` : ''}` }],
		};
		if (['new', 'answered', 'reported', 'dispatched'].includes(task.status)) changes['status'] = 'scheduled';
		const items = await systemItems(ctx, 'service_requests');
		await items.updateOne(id, changes);
		// Timers now, not only in the action: the dealer sees the milestone met in the answer.
		const sync = await syncRecordTimers(await syncContext(ctx), 'service_requests', id);
		// DLR-2: the customer and the technical department are told (keyed by the time: a retry adds nothing).
		await tellScheduled(ctx, [id], now);
		return {
			id, status: changes['status'] ?? task.status, scheduled_at: changes['scheduled_at'], scheduled_for: changes['scheduled_for'],
			timers: sync.timers.map((t) => ({ milestone: t.milestone, state: t.state, due_at: t.due_at?.toISOString() ?? null, fulfilled_at: t.fulfilled_at?.toISOString() ?? null })),
		};
	}));

	router.post('/dealer-tasks/:id/clerk-check', route(async (caller, req) => {
		assertSignedIn(caller);
		if (!caller.staff) throw forbidden('DLR-2', msg('clerk_check.role'));
		const id = parseOrThrow(IdSchema, req.params['id'], 'DLR-2');
		const body = parseOrThrow(ClerkCheckInputSchema, req.body ?? {}, 'DLR-2');
		const now = new Date();
		await ctx.database.transaction(async (trx) => {
			const lock = trx('service_requests').where({ id }).select('id');
			if (vendorOf(trx) !== 'sqlite') lock.forUpdate();
			await lock;
			const facts = await loadClerkCheckFacts(trx, id);
			if (!facts) throw notFound(msg('request.gone', { id }), 'DLR-2');
			const plan = decideClerkCheck(facts, body, clerkActorOf(caller), now);
			const items = await systemItems(ctx, 'service_requests', trx, false);
			await items.updateOne(id, plan.columns);
		});
		const sync = await syncRecordTimers(await syncContext(ctx), 'service_requests', id);
		await reconcileClerkCheck(ctx, [id], now);
		const row = await ctx.database('service_requests').where({ id }).first('clerk_check_result', 'clerk_checked_at', 'clerk_checked_by', 'clerk_check_note', 'responsible_person', 'handling_level');
		return {
			id, clerk_check_result: row.clerk_check_result, clerk_checked_at: toInstant(row.clerk_checked_at)?.toISOString() ?? null, clerk_checked_by: row.clerk_checked_by,
			clerk_check_note: row.clerk_check_note ?? null, responsible_person: row.responsible_person ?? null, handling_level: Number(row.handling_level),
			timers: sync.timers.map((t) => ({ milestone: t.milestone, state: t.state, due_at: t.due_at?.toISOString() ?? null, fulfilled_at: t.fulfilled_at?.toISOString() ?? null })),
		};
	}));

	router.post('/escalations/:id/acknowledge', route(async (caller, req) => {
		assertSignedIn(caller);
		const id = parseOrThrow(IdSchema, req.params['id'], 'ESC-4');
		const body = parseOrThrow(AcknowledgeSchema, req.body ?? {}, 'ESC-4');
		const row = await ctx.database('escalations').where({ id }).first();
		if (!row) throw notFound(msg('sla.no_escalation', { id }), 'ESC-4');
		const notified = parseList(row.notified_users).map(String);
		if (!caller.admin && !(caller.user && notified.includes(caller.user))) {
			// Dealers and technicians must not learn of escalations they were not told about.
			if (!caller.staff) throw notFound(msg('sla.no_escalation', { id }), 'ESC-4');
			throw forbidden('ESC-4', msg('scope.acknowledge'));
		}
		if (!row.acknowledged_at) {
			// DLR-2: a dealer task that went to leadership is acknowledged naming the person responsible.
			const task = row.collection === 'service_requests' ? await ctx.database('service_requests').where({ id: Number(row.item) }).first('responsible_person') : null;
			const responsible = computeAcknowledgeResponsible(row, task?.responsible_person ?? null, body.responsible ?? null);
			await ctx.database.transaction(async (trx) => {
				// Conditional update: of two simultaneous acknowledgements the first is kept.
				const changes: Record<string, unknown> = { acknowledged_by: caller.user, acknowledged_at: fromInstant(new Date(), trx) };
				if (responsible && !row.responsible) Object.assign(changes, { responsible, message: computeResponsibleMessage(row.message ?? '', responsible) });
				const updated = await trx('escalations').where({ id }).whereNull('acknowledged_at').update(changes);
				if (updated && responsible && task && !task.responsible_person) await trx('service_requests').where({ id: Number(row.item) }).whereNull('responsible_person').update({ responsible_person: responsible });
			});
		}
		const after = await ctx.database('escalations').where({ id }).first('id', 'acknowledged_by', 'acknowledged_at', 'responsible');
		return { id: after.id, acknowledged_by: after.acknowledged_by, acknowledged_at: toInstant(after.acknowledged_at)?.toISOString() ?? null, responsible: after.responsible ?? null };
	}));
}

function assertDealer(caller: Caller): number {
	assertSignedIn(caller);
	if (!caller.roles.includes('dealer') || caller.dealer === null) {
		throw forbidden('DLR-2', msg('scope.dealer_tasks_only'));
	}
	return caller.dealer;
}

function parseList(value: unknown): any[] {
	if (value === null || value === undefined || value === '') return [];
	const parsed = typeof value === 'string' ? JSON.parse(value) : value;
	return Array.isArray(parsed) ? parsed : [];
}
