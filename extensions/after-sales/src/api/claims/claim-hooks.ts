// WTY-7, WTY-8, INT-3, INT-4 through the Studio: every write to warranty_claims and dealer_ledger
// passes these filters, so /items, GraphQL and flows obey the same workflow as the dealer API.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { parseMoney } from '../../domain/money';
import { resolveCaller, type Caller } from '../lib/caller';
import type { Accountability, PackContext } from '../lib/context';
import { conflict, forbidden, ruleViolation, toDirectusError } from '../lib/errors';
import { parseIdOrThrow } from '../lib/ids';
import type { Register } from '../warranty/register';
import { applyClaimUpdate, decideNewClaim } from './apply-claim';
import { writeRepeatReviewNotice } from './write-claim-notices';
import { msg, state } from '../../domain/messages';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

export const SYSTEM_CALLER: Caller = { user: null, admin: true, staff: true, roles: [], dealer: null };

export async function staffCallerOf(hook: HookContext): Promise<Caller> {
	// Internal writes (schedules, install, other adapters) run without accountability: they act as the system.
	if (!hook.accountability) return SYSTEM_CALLER;
	const caller = await resolveCaller(hook.database, hook.accountability);
	// Portal users hold no item permissions; refuse before the workflow touches anything.
	if (!caller.staff && !caller.admin) throw forbidden('DLR-1', msg('scope.claims_staff'));
	return caller;
}

const guard = <A extends unknown[], R>(handler: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
	try {
		return await handler(...args);
	} catch (error) {
		throw toDirectusError(error);
	}
};

export function registerClaimHooks(register: Register, ctx: PackContext) {
	register.filter('warranty_claims.items.create', guard(async (payload: Payload, _meta: unknown, hook: HookContext) =>
		decideNewClaim(hook.database, await staffCallerOf(hook), payload, new Date())));
	// REQ-8: a claim created already submitted for a repeat repair is held; its id is known only now.
	register.action('warranty_claims.items.create', async (meta: { key?: string | number; payload?: Payload }) => {
		if (meta.payload?.['repeat_review'] !== 'pending' || meta.key === undefined) return;
		try {
			await writeRepeatReviewNotice(ctx.database, Number(meta.key), new Date());
		} catch (error) {
			ctx.logger.error(`[after-sales] REQ-8: the review notice of claim ${String(meta.key)} was not written: ${(error as Error).message}`);
		}
	});

	register.filter('warranty_claims.items.update', guard(async (payload: Payload, meta: { keys: (string | number)[] }, hook: HookContext) => {
		const caller = await staffCallerOf(hook);
		if (meta.keys.length !== 1) {
			if (Object.keys(payload).some((f) => f !== 'rejection_note')) throw ruleViolation('WTY-7', Object.keys(payload).find((f) => f !== 'rejection_note')!, msg('claim.one_at_a_time'), { collection: 'warranty_claims' });
			return payload;
		}
		return applyClaimUpdate(hook.database, caller, meta.keys[0], payload, new Date());
	}));

	// INT-5: a claim with history is never deleted; only a draft nobody has acted on may go.
	register.filter('warranty_claims.items.delete', guard(async (keys: (string | number)[], _meta: unknown, hook: HookContext) => {
		const rows = await hook.database('warranty_claims').whereIn('id', keys).select('id', 'status', 'claim_no');
		const kept = rows.find((r: { status: string }) => r.status !== 'draft');
		if (kept) throw conflict('INT-5', 'status', msg('claim.kept', { claim: String(kept.claim_no ?? kept.id), status: state('warranty_claims', 'status', kept.status) }), { collection: 'warranty_claims' });
		return keys;
	}));

	// WTY-8, ESC-4: append-only, for everyone (administrators included). Corrections are new entries.
	register.filter('dealer_ledger.items.update', () => {
		throw conflict('WTY-8', null, msg('ledger.append_only_change'));
	});
	register.filter('dealer_ledger.items.delete', () => {
		throw conflict('WTY-8', null, msg('ledger.append_only_delete'));
	});
	register.filter('dealer_ledger.items.create', guard(async (payload: Payload, _meta: unknown, hook: HookContext) => {
		const caller = await staffCallerOf(hook);
		if (!hook.accountability) return payload;
		if (payload['entry_type'] === 'warranty_credit') throw ruleViolation('WTY-8', 'entry_type', msg('ledger.credit_by_settling'), { collection: 'dealer_ledger' });
		// DLR-5: stock-return entries come from receiving the return, never by hand.
		if (payload['entry_type'] === 'stock_return_credit') throw ruleViolation('DLR-5', 'entry_type', msg('ledger.credit_by_receiving'), { collection: 'dealer_ledger' });
		if (payload['parts_return'] !== undefined && payload['parts_return'] !== null) throw ruleViolation('DLR-5', 'parts_return', msg('ledger.credit_by_receiving'), { collection: 'dealer_ledger' });
		if (payload['dealer'] === undefined || payload['dealer'] === null) throw ruleViolation('INT-4', 'dealer', msg('ledger.needs_dealer'), { collection: 'dealer_ledger' });
		const dealer = parseIdOrThrow(typeof payload['dealer'] === 'object' ? (payload['dealer'] as Payload)['id'] : payload['dealer'], 'dealer', 'INT-4');
		if (!(await hook.database('dealers').where({ id: dealer }).first('id'))) throw ruleViolation('INT-4', 'dealer', msg('ledger.no_dealer', { id: String(dealer) }), { collection: 'dealer_ledger' });
		if (payload['amount'] === undefined || payload['amount'] === null || payload['amount'] === '') throw ruleViolation('WTY-8', 'amount', msg('ledger.needs_amount'), { collection: 'dealer_ledger' });
		if (parseMoney(payload['amount'] as string, 'amount') === 0n) throw ruleViolation('WTY-8', 'amount', msg('ledger.zero'), { collection: 'dealer_ledger' });
		if (payload['claim'] !== undefined && payload['claim'] !== null) {
			const claimId = parseIdOrThrow(typeof payload['claim'] === 'object' ? (payload['claim'] as Payload)['id'] : payload['claim'], 'claim', 'INT-4');
			const claim = await hook.database('warranty_claims').where({ id: claimId }).first('dealer');
			if (!claim) throw ruleViolation('INT-4', 'claim', msg('ledger.no_claim', { id: String(claimId) }), { collection: 'dealer_ledger' });
			if (Number(claim.dealer) !== dealer) throw ruleViolation('INT-4', 'claim', msg('ledger.foreign_claim', { id: String(claimId) }), { collection: 'dealer_ledger' });
		}
		if (payload['reverses'] !== undefined && payload['reverses'] !== null) {
			const reversesId = parseIdOrThrow(typeof payload['reverses'] === 'object' ? (payload['reverses'] as Payload)['id'] : payload['reverses'], 'reverses', 'INT-4');
			const reversed = await hook.database('dealer_ledger').where({ id: reversesId }).first('dealer');
			if (!reversed || Number(reversed.dealer) !== dealer) throw ruleViolation('INT-4', 'reverses', msg('ledger.foreign_entry', { id: String(reversesId) }), { collection: 'dealer_ledger' });
		}
		return {
			...payload,
			dealer,
			posted_at: payload['posted_at'] ?? new Date().toISOString(),
			posted_by: caller.user,
			idempotency_key: `manual:${randomUUID()}`,
		};
	}));
}
