// /after-sales/technician/... — a technician sees and works on the requests assigned to them only.
import type { Request, Response, NextFunction, Router } from 'express';
import { z } from 'zod';
import type { Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { assertOwnedBy } from '../lib/assert-owned-by';
import { parseOrThrow, ruleViolation, ScopeForbiddenError } from '../lib/errors';
import { uploadSignature } from '../dealer/signatures';
import { createRepair, listRepairs } from '../dealer/routes';
import { RepairInputSchema } from '../dealer/schemas';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => unknown;

function technicianOf(caller: Caller): string {
	if (!caller.user || !caller.roles.includes('technician')) throw new ScopeForbiddenError({ reason: 'Only technicians use the technician API', rule: 'ESC-2' });
	return caller.user;
}

export const TechnicianRepairSchema = RepairInputSchema.omit({ unit: true }).extend({ service_request: z.number().int().positive().max(2_147_483_647) }).strict();

export function registerTechnicianRoutes(router: Router, ctx: PackContext, route: Route) {
	router.get('/technician/requests', route(async (caller) => {
		const user = technicianOf(caller);
		return ctx.database('service_requests as s').leftJoin('customers as c', 'c.id', 's.customer').leftJoin('units as u', 'u.id', 's.unit')
			.where('s.assignee', user).whereNotIn('s.status', ['closed', 'cancelled'])
			.select('s.id', 's.type', 's.status', 's.problem', 's.received_at', 's.promised_at', 's.unit', 'u.serial_no', 'c.name as customer_name', 'c.phone as customer_phone', 'c.address as customer_address')
			.orderBy('s.received_at', 'desc').limit(200);
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
		if (!request.unit) throw ruleViolation('REQ-5', 'service_request', 'the request names no unit');
		return createRepair(ctx, caller, { ...body, unit: request.unit }, { technician: user, unitId: request.unit });
	}));
}
