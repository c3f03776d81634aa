// /after-sales/technician/... — a technician sees and works on the requests assigned to them only.
import type { Request, Response, NextFunction, Router } from 'express';
import { z } from 'zod';
import type { Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { assertOwnedBy } from '../lib/assert-owned-by';
import { forbidden, parseOrThrow, ruleViolation } from '../lib/errors';
import { uploadSignature } from '../dealer/signatures';
import { createRepair, listRepairs } from '../dealer/routes';
import { RepairInputSchema } from '../dealer/schemas';
import { FIELD_STATUSES } from '../../domain/service-requests';
import { StrictInstantSchema } from '../../domain/integrity';
import { applyRequestStep } from '../service-requests/apply-request-step';
import { toInstant } from '../lib/db-values';
import { loadSettings } from '../services/settings';
import { formatLocalInstant } from '../../domain/calendar';
import { msg } from '../../domain/messages';
import { loadRequestDeadlines, openDeadlines } from '../lib/portal-deadlines';

const PROMISED = { label_zh: '承诺到达', label_en: 'Promised arrival' };
/** An instant column as the calendar's local time (CAL-1), or null. */
export const localOf = (value: unknown, ctx: PackContext, timeZone: string) => {
	const at = toInstant(value, ctx.database);
	return at ? formatLocalInstant(at, timeZone) : null;
};

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => unknown;

function technicianOf(caller: Caller): string {
	if (!caller.user || !caller.roles.includes('technician')) throw forbidden('ESC-2', msg('scope.technician_only'));
	return caller.user;
}

const Note = z.string().trim().min(1).max(2000);
export const AcceptSchema = z.strictObject({ scheduled_for: StrictInstantSchema.optional(), note: Note.optional() });
export const ArriveSchema = z.strictObject({ location: z.string().trim().min(1).max(255).optional(), note: Note.optional() });
export const StatusSchema = z.strictObject({ status: z.enum(FIELD_STATUSES), note: Note.optional() });
export const RequestIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const TechnicianRepairSchema = RepairInputSchema.omit({ unit: true }).extend({ service_request: z.number().int().positive().max(2_147_483_647) }).strict();

export function registerTechnicianRoutes(router: Router, ctx: PackContext, route: Route) {
	// REQ-3: the technician's open jobs with what they need on site and the next deadline.
	router.get('/technician/requests', route(async (caller) => {
		const user = technicianOf(caller);
		const now = new Date();
		const rows: Record<string, any>[] = await ctx.database('service_requests as s').leftJoin('customers as c', 'c.id', 's.customer').leftJoin('units as u', 'u.id', 's.unit')
			.where('s.assignee', user).whereNotIn('s.status', ['resolved', 'closed', 'cancelled'])
			.select('s.id', 's.type', 's.status', 's.problem', 's.received_at', 's.promised_at', 's.scheduled_for', 's.accepted_at', 's.arrived_at', 's.unit', 'u.serial_no', 'c.name as customer_name', 'c.phone as customer_phone', 'c.address as customer_address')
			.orderBy('s.received_at', 'desc').limit(200);
		const iso = (v: unknown) => toInstant(v, ctx.database)?.toISOString() ?? null;
		const timeZone = (await loadSettings(ctx.database)).calendar.timezone;
		const deadlines = await loadRequestDeadlines(ctx.database, rows.map((r) => Number(r['id'])), timeZone, now);
		return rows.map((r) => {
			// REQ-3: the earliest of the open milestones and the arrival promised to the customer.
			const promised = toInstant(r['promised_at'], ctx.database);
			const first = openDeadlines(deadlines.get(String(r['id'])))[0] ?? null;
			const next = first && (!promised || new Date(first.due_at) <= promised) ? first : null;
			const due = next ? new Date(next.due_at) : promised;
			return {
				...r, received_at: iso(r['received_at']), promised_at: iso(r['promised_at']), scheduled_for: iso(r['scheduled_for']), accepted_at: iso(r['accepted_at']), arrived_at: iso(r['arrived_at']),
				scheduled_for_local: localOf(r['scheduled_for'], ctx, timeZone),
				next_deadline: due
					? {
						milestone: next?.milestone ?? 'promised_at', label: next?.label_zh ?? PROMISED.label_zh, label_zh: next?.label_zh ?? PROMISED.label_zh, label_en: next?.label_en ?? PROMISED.label_en,
						state: next?.state ?? null, due_at: due.toISOString(), due_local: formatLocalInstant(due, timeZone), minutes_left: Math.round((due.getTime() - now.getTime()) / 60_000),
					}
					: null,
			};
		});
	}));

	// The portal's own settings for a technician: who signed in and the calendar's time zone (CAL-1).
	router.get('/technician/me', route(async (caller) => {
		const user = technicianOf(caller);
		const row = await ctx.database('directus_users').where({ id: user }).first('id', 'email', 'first_name', 'last_name', 'language');
		return { user: row, timezone: (await loadSettings(ctx.database)).calendar.timezone };
	}));

	// REQ-3: the technician takes the job (and may plan the visit).
	router.post('/technician/requests/:id/accept', route(async (caller, req) => {
		const id = await ownJob(ctx, caller, req);
		const body = parseOrThrow(AcceptSchema, req.body ?? {}, 'REQ-3');
		const [row] = await ctx.database('service_requests').where({ id }).select('status');
		const extra = body.scheduled_for ? { scheduled_for: new Date(body.scheduled_for).toISOString() } : {};
		return applyRequestStep(ctx, caller, id, { status: row?.status === 'dispatched' ? 'scheduled' : row?.status, note: body.note ?? null }, extra);
	}));

	// REQ-3: check-in on site, with an optional location text.
	router.post('/technician/requests/:id/arrive', route(async (caller, req) => {
		const id = await ownJob(ctx, caller, req);
		const body = parseOrThrow(ArriveSchema, req.body ?? {}, 'REQ-3');
		return applyRequestStep(ctx, caller, id, { status: 'on_site', note: body.note ?? null, arrival_location: body.location ?? null });
	}));

	// REQ-3, ESC-1: on site ⇄ waiting for the customer / for parts (the clocks pause), resolved.
	router.post('/technician/requests/:id/status', route(async (caller, req) => {
		const id = await ownJob(ctx, caller, req);
		const body = parseOrThrow(StatusSchema, req.body ?? {}, 'REQ-3');
		return applyRequestStep(ctx, caller, id, { status: body.status, note: body.note ?? null });
	}));

	// WTY-5: the technician's own signature uploads, attachable only to the technician's own repairs.
	router.post('/technician/signatures', route(async (caller, req) => {
		technicianOf(caller);
		return uploadSignature(ctx, caller, req.body ?? {});
	}));

	router.get('/technician/repairs', route(async (caller) => listRepairs(ctx.database, { technician: technicianOf(caller) })));

	router.post('/technician/repairs', route(async (caller, req) => {
		const user = technicianOf(caller);
		const body = parseOrThrow(TechnicianRepairSchema, req.body ?? {}, 'REQ-5');
		// ARC-4: a request not assigned to this technician and an unknown one answer alike (403).
		await assertOwnedBy(ctx.database, caller, 'service_request', body.service_request, 'service_request');
		const request = await ctx.database('service_requests').where({ id: body.service_request }).first('id', 'assignee', 'unit');
		if (!request.unit) throw ruleViolation('REQ-5', 'service_request', msg('tech.no_unit'));
		return createRepair(ctx, caller, { ...body, unit: request.unit }, { technician: user, unitId: request.unit });
	}));
}

/** ARC-4: another technician's job and a missing one answer alike (403). */
async function ownJob(ctx: PackContext, caller: Caller, req: Request): Promise<number> {
	technicianOf(caller);
	const id = parseOrThrow(RequestIdSchema, req.params['id'], 'REQ-3');
	await assertOwnedBy(ctx.database, caller, 'service_request', id, 'id');
	return id;
}

