// DLR-4: a dealer's rating changes things. The monthly review (run with the monthly reports, and on
// demand by `POST /after-sales/dealers/:id/rating-review`) stores a proposal on the dealer when the
// dealer report's grade falls below its tier's bar or rises above it, and tells the service
// managers once per period. A manager approves or dismisses it in the Studio (`rating_decision`,
// applied by the update filter) or by `POST /after-sales/dealers/:id/rating-proposal/approve|dismiss`;
// the decision changes tier / status (DLR-1 then stops a suspended dealer filing) and is logged on
// `rating_history`. Tier and status stay editable by hand (fraud), and that is logged too.
import type { Knex } from 'knex';
import type { Request, Router } from 'express';
import { z } from 'zod';
import {
	computeManualRatingEntry, decideRatingDecision, decideRatingProposal, RatingForbiddenError,
	type DealerRatingFacts, type RatingActor, type RatingDecision, type RatingProposal,
} from '../../domain/dealers';
import { msg } from '../../domain/messages';
import { assertSignedIn, hasRole, resolveCaller, type Caller } from '../lib/caller';
import { systemItems, type Accountability, type PackContext } from '../lib/context';
import { toJson, toJsonArray, vendorOf } from '../lib/db-values';
import { notFound, parseOrThrow, toDirectusError } from '../lib/errors';
import { insertManyOnce } from '../lib/insert-once';
import { activeUsersOf, noticeRows } from '../notices/notice-row';
import { line, noticeInEachLanguage } from '../../domain/notifications';
import { valueLabel } from '../lib/labels';
import { computeDealerReport, loadRatingSettings, loadScheduleMinutes } from '../reports/dealer-report';
import { parseSummaryQuery } from '../reports/parse-report-query';
import { todayIn, toReportPeriod } from '../reports/report-period';
import { computeDatePlusDays } from '../../domain/warranty';
import { channelsOf, loadSettings } from '../services/settings';
import type { Register } from '../warranty/register';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (...args: any[]) => unknown;
type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

/** Written by the system only: what a client sends for them is dropped. */
const RATING_STAMPS = ['rating_proposal', 'rating_history'];

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const RatingReviewSchema = z.strictObject({ at: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM').optional() });
export const RatingDecisionSchema = z.strictObject({ note: z.string().trim().min(1).max(2000).optional() });

const ratingActorOf = (caller: Caller): RatingActor | null => (caller.user || caller.admin ? { user: caller.user, manager: hasRole(caller, 'service_manager') } : null);

export async function loadDealerRatingFacts(knex: Knex, id: number): Promise<DealerRatingFacts | null> {
	const row = await knex('dealers').where({ id }).first('id', 'code', 'tier', 'status', 'rating_proposal', 'rating_history');
	if (!row) return null;
	return { id: Number(row.id), code: String(row.code), tier: row.tier ?? null, status: row.status ?? null, rating_proposal: toJson(row.rating_proposal) ?? null, rating_history: toJsonArray(row.rating_history) };
}

/**
 * DLR-4: reviews the dealers' ratings for `month` (YYYY-MM), all of them or one; stores each new
 * proposal and tells the service managers (one notice per dealer, period and manager).
 */
export async function reviewDealerRatings(ctx: PackContext, knex: Knex, month: string, dealer: number | null, now: Date): Promise<{ dealer: number; code: string; proposal: RatingProposal | null; pending: RatingProposal | null }[]> {
	const settings = await loadSettings(knex);
	const today = todayIn(now, settings.calendar.timezone);
	const query = parseSummaryQuery({ period: 'month', at: month }, today);
	const period = toReportPeriod(query.from, query.to, settings.calendar.timezone, today);
	const [{ thresholds, weights }, scheduleMinutes] = await Promise.all([loadRatingSettings(knex), loadScheduleMinutes(knex)]);
	const report = await computeDealerReport(knex, period, { dealer, scheduleMinutes, thresholds, weights });
	const channels = channelsOf(settings.raw, ctx);
	const managers = await activeUsersOf(knex, 'service_manager');
	const out: { dealer: number; code: string; proposal: RatingProposal | null; pending: RatingProposal | null }[] = [];
	for (const row of report.dealers) {
		const facts = await loadDealerRatingFacts(knex, row.dealer_id);
		if (!facts) continue;
		const proposal = decideRatingProposal(facts, { rating: row.rating, score: row.score, reasons: row.rating_reasons, period: month }, now);
		if (proposal) {
			// A plain write, as the sweep's: the proposal is the system's, and two reviews of one period propose the same.
			await knex('dealers').where({ id: facts.id }).update({ rating_proposal: JSON.stringify(proposal) });
			const text = noticeInEachLanguage((language) => {
				const label = (field: 'tier' | 'status', value: string) => valueLabel('dealers', field, value, language) ?? value;
				const params = {
					code: facts.code, month, from_tier: label('tier', proposal.from_tier), from_status: label('status', proposal.from_status),
					tier: label('tier', proposal.proposed_tier), status: label('status', proposal.proposed_status), score: proposal.score ?? '—', grade: proposal.grade,
				};
				return { subject: line(language, 'notice.rating_subject', params), message: [line(language, 'notice.rating_message', params), ...proposal.reasons.slice(0, 5)].join('\n') };
			});
			const notices = await noticeRows(knex, managers.map((person) => ({
				key: `dealers:${facts.id}:rating_proposal:${month}:${person}`, recipient: person, kind: 'report' as const, collection: 'dealers', item: facts.id, text,
			})), channels, now);
			await insertManyOnce(knex, 'directus_notifications', notices, 'notice_key');
			out.push({ dealer: facts.id, code: facts.code, proposal, pending: proposal });
		} else {
			out.push({ dealer: facts.id, code: facts.code, proposal: null, pending: (facts.rating_proposal as RatingProposal | null) ?? null });
		}
	}
	return out;
}

/** DLR-4 through the Studio / items API / GraphQL. */
export function registerRatingHooks(register: Register, _ctx: PackContext) {
	register.filter('dealers.items.update', async (payload: Payload, meta: { keys?: (string | number)[] }, hook: HookContext) => {
		try {
			if (!hook.accountability?.user && !hook.accountability?.admin) return payload;
			const cleaned = { ...payload };
			for (const field of RATING_STAMPS) delete cleaned[field];
			const deciding = cleaned['rating_decision'] !== undefined && cleaned['rating_decision'] !== null && cleaned['rating_decision'] !== '';
			const byHand = 'tier' in cleaned || 'status' in cleaned;
			if (!deciding && !byHand) return cleaned;
			const keys = meta.keys ?? [];
			const caller = await resolveCaller(hook.database, hook.accountability);
			const now = new Date();
			if (deciding) {
				if (keys.length !== 1) throw new RatingForbiddenError();
				const facts = await loadDealerRatingFacts(hook.database, Number(keys[0]));
				if (!facts) return cleaned;
				return { ...cleaned, ...decideRatingDecision(facts, cleaned['rating_decision'], cleaned['rating_decision_note'], ratingActorOf(caller), now) };
			}
			if (keys.length !== 1) return cleaned;
			const facts = await loadDealerRatingFacts(hook.database, Number(keys[0]));
			if (!facts) return cleaned;
			const entry = computeManualRatingEntry(facts, { tier: cleaned['tier'], status: cleaned['status'], note: cleaned['rating_decision_note'] }, caller.user, now);
			return entry ? { ...cleaned, rating_history: [...facts.rating_history, entry], rating_decision_note: null } : cleaned;
		} catch (error) {
			throw toDirectusError(error);
		}
	});
	register.filter('dealers.items.create', async (payload: Payload, _meta: unknown, hook: HookContext) => {
		if (!hook.accountability?.user) return payload;
		const cleaned = { ...payload };
		for (const field of [...RATING_STAMPS, 'rating_decision']) delete cleaned[field];
		return cleaned;
	});
}

/** The month before the business calendar's today. */
async function previousMonthOf(knex: Knex, now: Date): Promise<string> {
	const settings = await loadSettings(knex);
	const today = todayIn(now, settings.calendar.timezone);
	return computeDatePlusDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

export function registerRatingRoutes(router: Router, ctx: PackContext, route: Route) {
	router.post('/dealers/:id/rating-review', route(async (caller, req) => {
		assertSignedIn(caller);
		if (!hasRole(caller, 'service_manager')) throw toDirectusError(new RatingForbiddenError('rating.review_role'));
		const id = parseOrThrow(IdSchema, req.params['id'], 'DLR-4');
		const body = parseOrThrow(RatingReviewSchema, req.body ?? {}, 'DLR-4');
		const now = new Date();
		if (!(await ctx.database('dealers').where({ id }).first('id'))) throw notFound(msg('rating.no_proposal', { code: `#${id}` }), 'DLR-4');
		const month = body.at ?? (await previousMonthOf(ctx.database, now));
		const [result] = await reviewDealerRatings(ctx, ctx.database, month, id, now);
		return { dealer: id, period: month, proposed: result?.proposal !== null && result !== undefined, rating_proposal: result?.pending ?? null };
	}));

	for (const decision of ['approve', 'dismiss'] as const satisfies readonly RatingDecision[]) {
		router.post(`/dealers/:id/rating-proposal/${decision}`, route(async (caller, req) => {
			assertSignedIn(caller);
			const id = parseOrThrow(IdSchema, req.params['id'], 'DLR-4');
			const body = parseOrThrow(RatingDecisionSchema, req.body ?? {}, 'DLR-4');
			const now = new Date();
			await ctx.database.transaction(async (trx) => {
				const lock = trx('dealers').where({ id }).select('id');
				if (vendorOf(trx) !== 'sqlite') lock.forUpdate();
				await lock;
				const facts = await loadDealerRatingFacts(trx, id);
				if (!facts) throw notFound(msg('rating.no_proposal', { code: `#${id}` }), 'DLR-4');
				const columns = decideRatingDecision(facts, decision, body.note ?? null, ratingActorOf(caller), now);
				const items = await systemItems(ctx, 'dealers', trx, false);
				await items.updateOne(id, columns);
			});
			const row = await ctx.database('dealers').where({ id }).first('id', 'code', 'tier', 'status', 'rating_proposal', 'rating_history');
			return { id, code: row.code, tier: row.tier, status: row.status, rating_proposal: toJson(row.rating_proposal) ?? null, rating_history: toJsonArray(row.rating_history) };
		}));
	}
}
