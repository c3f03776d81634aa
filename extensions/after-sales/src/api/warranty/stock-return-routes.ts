// DLR-5 endpoints for dealers (their own returns only):
//   GET  /after-sales/dealer/stock-returns    the caller dealer's stock returns with their lines and amounts
//   POST /after-sales/dealer/stock-returns    file a stock return; shipped with POST /dealer/parts-returns/:id/ship
import type { Request, Router } from 'express';
import type { Knex } from 'knex';
import { decideStockReturn, StockReturnInputSchema } from '../../domain/parts-returns';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';
import type { Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { toDay, toInstant, toJsonArray } from '../lib/db-values';
import { parseOrThrow, toDirectusError } from '../lib/errors';
import { dealerOf, items, money } from '../dealer/routes';
import { loadPlanSettings } from '../dealer-plans/load-plan-settings';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (...args: any[]) => unknown;
type Row = Record<string, any>;

export async function listStockReturns(knex: Knex, dealer: number, id?: number) {
	const q = knex('parts_returns').where({ dealer, kind: 'stock' }).orderBy('id', 'desc').limit(200)
		.select('id', 'status', 'deadline', 'return_reason', 'stock_lines', 'stock_value', 'freight_payer', 'freight_amount', 'restoration_amount', 'shipped_on', 'carrier', 'tracking_no', 'received_on', 'ledger_posted_at', 'notes');
	if (id !== undefined) q.where({ id });
	return (await q).map((r: Row) => ({
		...r, filed_on: toDay(r.deadline), deadline: undefined, shipped_on: toDay(r.shipped_on), received_on: toDay(r.received_on),
		ledger_posted_at: toInstant(r.ledger_posted_at, knex)?.toISOString() ?? null,
		stock_lines: toJsonArray(r.stock_lines), stock_value: money(r.stock_value), freight_amount: money(r.freight_amount), restoration_amount: money(r.restoration_amount),
	}));
}

export function registerStockReturnRoutes(router: Router, ctx: PackContext, route: Route) {
	router.get('/dealer/stock-returns', route(async (caller) => listStockReturns(ctx.database, dealerOf(caller))));

	router.post('/dealer/stock-returns', route(async (caller, req) => {
		const dealer = dealerOf(caller);
		const body = parseOrThrow(StockReturnInputSchema, req.body ?? {}, 'DLR-5');
		const { plans, timezone, maxLineFen } = await loadPlanSettings(ctx.database);
		const today = computeLocalDate(new Date(), timezone);
		// Refusals name the line as the dealer sent it (lines.N.shipped_to_dealer_on); the hook checks again on write.
		let row;
		try {
			row = decideStockReturn(body, { seasons: plans.seasons, today, maxLineFen });
		} catch (error) {
			throw toDirectusError(error, 'parts_returns');
		}
		const id = await ctx.database.transaction(async (trx) => {
			const service = await items(ctx, 'parts_returns', trx);
			return service.createOne({ dealer, kind: 'stock', status: 'open', deadline: today, return_reason: row.return_reason, stock_lines: body.lines, notes: body.note ?? null, user_created: caller.user });
		});
		return (await listStockReturns(ctx.database, dealer, Number(id)))[0];
	}));
}
