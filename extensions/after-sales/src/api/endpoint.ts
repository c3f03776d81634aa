import { defineEndpoint } from '@directus/extensions-sdk';
import type { Request, Response, NextFunction, Router } from 'express';
import { registerPortalUserRoutes } from './dealer';
import { registerRatingRoutes } from './dealers';
import { registerFollowUpRoutes, registerSurveyRoutes } from './follow-ups';
import { resolveCaller, type Caller } from './lib/caller';
import type { PackContext } from './lib/context';
import { ruleViolation, toDirectusError } from './lib/errors';
import { findNul } from './lib/find-nul';
import { isRunningCopy, ownRoot } from './lib/single-copy';
import { msg } from '../domain/messages';
import { registerOpenApiRoute } from './openapi';
import { registerReportRoutes } from './reports';
import { getCoverage } from './routes/coverage';
import { getOverview } from './routes/overview';
import { registerSlaRoutes } from './sla';
import { registerWorkQueueRoutes } from './work-queue/routes';

type Handler = (caller: Caller, req: Request) => Promise<unknown>;

export default defineEndpoint({
	id: 'after-sales',
	handler: (expressRouter, context) => {
		const router = expressRouter as unknown as Router;
		const ctx = context as unknown as PackContext;
		// A second copy of the pack (see lib/single-copy.ts) adds no routes: the running copy's answer.
		if (!isRunningCopy(ownRoot(import.meta.url))) return;
		// Every route: resolve the caller, parse, call the domain through a service, respond.
		const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
			try {
				const caller = await resolveCaller(ctx.database, (req as unknown as { accountability: never }).accountability);
				const body = await handler(caller, req);
				res.json({ data: body });
			} catch (error) {
				next(toDirectusError(error));
			}
		};

		// INT-5: a NUL character in the path, the query or a JSON body is a 400 before any route reads it
		// (PostgreSQL refuses it in text with a 500), as the items hooks refuse it in payloads.
		router.use((req: Request, _res: Response, next: NextFunction) => {
			let path = req.path;
			try {
				path = decodeURIComponent(req.path);
			} catch {
				// A malformed escape is the route's to refuse.
			}
			const nul = path.includes('\u0000') ? 'path' : findNul(req.query, '') ?? findNul(req.body, '');
			next(nul ? ruleViolation('INT-5', nul, msg('int.nul')) : undefined);
		});
		registerOpenApiRoute(router, ctx);
		router.get('/overview', route((caller) => getOverview(ctx, caller)));
		registerReportRoutes(router, ctx);
		registerSlaRoutes(router, ctx, route);
		registerRatingRoutes(router, ctx, route);
		registerPortalUserRoutes(router, ctx, route);
		registerFollowUpRoutes(router, ctx, route);
		registerWorkQueueRoutes(router, ctx, route as never);
		registerSurveyRoutes(router, ctx);
		router.get('/units/:serial/coverage', route((caller, req) => getCoverage(ctx, caller, String(req.params['serial']), req.query)));
	},
});
