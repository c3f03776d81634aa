// DLR-3 endpoints: parse → rule → respond.
//   GET  /after-sales/dealer/parts-plan      the caller dealer's plans, the next season and its deadline
//   POST /after-sales/dealer/parts-plan      file (or revise) the plan of a season; late is recorded as late
//   POST /after-sales/dealer-plans/remind    run the reminders / overdue notices now (admin, service manager)
import type { Request, Router } from 'express';
import { z } from 'zod';
import { decidePartsPlanFiling, PartsPlanInputSchema, type PartsPlan } from '../../domain/dealer-plans';
import { StrictInstantSchema } from '../../domain/integrity';
import { computeNextSeason } from '../../domain/seasons';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';
import { msg } from '../../domain/messages';
import { assertSignedIn, hasRole, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { toDay, toJsonArray, vendorOf } from '../lib/db-values';
import { forbidden, parseOrThrow } from '../lib/errors';
import { assertDealerStanding } from '../dealers';
import { dealerOf } from '../dealer/routes';
import { loadPlanSettings } from './load-plan-settings';
import { sendPlanNotices } from './send-plan-notices';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (...args: any[]) => unknown;

export const PlanRemindQuery = z.strictObject({
	at: StrictInstantSchema.optional(),
	dealer: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

const plansOf = (value: unknown): PartsPlan[] => toJsonArray(value).filter((p) => p && typeof p === 'object' && typeof p.season === 'string');

export function registerDealerPlanRoutes(router: Router, ctx: PackContext, route: Route) {
	const knex = () => ctx.database;

	router.get('/dealer/parts-plan', route(async (caller) => {
		const dealer = dealerOf(caller);
		const { plans: settings, timezone } = await loadPlanSettings(knex());
		const row = await knex()('dealers').where({ id: dealer }).first('parts_plans', 'parts_plan_filed_on');
		const plans = plansOf(row?.parts_plans);
		const next = computeNextSeason(settings.seasons, settings.lead_days, new Date(), timezone);
		const filed = plans.find((p) => p.season === next.key && Number(p.year) === next.year) ?? null;
		return {
			next_season: { ...next, filed: filed !== null, on_time: filed?.on_time ?? null, overdue: !filed && next.today > next.deadline },
			seasons: settings.seasons, lead_days: settings.lead_days, last_filed_on: toDay(row?.parts_plan_filed_on),
			plans: [...plans].reverse(),
		};
	}));

	router.post('/dealer/parts-plan', route(async (caller, req) => {
		const dealer = dealerOf(caller);
		const now = new Date();
		// DLR-1: a suspended or terminated dealer files nothing.
		await assertDealerStanding(knex(), dealer, now, 'file a parts plan');
		const body = parseOrThrow(PartsPlanInputSchema, req.body ?? {}, 'DLR-3');
		const { plans: settings, timezone } = await loadPlanSettings(knex());
		const today = computeLocalDate(now, timezone);
		return ctx.database.transaction(async (trx) => {
			// Two filings at once queue on the dealer's row, so neither loses the other's plan.
			const read = trx('dealers').where({ id: dealer });
			const row = await (vendorOf(trx) === 'sqlite' ? read : read.forUpdate()).first('parts_plans');
			const decided = decidePartsPlanFiling(body, { seasons: settings.seasons, leadDays: settings.lead_days, today, now, user: caller.user, existing: plansOf(row?.parts_plans) });
			await trx('dealers').where({ id: dealer }).update({ parts_plans: JSON.stringify(decided.plans), parts_plan_filed_on: today });
			return decided.plan;
		});
	}));

	router.post('/dealer-plans/remind', route(async (caller, req) => {
		assertSignedIn(caller);
		if (!hasRole(caller, 'service_manager')) throw forbidden('DLR-3', msg('scope.plan_reminders'));
		const q = parseOrThrow(PlanRemindQuery, req.query, 'DLR-3');
		return sendPlanNotices(ctx, ctx.database, q.at ? new Date(q.at) : new Date(), { dealer: q.dealer });
	}));
}
