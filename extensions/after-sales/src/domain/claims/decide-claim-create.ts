import { assertDealerMayFile } from '../dealers';
import { DomainRuleError } from '../errors';
import { findSystemOwnedField } from '../integrity';
import { computeLocalDate } from '../warranty/compute-local-date';
import { assertClaimTransition } from './assert-claim-transition';
import { assertOldPartsUnclaimed } from './assert-old-parts-unclaimed';
import { assertOwnRepair } from './assert-own-repair';
import { computeClaimedAmounts } from './claim-amounts';
import type { ClaimCaller, ClaimFacts } from './claim-facts';
import { CLAIM_COMPUTED_FIELDS, DIRECTUS_OWNED_FIELDS } from './claim-fields';
import { computeActingRole } from './compute-acting-role';
import { computeClaimHistoryEntry } from './compute-claim-history-entry';
import { computeSubmissionRejections, type SubmissionRejection } from './compute-submission-rejections';
import { NotOwnRecordError } from './not-own-record-error';
import { ClaimStatusSchema } from './schemas';
import { msg } from '../messages';

const CREATE_FIELDS = ['repair_record', 'status', 'dealer', 'rejection_note'];

/** WTY-7: a submission the data already refuses, all reasons named, the first rule cited. */
export function refuseSubmission(rejections: readonly SubmissionRejection[]): never {
	const first = rejections[0]!;
	const list = rejections.map((r) => `${r.code} (${r.rule}): ${r.message_zh} / ${r.message_en}`).join('; ');
	const zh = rejections.map((r) => `${r.message_zh}（${r.code}）`).join('；');
	throw new DomainRuleError(first.rule, 'repair_record', `${first.rule}: repair_record: the claim is refused: ${list}`, { collection: 'warranty_claims', text: msg('claim.refused', { list: zh }) });
}

/** Fields a client may not send on a claim: system keys (INT-3), computed columns (WTY-7), unknown ones. */
export function assertClaimPayloadFields(payload: Record<string, unknown>, allowed: readonly string[]): void {
	const owned = findSystemOwnedField('warranty_claims', payload);
	if (owned) throw new DomainRuleError('INT-3', owned, msg('int.numbered'), { collection: 'warranty_claims' });
	const computed = CLAIM_COMPUTED_FIELDS.find((field) => field in payload);
	if (computed) throw new DomainRuleError('WTY-7', computed, `WTY-7: ${computed}: is computed by the claim workflow; do not send it`, { collection: 'warranty_claims', text: msg('claim.computed') });
	const unknown = Object.keys(payload).find((field) => !allowed.includes(field) && !(DIRECTUS_OWNED_FIELDS as readonly string[]).includes(field));
	if (unknown) throw new DomainRuleError('WTY-7', unknown, `WTY-7: ${unknown}: is not edited through the claim`, { collection: 'warranty_claims', text: msg('claim.not_edited_field') });
}

/**
 * REQ-8, DLR-1: what a submission checks besides the WTY-7 refusals: the dealer is in good standing
 * on the business day of `now`, no old part is already on another claim, and a repeat repair's
 * claim starts held for the technical department's review. Returns the columns it sets.
 */
export function decideSubmissionHolds(facts: ClaimFacts, now: Date): Record<string, unknown> {
	if (facts.dealer_standing) assertDealerMayFile(facts.dealer_standing, computeLocalDate(now, facts.time_zone), 'submit warranty claims');
	assertOldPartsUnclaimed(
		facts.parts.map((p) => ({ label: `repair_parts.${p.id}`, old_part_serial: p.old_part_serial ?? null })),
		facts.claimed_old_parts ?? [],
		facts.repair.id,
	);
	const repeat = facts.repair.repeat_of ?? null;
	return { repeat_review: repeat === null ? null : 'pending', repeat_reviewed_by: null, repeat_reviewed_at: null };
}

/**
 * WTY-7, DLR-1, INT-1: a new claim. One per repair record, for the caller's own dealer's repair
 * (never a company technician's), amounts taken from the repair, the data's own refusals checked
 * at once. The claim number carries the business year (CAL-3) and the repair id, so it is unique
 * without a counter. A dealer that may not file (DLR-1) opens no claim, not even a draft; a
 * submitted one is checked for reused old parts and held when it repeats a repair (REQ-8).
 */
export function decideClaimCreate(facts: ClaimFacts, payload: Record<string, unknown>, caller: ClaimCaller, now: Date): Record<string, unknown> {
	assertClaimPayloadFields(payload, CREATE_FIELDS);
	const { repair, parts } = facts;
	if (!caller.staff && !caller.admin && caller.dealer === null) {
		throw new NotOwnRecordError('WTY-7', 'repair_record', 'WTY-7: repair_record: only dealers and service staff file claims');
	}
	assertOwnRepair({ dealer: repair.dealer }, caller.staff || caller.admin ? null : caller.dealer);
	if (repair.dealer === null) throw new DomainRuleError('WTY-7', 'repair_record', 'WTY-7: repair_record: only a dealer’s repair record can be claimed', { collection: 'warranty_claims', text: msg('claim.dealer_repair_only') });
	if (repair.technician !== null) {
		throw new NotOwnRecordError('DLR-1', 'repair_record', msg('dealer.company_repair'));
	}
	if (payload['dealer'] !== undefined && payload['dealer'] !== null && String(payload['dealer']) !== String(repair.dealer)) {
		throw new DomainRuleError('WTY-7', 'dealer', 'WTY-7: dealer: the claim’s dealer is the repair record’s dealer', { collection: 'warranty_claims', text: msg('claim.dealer_is_repairs') });
	}
	const status = ClaimStatusSchema.safeParse(payload['status'] ?? 'draft');
	if (!status.success || (status.data !== 'draft' && status.data !== 'submitted')) {
		throw new DomainRuleError('WTY-7', 'status', 'WTY-7: status: a new claim starts as draft (or is submitted at once)', { collection: 'warranty_claims', text: msg('claim.starts_draft') });
	}
	const submitting = status.data === 'submitted';
	if (facts.dealer_standing) assertDealerMayFile(facts.dealer_standing, computeLocalDate(now, facts.time_zone), 'file warranty claims');
	if (submitting) assertClaimTransition({ from: 'draft', to: 'submitted', role: computeActingRole(caller, 'draft', 'submitted') });
	const rejections = computeSubmissionRejections({
		repair: { coverage: repair.coverage, dealer: repair.dealer, customer_signature: submitting ? repair.customer_signature : 'not-checked-yet' },
		caller_dealer: caller.staff || caller.admin ? null : caller.dealer,
		unit_coverage: facts.unit_coverage,
		existing_claim_for_repair: facts.existing_claim_for_repair,
		claim_id: null,
		parts: parts.map((p) => ({ old_part_status: p.old_part_status })),
	});
	if (rejections.length) refuseSubmission(rejections);
	const holds = submitting ? decideSubmissionHolds(facts, now) : {};
	const year = computeLocalDate(now, facts.time_zone).slice(0, 4);
	return {
		repair_record: repair.id,
		dealer: repair.dealer,
		status: status.data,
		...(payload['rejection_note'] !== undefined ? { rejection_note: payload['rejection_note'] } : {}),
		claim_no: `WC${year}-R${String(repair.id).padStart(6, '0')}`,
		...computeClaimedAmounts(repair, parts, facts.max_line_fen),
		submitted_at: submitting ? now.toISOString() : null,
		...holds,
		history: [computeClaimHistoryEntry(caller, null, status.data, now)],
	};
}
