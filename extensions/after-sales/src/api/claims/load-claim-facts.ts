// WTY-7: everything a claim decision needs, read as plain facts (no decision here).
import type { Knex } from 'knex';
import { normalizeOldPartSerial, OLD_PART_CLAIMED_STATUSES, type ClaimedOldPart, type ClaimFacts, type ClaimPartFacts, type ClaimRepairFacts, type RepeatReview, type StoredClaim } from '../../domain/claims';
import type { ClaimStatus } from '../../domain/claims';
import { loadDealerStanding } from '../dealers/load-dealer-standing';
import { toInstant, toJsonArray } from '../lib/db-values';
import { loadSettings } from '../services/settings';
import { coverageOf, loadUnitFacts } from '../services/unit-coverage';

type Row = Record<string, any>;

export async function loadStoredClaim(knex: Knex, id: number): Promise<StoredClaim | null> {
	const c = await knex('warranty_claims').where({ id }).first();
	if (!c) return null;
	return {
		id: Number(c.id), dealer: Number(c.dealer), repair_record: Number(c.repair_record), status: c.status as ClaimStatus, claim_no: c.claim_no ?? null,
		labour_claimed: c.labour_claimed, travel_claimed: c.travel_claimed, parts_claimed: c.parts_claimed, claimed_amount: c.claimed_amount,
		labour_approved: c.labour_approved, travel_approved: c.travel_approved, approved_amount: c.approved_amount,
		rejection_reasons: toJsonArray(c.rejection_reasons).map(String), history: toJsonArray(c.history),
		repeat_review: (c.repeat_review ?? null) as RepeatReview | null,
	};
}

/**
 * REQ-8: old parts of other repairs' live claims (submitted … settled) whose serial matches one of
 * `serials` (compared trimmed and upper-cased, the same on every vendor).
 */
export async function loadClaimedOldParts(knex: Knex, serials: unknown[], excludeRepair: number | null): Promise<ClaimedOldPart[]> {
	const wanted = [...new Set(serials.map(normalizeOldPartSerial).filter((s): s is string => s !== null))];
	if (!wanted.length) return [];
	const q = knex('repair_parts as p').join('warranty_claims as c', 'c.repair_record', 'p.repair_record')
		.whereIn(knex.raw('upper(trim(p.old_part_serial))') as never, wanted)
		.whereIn('c.status', OLD_PART_CLAIMED_STATUSES as never[])
		.select('p.old_part_serial', 'c.id', 'c.claim_no', 'c.status', 'c.repair_record')
		.orderBy('c.id');
	if (excludeRepair !== null) q.whereNot('p.repair_record', excludeRepair);
	const rows: Row[] = await q;
	return rows.map((r) => ({ serial: String(r.old_part_serial), claim_id: Number(r.id), claim_no: r.claim_no ?? null, claim_status: String(r.status), repair_record: Number(r.repair_record) }));
}

/** WTY-7: the facts for a claim on `repairId` (and the stored claim, when it exists). `null` when the repair does not exist. */
export async function loadClaimFacts(knex: Knex, repairId: number, claim: StoredClaim | null): Promise<ClaimFacts | null> {
	const r: Row | undefined = await knex('repair_records').where({ id: repairId }).first();
	if (!r) return null;
	const parts: Row[] = await knex('repair_parts').where({ repair_record: repairId }).orderBy('id')
		.select('id', 'quantity', 'unit_price', 'old_part_status', 'approved_amount', 'rejection_reason', 'old_part_serial');
	const settings = await loadSettings(knex);
	const repair: ClaimRepairFacts = {
		id: Number(r.id), dealer: r.dealer === null ? null : Number(r.dealer), technician: r.technician ?? null, coverage: r.coverage ?? null,
		customer_signature: r.customer_signature ?? null, labour_cost: r.labour_cost, travel_cost: r.travel_cost,
		repeat_of: r.repeat_of === null || r.repeat_of === undefined ? null : Number(r.repeat_of),
	};
	const unit = r.unit === null ? null : await loadUnitFacts(knex, { id: Number(r.unit) });
	let unit_coverage = null;
	if (unit) {
		const at = toInstant(r.completed_at) ?? toInstant(r.received_at) ?? new Date();
		const others = { ...unit, repairs: unit.repairs.filter((x) => x.id !== repair.id) };
		unit_coverage = coverageOf(others, at, settings, {
			category: r.fault_category, scope: r.fault_scope ?? 'whole_machine',
			cause: r.parts_source === 'customer' ? 'customer_supplied_part' : (r.fault_cause ?? 'normal'),
		} as never, r.dealer_promise_beyond_scope === true || r.dealer_promise_beyond_scope === 1);
	}
	const existing = await knex('warranty_claims').where({ repair_record: repairId }).first('id');
	return {
		claim,
		repair,
		parts: parts.map((p): ClaimPartFacts => ({
			id: Number(p.id), quantity: p.quantity ?? 1, unit_price: p.unit_price ?? 0, old_part_status: p.old_part_status ?? null,
			approved_amount: p.approved_amount ?? null, rejection_reason: p.rejection_reason ?? null, old_part_serial: p.old_part_serial ?? null,
		})),
		unit_coverage,
		existing_claim_for_repair: existing ? { id: existing.id } : null,
		time_zone: settings.calendar.timezone,
		max_line_fen: settings.maxLineFen,
		dealer_standing: repair.dealer === null ? null : await loadDealerStanding(knex, repair.dealer),
		claimed_old_parts: await loadClaimedOldParts(knex, parts.map((p) => p.old_part_serial), repair.id),
	};
}
