// WTY-7, WTY-8 through the Studio: every write to warranty_claims and dealer_ledger passes these
// filters, so /items, GraphQL and flows obey the same workflow as the dealer API.
import type { Knex } from 'knex';
import { parseMoney } from '../../domain/money';
import { resolveCaller, type Caller } from '../lib/caller';
import type { Accountability, PackContext } from '../lib/context';
import { ruleViolation, ScopeForbiddenError, toDirectusError } from '../lib/errors';
import { prepareClaimCreate, prepareClaimUpdate } from './claim-workflow';
import type { Register } from './register';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

const SYSTEM: Caller = { user: null, admin: true, staff: true, roles: [], dealer: null };

async function callerOf(hook: HookContext): Promise<Caller> {
	// Internal writes (schedules, install, other adapters) run without accountability: they act as the system.
	if (!hook.accountability) return SYSTEM;
	const caller = await resolveCaller(hook.database, hook.accountability);
	// Portal users hold no item permissions; refuse before the workflow touches anything.
	if (!caller.staff && !caller.admin) throw new ScopeForbiddenError({ reason: 'Dealers and technicians use /after-sales/dealer/… and the portal', rule: 'DLR-1' });
	return caller;
}

export function registerClaimHooks(register: Register, _ctx: PackContext) {
	register.filter('warranty_claims.items.create', async (payload: Payload, _meta: unknown, hook: HookContext) => {
		try {
			return await prepareClaimCreate(hook.database, await callerOf(hook), payload, new Date());
		} catch (error) {
			throw toDirectusError(error);
		}
	});
	register.filter('warranty_claims.items.update', async (payload: Payload, meta: { keys: (string | number)[] }, hook: HookContext) => {
		try {
			const caller = await callerOf(hook);
			if (meta.keys.length !== 1) {
				if ('status' in payload || Object.keys(payload).some((f) => f !== 'rejection_note')) throw ruleViolation('WTY-7', 'status', 'claims move through the workflow one at a time');
				return payload;
			}
			return await prepareClaimUpdate(hook.database, caller, meta.keys[0]!, payload, new Date());
		} catch (error) {
			throw toDirectusError(error);
		}
	});

	// WTY-8: append-only. Corrections are new adjustment entries.
	register.filter('dealer_ledger.items.update', () => {
		throw ruleViolation('WTY-8', null, 'ledger entries are append-only: post a new adjustment entry instead of changing one');
	});
	register.filter('dealer_ledger.items.delete', () => {
		throw ruleViolation('WTY-8', null, 'ledger entries are append-only: post a new adjustment entry instead of deleting one');
	});
	register.filter('dealer_ledger.items.create', async (payload: Payload, _meta: unknown, hook: HookContext) => {
		try {
			const caller = await callerOf(hook);
			if (payload['entry_type'] === 'warranty_credit' && hook.accountability && !caller.admin) {
				throw ruleViolation('WTY-8', 'entry_type', 'warranty credits are posted only by settling a claim');
			}
			if (payload['amount'] === undefined || payload['amount'] === null || payload['amount'] === '') throw ruleViolation('WTY-8', 'amount', 'an entry needs an amount');
			if (parseMoney(payload['amount'] as string, 'amount') === 0n) throw ruleViolation('WTY-8', 'amount', 'an entry of zero changes nothing');
			return { ...payload, posted_at: payload['posted_at'] ?? new Date().toISOString(), posted_by: caller.user };
		} catch (error) {
			throw toDirectusError(error);
		}
	});
}
