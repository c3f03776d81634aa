// Staff hooks into the warranty schedules: run the WTY-6 daily job now (missing parts, reminders).
import type { Request, Response, NextFunction, Router } from 'express';
import { z } from 'zod';
import { assertStaff, hasRole, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { forbidden, parseOrThrow } from '../lib/errors';
import { markMissingAfterDeadline, sendReturnReminders } from './parts-returns';
import { msg } from '../../domain/messages';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => unknown;

export const RemindQuery = z.object({ at: z.string().refine((v) => !Number.isNaN(new Date(v).getTime()), 'must be an ISO date-time').optional() });

export function registerWarrantyRoutes(router: Router, ctx: PackContext, route: Route) {
	router.post('/parts-returns/remind', route(async (caller, req) => {
		assertStaff(caller, 'WTY-6');
		if (!hasRole(caller, 'service_manager', 'technical_dept')) throw forbidden('WTY-6', msg('scope.reminders'));
		const q = parseOrThrow(RemindQuery, req.query, 'WTY-6');
		const at = q.at ? new Date(q.at) : new Date();
		const missing = await markMissingAfterDeadline(ctx.database, at);
		return { ...(await sendReturnReminders(ctx, at)), parts_marked_missing: missing };
	}));
}
