// WTY-7, WTY-8, INT-1: the claim use cases both doors share — the Studio's /items (filter hooks)
// and the dealer API: load the facts, let the domain decide, write the plan in one transaction.
import type { Knex } from 'knex';
import { decideClaimCreate, decideClaimUpdate } from '../../domain/claims';
import { DomainRuleError } from '../../domain/errors';
import type { Caller } from '../lib/caller';
import { forbiddenOrMissing } from '../lib/assert-owned-by';
import { parseIdOrThrow } from '../lib/ids';
import { loadClaimFacts, loadStoredClaim } from './load-claim-facts';
import { writeClaimPlan } from './write-claim-plan';
import { msg } from '../../domain/messages';

type Row = Record<string, unknown>;

/** WTY-7: the row of a new claim (the caller inserts it). */
export async function decideNewClaim(knex: Knex, caller: Caller, payload: Row, now: Date): Promise<Row> {
	if (payload['repair_record'] === undefined || payload['repair_record'] === null) {
		throw new DomainRuleError('WTY-7', 'repair_record', msg('claim.needs_repair'), { collection: 'warranty_claims' });
	}
	const raw = payload['repair_record'];
	const repairId = parseIdOrThrow(typeof raw === 'object' && raw !== null ? (raw as Row)['id'] : raw, 'repair_record', 'WTY-7');
	const facts = await loadClaimFacts(knex, repairId, null);
	if (!facts) {
		if (!caller.staff && !caller.admin) throw forbiddenOrMissing('repair', 'DLR-1');
		throw new DomainRuleError('WTY-7', 'repair_record', msg('claim.repair_missing', { id: String(repairId) }), { collection: 'warranty_claims' });
	}
	return decideClaimCreate(facts, { ...payload, repair_record: repairId }, caller, now);
}

/**
 * WTY-7, WTY-8: one change of one claim, written (claim row, line decisions, ledger credit) in one
 * transaction before this returns. Returns the row as written, for Directus to repeat.
 */
export async function applyClaimUpdate(knex: Knex, caller: Caller, id: unknown, payload: Row, now: Date): Promise<Row> {
	const claimId = parseIdOrThrow(id, 'id', 'WTY-7');
	const claim = await loadStoredClaim(knex, claimId);
	if (!claim || (!caller.staff && !caller.admin && String(claim.dealer) !== String(caller.dealer))) throw forbiddenOrMissing('claim', 'DLR-1');
	const facts = await loadClaimFacts(knex, claim.repair_record, claim);
	if (!facts) throw new DomainRuleError('WTY-7', 'repair_record', 'WTY-7: repair_record: the claimed repair record no longer exists');
	const plan = decideClaimUpdate(facts, payload, caller, now);
	const written = await writeClaimPlan(knex, claimId, plan);
	// A concurrent identical settlement already wrote everything: Directus has nothing to repeat.
	if (!written) return {};
	return plan.row;
}
