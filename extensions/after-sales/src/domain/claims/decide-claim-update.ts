import { assertDealerMayFile } from '../dealers';
import { DomainRuleError } from '../errors';
import { parseBoundedMoney } from '../integrity';
import { formatMoney, parseMoney } from '../money';
import { computeLocalDate } from '../warranty/compute-local-date';
import { assertClaimTransition } from './assert-claim-transition';
import { computeClaimedAmounts, computePartLineAmount } from './claim-amounts';
import type { ClaimCaller, ClaimFacts, ClaimLineUpdate, ClaimPlan, LedgerEntryPlan, StoredClaim } from './claim-facts';
import { CLAIM_DEALER_FIELDS, CLAIM_DECIDING_STATUSES, CLAIM_STAFF_FIELDS, LINE_DECIDING_ROLES } from './claim-fields';
import { computeActingRole } from './compute-acting-role';
import { computeClaimHistoryEntry } from './compute-claim-history-entry';
import { computeClaimTotals, type ClaimTotalsLine } from './compute-claim-totals';
import { computeInspectionOutcome } from './compute-inspection-outcome';
import { computeLedgerEntry } from './compute-ledger-entry';
import { computeSubmissionRejections } from './compute-submission-rejections';
import { assertClaimPayloadFields, decideSubmissionHolds, refuseSubmission } from './decide-claim-create';
import { assertRepeatReviewed } from './assert-repeat-reviewed';
import { decideRepeatReview } from './decide-repeat-review';
import { computeRepeatReviewNotice, type ClaimNotice } from './compute-repeat-review-notice';
import { NotOwnRecordError } from './not-own-record-error';
import { REJECTION_REASONS } from './rejection-reasons';
import { ClaimStatusSchema, type ClaimStatus, type OldPartStatus } from './schemas';
import { msg, state } from '../messages';

const empty = (v: unknown) => v === null || v === undefined || v === '';

function readReasons(value: unknown): string[] {
	if (empty(value)) return [];
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			throw new DomainRuleError('WTY-7', 'rejection_reasons', 'WTY-7: rejection_reasons: must be a list of reason codes', { collection: 'warranty_claims', text: msg('claim.reasons_list') });
		}
	}
	if (!Array.isArray(list)) throw new DomainRuleError('WTY-7', 'rejection_reasons', 'WTY-7: rejection_reasons: must be a list of reason codes', { collection: 'warranty_claims', text: msg('claim.reasons_list') });
	const bad = list.find((r) => typeof r !== 'string' || !Object.hasOwn(REJECTION_REASONS, r));
	if (bad !== undefined) throw new DomainRuleError('WTY-7', 'rejection_reasons', `WTY-7: rejection_reasons: unknown reason code ${JSON.stringify(bad)}`, { collection: 'warranty_claims', text: msg('claim.unknown_reason', { code: JSON.stringify(bad) }) });
	return [...new Set(list as string[])];
}

/**
 * WTY-7 (line-level partial approval): undecided lines are approved in full, except an old part
 * declared missing (parts_not_returned); a partly approved labour or travel amount takes the
 * claim's first reason code. Approved never exceeds claimed, per line and in total (INT-1).
 */
function decideApproval(claim: StoredClaim, facts: ClaimFacts, approvedInput: { labour: unknown; travel: unknown }, reasons: string[]) {
	const claimReason = reasons[0] ?? null;
	const fixed = (kind: 'labour' | 'travel'): ClaimTotalsLine => {
		const claimed = String(claim[`${kind}_claimed`] ?? 0);
		const raw = approvedInput[kind];
		const approved = empty(raw) ? claimed : String(raw);
		const partial = parseMoney(approved, `${kind}_approved`) < parseMoney(claimed, `${kind}_claimed`);
		if (partial && !claimReason) throw new DomainRuleError('WTY-7', 'rejection_reasons', `WTY-7: rejection_reasons: ${kind} is partly approved: give a reason code`, { collection: 'warranty_claims', text: msg('claim.partly_approved', { kind: { collection: 'warranty_claims', field: `${kind}_approved` } }) });
		return { id: kind, unit_price: claimed, approved_amount: approved, rejection_reason: partial ? claimReason : null };
	};
	const partLines: ClaimTotalsLine[] = facts.parts.map((p) => {
		const claimed = formatMoney(computePartLineAmount(p, facts.max_line_fen));
		if (!empty(p.approved_amount) || !empty(p.rejection_reason)) {
			return { id: p.id, unit_price: claimed, approved_amount: empty(p.approved_amount) ? null : String(p.approved_amount), rejection_reason: p.rejection_reason };
		}
		if (p.old_part_status === 'missing') return { id: p.id, unit_price: claimed, approved_amount: '0', rejection_reason: 'parts_not_returned' };
		return { id: p.id, unit_price: claimed, approved_amount: claimed, rejection_reason: null };
	});
	const lines = [fixed('labour'), fixed('travel'), ...partLines];
	let totals;
	try {
		totals = computeClaimTotals(lines);
	} catch (error) {
		// Name the field the user can act on, not a position in the internal list.
		const e = error as DomainRuleError;
		const match = /^lines\.(\d+)\.(.+)$/.exec(e.field ?? '');
		if (!(error instanceof DomainRuleError) || !match) throw error;
		const index = Number(match[1]);
		const name = match[2]!;
		const field = index < 2 ? `${index === 0 ? 'labour' : 'travel'}_${name === 'approved_amount' ? 'approved' : name}` : `repair_parts.${String(lines[index]!.id)}.${name}`;
		throw new DomainRuleError('WTY-7', field, e.message.replace(`lines.${index}.${name}`, field), e.text ? { collection: 'repair_parts', text: e.text } : {});
	}
	const lineUpdates: ClaimLineUpdate[] = totals.lines.slice(2).map((line) => ({ id: Number(line.id), approved_amount: line.approved, rejection_reason: line.rejection_reason }));
	const allReasons = [...new Set([...reasons, ...Object.keys(totals.by_reason)])];
	return {
		row: {
			labour_approved: totals.lines[0]!.approved,
			travel_approved: totals.lines[1]!.approved,
			approved_amount: totals.approved,
			rejection_reasons: allReasons.length ? allReasons : null,
		},
		lineUpdates,
	};
}

/**
 * WTY-7, WTY-8, INT-1, INT-3: one change of a stored claim, decided on the facts as they were
 * loaded. Returns the plan to write in one transaction: the claim's columns, the per-line
 * decisions (at approval) and the single ledger credit (at settlement). Nothing is written here.
 */
export function decideClaimUpdate(facts: ClaimFacts, payload: Record<string, unknown>, caller: ClaimCaller, now: Date): ClaimPlan {
	const claim = facts.claim;
	if (!claim) throw new DomainRuleError('WTY-7', 'id', 'WTY-7: id: the claim does not exist', { collection: 'warranty_claims', text: msg('claim.missing') });
	if (!caller.staff && !caller.admin && String(claim.dealer) !== String(caller.dealer)) {
		throw new NotOwnRecordError('DLR-1', 'id', msg('dealer.not_own_claim'));
	}
	const data = { ...payload };
	for (const field of ['dealer', 'repair_record'] as const) {
		if (field in data && String(data[field]) !== String(claim[field])) throw new DomainRuleError('WTY-7', field, `WTY-7: ${field}: cannot be changed once the claim exists`, { collection: 'warranty_claims', text: msg('claim.fixed_field') });
		delete data[field];
	}
	const staff = caller.staff || caller.admin;
	assertClaimPayloadFields(data, staff ? CLAIM_STAFF_FIELDS : CLAIM_DEALER_FIELDS);

	const from = claim.status;
	const parsedTo = ClaimStatusSchema.safeParse(data['status'] ?? from);
	if (!parsedTo.success) throw new DomainRuleError('WTY-7', 'status', `WTY-7: status: unknown status ${JSON.stringify(data['status'])}`, { collection: 'warranty_claims', text: msg('claim.unknown_status', { value: JSON.stringify(data['status']) }) });
	const to = parsedTo.data;
	const edits = Object.keys(data).filter((f) => f !== 'status' && !['id', 'user_created', 'user_updated', 'date_created', 'date_updated'].includes(f));
	const row: Record<string, unknown> = {};

	const rejecting = to === 'rejected' && edits.every((f) => f === 'rejection_reasons' || f === 'rejection_note');
	if (edits.length && ['approved', 'settled', 'rejected'].includes(from) && !(rejecting && from === 'approved')) {
		throw new DomainRuleError('WTY-8', edits[0]!, `WTY-8: ${edits[0]}: a ${from} claim is not edited; corrections are new ledger adjustments`, { collection: 'warranty_claims', text: msg('claim.not_edited', { status: state('warranty_claims', 'status', from) }) });
	}
	for (const field of ['labour_approved', 'travel_approved'] as const) {
		if (!(field in data)) continue;
		if (!caller.admin && !caller.roles.some((r) => (LINE_DECIDING_ROLES as readonly string[]).includes(r))) {
			throw new DomainRuleError('WTY-7', field, `WTY-7: ${field}: only the sales representative, technical department or finance decide approved amounts`, { collection: 'warranty_claims', text: msg('claim.amount_deciders') });
		}
		if (!(CLAIM_DECIDING_STATUSES as readonly string[]).includes(from)) {
			throw new DomainRuleError('WTY-7', field, `WTY-7: ${field}: amounts are decided while the claim is audited (not ${from})`, { collection: 'warranty_claims', text: msg('claim.amounts_when', { status: state('warranty_claims', 'status', from) }) });
		}
		if (empty(data[field])) {
			row[field] = null;
			continue;
		}
		const value = parseBoundedMoney(data[field], field, { maxFen: facts.max_line_fen, nonNegative: true });
		const claimed = parseMoney(String(claim[field === 'labour_approved' ? 'labour_claimed' : 'travel_claimed'] ?? 0), field);
		if (value > claimed) throw new DomainRuleError('INT-1', field, `INT-1: ${field}: approved ${formatMoney(value)} exceeds the claimed ${formatMoney(claimed)}`, { collection: 'warranty_claims', text: msg('claim.approved_over_claimed', { approved: formatMoney(value), claimed: formatMoney(claimed) }) });
		row[field] = formatMoney(value);
	}
	if ('rejection_reasons' in data) row['rejection_reasons'] = readReasons(data['rejection_reasons']);
	// REQ-8: the technical department's review of a repeat-repair claim, checked against the stored status.
	if ('repeat_review' in data) {
		Object.assign(row, decideRepeatReview({ status: from, repeat_of: facts.repair.repeat_of ?? null, stored: claim.repeat_review ?? null, requested: data['repeat_review'], note: data['repeat_review_note'] }, caller, now));
	} else if ('repeat_review_note' in data) {
		throw new DomainRuleError('REQ-8', 'repeat_review_note', 'REQ-8: repeat_review_note: is written with the review decision (repeat_review)', { collection: 'warranty_claims', text: msg('claim.note_with_review') });
	}
	if ('rejection_note' in data) {
		const note = data['rejection_note'];
		if (note !== null && typeof note !== 'string') throw new DomainRuleError('WTY-7', 'rejection_note', 'WTY-7: rejection_note: must be text', { collection: 'warranty_claims', text: msg('claim.must_be_text') });
		row['rejection_note'] = note;
	}
	if (to === from) return { row, lineUpdates: [], ledgerEntry: null, from, transition: false };

	const reasons = 'rejection_reasons' in row ? (row['rejection_reasons'] as string[]) : claim.rejection_reasons;
	assertClaimTransition({ from, to, role: computeActingRole(caller, from, to), reasons });
	const at = now.toISOString();
	Object.assign(row, { status: to, history: [...claim.history, computeClaimHistoryEntry(caller, from, to, now)] });
	let lineUpdates: ClaimLineUpdate[] = [];
	let ledgerEntry: LedgerEntryPlan | null = null;
	const notices: ClaimNotice[] = [];

	if (to === 'submitted') {
		// DLR-1 before the data's own refusals: a dealer that may not file learns that first.
		if (facts.dealer_standing) assertDealerMayFile(facts.dealer_standing, computeLocalDate(now, facts.time_zone), 'submit warranty claims');
		const rejections = computeSubmissionRejections({
			repair: { coverage: facts.repair.coverage, dealer: facts.repair.dealer, customer_signature: facts.repair.customer_signature },
			caller_dealer: staff ? null : caller.dealer,
			unit_coverage: facts.unit_coverage,
			existing_claim_for_repair: facts.existing_claim_for_repair,
			claim_id: claim.id,
			parts: facts.parts.map((p) => ({ old_part_status: p.old_part_status })),
		});
		if (facts.repair.technician !== null) throw new NotOwnRecordError('DLR-1', 'repair_record', msg('dealer.company_repair'));
		if (rejections.length) refuseSubmission(rejections);
		const holds = decideSubmissionHolds(facts, now);
		Object.assign(row, holds, computeClaimedAmounts(facts.repair, facts.parts, facts.max_line_fen), { submitted_at: at });
		if (holds['repeat_review'] === 'pending') {
			notices.push(computeRepeatReviewNotice({ id: claim.id, claim_no: claim.claim_no, repair_record: claim.repair_record, repeat_of: facts.repair.repeat_of ?? null, dealer_code: facts.dealer_standing?.code ?? null }));
		}
	}
	if (to === 'audited') Object.assign(row, { audited_at: at, audited_by: caller.user });
	if (to === 'inspected') {
		const outcome = computeInspectionOutcome(facts.parts.map((p) => ({ line_id: p.id, old_part_status: (p.old_part_status ?? 'pending') as OldPartStatus })));
		if (!outcome.complete) throw new DomainRuleError('WTY-6', 'status', `WTY-6: status: old parts ${outcome.awaiting.join(', ')} are not classified yet (reusable / scrap / missing)`, { collection: 'warranty_claims', text: msg('parts_return.unclassified', { ids: outcome.awaiting.join(', ') }) });
		Object.assign(row, { inspected_at: at, inspected_by: caller.user });
	}
	if (to === 'approved') {
		assertRepeatReviewed({ repeat_of: facts.repair.repeat_of ?? null, review: ('repeat_review' in row ? row['repeat_review'] : claim.repeat_review ?? null) as never });
		const approval = decideApproval(
			claim,
			facts,
			{ labour: 'labour_approved' in row ? row['labour_approved'] : claim.labour_approved, travel: 'travel_approved' in row ? row['travel_approved'] : claim.travel_approved },
			reasons,
		);
		Object.assign(row, approval.row, { approved_at: at, approved_by: caller.user });
		lineUpdates = approval.lineUpdates;
	}
	if (to === 'rejected') Object.assign(row, { rejected_at: at, rejection_reasons: reasons });
	if (to === 'settled') {
		const writeoff = `HX${computeLocalDate(now, facts.time_zone).slice(0, 4)}-${String(claim.id).padStart(6, '0')}`;
		Object.assign(row, { settled_at: at, settled_by: caller.user, writeoff_notice_no: writeoff });
		const entry = computeLedgerEntry({ id: claim.id, dealer: claim.dealer, status: 'settled', approved_amount: claim.approved_amount === null ? null : String(claim.approved_amount) });
		if (entry) {
			ledgerEntry = {
				entry_type: 'warranty_credit', dealer: claim.dealer, amount: entry.amount, claim: claim.id, idempotency_key: entry.idempotency_key,
				posted_at: at, posted_by: caller.user, note: `三包核销 ${claim.claim_no ?? claim.id} / warranty write-off ${writeoff}`,
			};
		}
	}
	return { row, lineUpdates, ledgerEntry, from, transition: true, ...(notices.length ? { notices } : {}) };
}

export type { ClaimStatus };
