// WTY-7, WTY-8: the claim workflow as one adapter used by both doors — the Studio's /items (filter
// hooks) and the dealer API. It loads the facts, asks the domain, and returns the row to write;
// settlement posts the single ledger credit in the same transaction as the status change.
import type { Knex } from 'knex';
import {
	assertClaimTransition, assertOwnRepair, CLAIM_TRANSITIONS, ClaimStatusSchema, computeClaimTotals, computeInspectionOutcome, computeLedgerEntry,
	computeSubmissionRejections, REJECTION_REASONS, type ClaimStatus, type ClaimTotalsLine, type SubmissionRejection,
} from '../../domain/claims';
import { formatMoney, multiplyMoney, parseMoney, sumMoney } from '../../domain/money';
import type { Caller } from '../lib/caller';
import { isUniqueViolation, toDay, toInstant, toJsonArray, vendorOf } from '../lib/db-values';
import { NotFoundError, ruleViolation, ScopeForbiddenError } from '../lib/errors';
import { loadSettings } from '../services/settings';
import { coverageOf, loadUnitFacts } from '../services/unit-coverage';

type Row = Record<string, any>;

/** Columns the workflow owns: a client never writes them. */
export const CLAIM_COMPUTED = [
	'claim_no', 'labour_claimed', 'travel_claimed', 'parts_claimed', 'claimed_amount', 'approved_amount', 'writeoff_notice_no', 'history',
	'submitted_at', 'audited_at', 'audited_by', 'inspected_at', 'inspected_by', 'approved_at', 'approved_by', 'settled_at', 'settled_by', 'rejected_at',
];
const STAFF_EDITABLE = ['status', 'labour_approved', 'travel_approved', 'rejection_reasons', 'rejection_note'];

/** The role key a transition is checked against: the caller's role that may make it, if any. */
function actingRole(caller: Caller, from: ClaimStatus, to: ClaimStatus): string {
	if (caller.admin) return 'admin';
	const transition = CLAIM_TRANSITIONS.find((t) => t.from === from && t.to === to);
	const allowed = caller.roles.find((r) => transition?.roles.some((a) => a === r));
	return allowed ?? caller.roles[0] ?? 'anonymous';
}

async function loadRepair(knex: Knex, id: unknown) {
	const repair = await knex('repair_records').where({ id: Number(id) }).first();
	if (!repair) throw ruleViolation('WTY-7', 'repair_record', `repair record ${String(id)} does not exist`);
	const parts = await knex('repair_parts').where({ repair_record: repair.id }).orderBy('id').select('id', 'part_no', 'quantity', 'unit_price', 'amount', 'old_part_status', 'approved_amount', 'rejection_reason');
	return { repair, parts };
}

/** WTY-7: the amounts a claim asks for, from its repair record (labour, travel, parts lines). */
function claimedAmounts(repair: Row, parts: Row[]) {
	const labour = parseMoney(String(repair.labour_cost ?? 0), 'labour_cost', { nonNegative: true });
	const travel = parseMoney(String(repair.travel_cost ?? 0), 'travel_cost', { nonNegative: true });
	const partsTotal = sumMoney(parts.map((p, i) => multiplyMoney(parseMoney(String(p.unit_price), `parts.${i}.unit_price`, { nonNegative: true }), String(p.quantity), `parts.${i}.quantity`)));
	return {
		labour_claimed: formatMoney(labour),
		travel_claimed: formatMoney(travel),
		parts_claimed: formatMoney(partsTotal),
		claimed_amount: formatMoney(labour + travel + partsTotal),
	};
}

/** WTY-7 pre-checks: what the data already decides, refused at once naming the rule. */
async function submissionRejections(knex: Knex, caller: Caller, repair: Row, parts: Row[], claimId: unknown, withSignature: boolean): Promise<SubmissionRejection[]> {
	const facts = await loadUnitFacts(knex, { id: Number(repair.unit) });
	const settings = await loadSettings(knex);
	let unitCoverage = null;
	if (facts) {
		const at = toInstant(repair.completed_at) ?? toInstant(repair.received_at) ?? new Date();
		const others = { ...facts, repairs: facts.repairs.filter((r) => r.id !== repair.id) };
		unitCoverage = coverageOf(others, at, settings, {
			category: repair.fault_category, scope: repair.fault_scope ?? 'whole_machine',
			cause: repair.parts_source === 'customer' ? 'customer_supplied_part' : repair.fault_cause ?? 'normal',
		} as never, repair.dealer_promise_beyond_scope === true || repair.dealer_promise_beyond_scope === 1);
	}
	const existing = await knex('warranty_claims').where({ repair_record: repair.id }).first('id');
	const rejections = computeSubmissionRejections({
		repair: { coverage: repair.coverage, dealer: repair.dealer, customer_signature: withSignature ? repair.customer_signature : 'not-checked-yet' },
		caller_dealer: caller.staff ? null : caller.dealer,
		unit_coverage: unitCoverage,
		existing_claim_for_repair: existing ?? null,
		claim_id: (claimId as never) ?? null,
		parts: parts.map((p) => ({ old_part_status: p.old_part_status })),
	});
	return rejections;
}

function refuse(rejections: SubmissionRejection[]): never {
	const first = rejections[0]!;
	const list = rejections.map((r) => `${r.code} (${r.rule}): ${r.message_zh} / ${r.message_en}`).join('; ');
	throw ruleViolation(first.rule, 'repair_record', `the claim is refused: ${list}`);
}

function historyEntry(caller: Caller, from: string | null, to: string, now: Date, extra: Row = {}) {
	return { at: now.toISOString(), by: caller.user, role: caller.admin ? 'admin' : caller.roles[0] ?? null, from, to, ...extra };
}

/** WTY-7: a new claim — one per repair record, own dealer's repair, amounts from the repair, pre-checked. */
export async function prepareClaimCreate(knex: Knex, caller: Caller, payload: Row, now: Date): Promise<Row> {
	const data: Row = { ...payload };
	for (const field of CLAIM_COMPUTED) delete data[field];
	if (data['repair_record'] === undefined || data['repair_record'] === null) throw ruleViolation('WTY-7', 'repair_record', 'a claim needs a repair record');
	const status = ClaimStatusSchema.safeParse(data['status'] ?? 'draft');
	if (!status.success || !['draft', 'submitted'].includes(status.data)) throw ruleViolation('WTY-7', 'status', 'a new claim starts as draft (or is submitted at once)');
	const { repair, parts } = await loadRepair(knex, data['repair_record']);
	assertOwnRepair({ dealer: repair.dealer }, caller.staff ? null : caller.dealer);
	if (!caller.staff && !caller.admin && caller.dealer === null) throw new ScopeForbiddenError({ reason: 'Only dealers and staff file claims', rule: 'WTY-7' });
	if (repair.dealer === null) throw ruleViolation('WTY-7', 'repair_record', 'only a dealer’s repair record can be claimed');
	if (data['dealer'] !== undefined && data['dealer'] !== null && String(data['dealer']) !== String(repair.dealer)) {
		throw ruleViolation('WTY-7', 'dealer', 'the claim’s dealer is the repair record’s dealer');
	}
	const submitting = status.data === 'submitted';
	if (submitting) assertClaimTransition({ from: 'draft', to: 'submitted', role: actingRole(caller, 'draft', 'submitted') });
	const rejections = await submissionRejections(knex, caller, repair, parts, null, submitting);
	if (rejections.length) refuse(rejections);
	const year = now.toISOString().slice(0, 4);
	return {
		...data,
		dealer: repair.dealer,
		status: status.data,
		// One claim per repair record, so the record's id makes the number unique without a counter.
		claim_no: `WC${year}-R${String(repair.id).padStart(6, '0')}`,
		...claimedAmounts(repair, parts),
		submitted_at: submitting ? now.toISOString() : null,
		history: [historyEntry(caller, null, status.data, now)],
	};
}

/**
 * WTY-7, WTY-8: an update of one claim. Returns the row to write; a settlement has already been
 * written (status + ledger credit, in one transaction) when this returns.
 */
export async function prepareClaimUpdate(knex: Knex, caller: Caller, id: string | number, payload: Row, now: Date): Promise<Row> {
	const data: Row = { ...payload };
	for (const field of CLAIM_COMPUTED) delete data[field];
	const claim = await knex('warranty_claims').where({ id }).first();
	if (!claim) throw new NotFoundError({ reason: `No claim ${String(id)}` });
	if (!caller.staff && !caller.admin && String(claim.dealer) !== String(caller.dealer)) throw new ScopeForbiddenError({ reason: 'This claim belongs to another dealer (DLR-1)', rule: 'DLR-1' });
	for (const field of ['dealer', 'repair_record']) {
		if (field in data && String(data[field]) !== String(claim[field])) throw ruleViolation('WTY-7', field, 'cannot be changed once the claim exists');
		delete data[field];
	}
	const from = claim.status as ClaimStatus;
	const parsedTo = ClaimStatusSchema.safeParse(data['status'] ?? from);
	if (!parsedTo.success) throw ruleViolation('WTY-7', 'status', `unknown status ${String(data['status'])}`);
	const to = parsedTo.data;
	const edits = Object.keys(data).filter((f) => f !== 'status');
	if (edits.length && ['approved', 'settled', 'rejected'].includes(from) && to === from) {
		throw ruleViolation('WTY-8', edits[0]!, `a ${from} claim is not edited; corrections are new ledger adjustments`);
	}
	if (!caller.staff && !caller.admin) {
		const notAllowed = edits.find((f) => !['rejection_note'].includes(f));
		if (notAllowed) throw ruleViolation('WTY-7', notAllowed, 'dealers do not set approved amounts or reasons');
	} else {
		const unknown = edits.find((f) => !STAFF_EDITABLE.includes(f));
		if (unknown) throw ruleViolation('WTY-7', unknown, 'is not edited through the claim');
	}
	for (const field of ['labour_approved', 'travel_approved']) {
		if (data[field] !== undefined && data[field] !== null && data[field] !== '') {
			const value = parseMoney(data[field], field, { nonNegative: true });
			const claimed = parseMoney(String(claim[field.replace('approved', 'claimed')] ?? 0), field);
			if (value > claimed) throw ruleViolation('WTY-7', field, `approved ${formatMoney(value)} exceeds the claimed ${formatMoney(claimed)}`);
		}
	}
	if (data['rejection_reasons'] !== undefined && data['rejection_reasons'] !== null) {
		const reasons = toJsonArray(data['rejection_reasons']);
		const bad = reasons.find((r) => !Object.hasOwn(REJECTION_REASONS, String(r)));
		if (bad !== undefined) throw ruleViolation('WTY-7', 'rejection_reasons', `unknown reason code ${String(bad)}`);
		data['rejection_reasons'] = reasons;
	}
	if (to === from) return data;

	const reasons = toJsonArray(data['rejection_reasons'] ?? claim.rejection_reasons);
	assertClaimTransition({ from, to, role: actingRole(caller, from, to), reasons });
	const { repair, parts } = await loadRepair(knex, claim.repair_record);
	const at = now.toISOString();
	const history = [...toJsonArray(claim.history), historyEntry(caller, from, to, now)];
	const out: Row = { ...data, status: to, history };
	if (to === 'submitted') {
		const rejections = await submissionRejections(knex, caller, repair, parts, claim.id, true);
		if (rejections.length) refuse(rejections);
		Object.assign(out, claimedAmounts(repair, parts), { submitted_at: at });
	}
	if (to === 'audited') Object.assign(out, { audited_at: at, audited_by: caller.user });
	if (to === 'inspected') {
		const outcome = computeInspectionOutcome(parts.map((p) => ({ line_id: p.id, old_part_status: p.old_part_status ?? 'pending' })));
		if (!outcome.complete) throw ruleViolation('WTY-6', 'status', `old parts ${outcome.awaiting.join(', ')} are not classified yet (reusable / scrap / missing)`);
		Object.assign(out, { inspected_at: at, inspected_by: caller.user });
	}
	if (to === 'approved') {
		const approval = await computeApproval(knex, { ...claim, ...data }, parts, reasons);
		Object.assign(out, approval, { approved_at: at, approved_by: caller.user });
	}
	if (to === 'rejected') Object.assign(out, { rejected_at: at, rejection_reasons: reasons });
	if (to === 'settled') return settle(knex, caller, claim, out, now);
	return out;
}

/**
 * WTY-7: line-level partial approval. Undecided lines are approved in full, except an old part
 * declared missing (parts_not_returned); a partly approved labour or travel line takes the claim's
 * first reason code. The part decisions are written back so the dealer sees each line.
 */
async function computeApproval(knex: Knex, claim: Row, parts: Row[], reasons: string[]) {
	const claimReason = reasons[0] ?? null;
	const fixed = (field: string): ClaimTotalsLine => {
		const claimed = String(claim[`${field}_claimed`] ?? 0);
		const approvedRaw = claim[`${field}_approved`];
		const approved = approvedRaw === null || approvedRaw === undefined || approvedRaw === '' ? claimed : String(approvedRaw);
		const partial = parseMoney(approved, `${field}_approved`) < parseMoney(claimed, `${field}_claimed`);
		if (partial && !claimReason) throw ruleViolation('WTY-7', 'rejection_reasons', `${field} is partly approved: give a reason code`);
		return { id: field, unit_price: claimed, approved_amount: approved, rejection_reason: partial ? claimReason : null };
	};
	const partLines: ClaimTotalsLine[] = parts.map((p) => {
		const decided = p.approved_amount !== null || p.rejection_reason !== null;
		if (decided) return { id: p.id, quantity: String(p.quantity), unit_price: String(p.unit_price), approved_amount: p.approved_amount === null ? null : String(p.approved_amount), rejection_reason: p.rejection_reason };
		if (p.old_part_status === 'missing') return { id: p.id, quantity: String(p.quantity), unit_price: String(p.unit_price), approved_amount: '0', rejection_reason: 'parts_not_returned' };
		return { id: p.id, quantity: String(p.quantity), unit_price: String(p.unit_price), approved_amount: formatMoney(multiplyMoney(parseMoney(String(p.unit_price), 'unit_price'), String(p.quantity))), rejection_reason: null };
	});
	const labour = fixed('labour');
	const travel = fixed('travel');
	let totals;
	try {
		totals = computeClaimTotals([labour, travel, ...partLines]);
	} catch (error) {
		// Name the repair part rather than the position in the internal list.
		const e = error as { field?: string; message: string; rule?: string };
		const match = /^lines\.(\d+)\.(.+)$/.exec(e.field ?? '');
		if (match) {
			const index = Number(match[1]);
			const field = index < 2 ? `${index === 0 ? 'labour' : 'travel'}_${match[2] === 'approved_amount' ? 'approved' : match[2]}` : `repair_parts.${String(partLines[index - 2]!.id)}.${match[2]}`;
			throw ruleViolation('WTY-7', field, e.message.replace(/^WTY-7: [^:]+: /, ''));
		}
		throw error;
	}
	for (const line of totals.lines.slice(2)) {
		await knex('repair_parts').where({ id: line.id }).update({ approved_amount: line.approved, rejection_reason: line.rejection_reason });
	}
	const allReasons = [...new Set([...reasons, ...Object.keys(totals.by_reason)])];
	return {
		labour_approved: totals.lines[0]!.approved,
		travel_approved: totals.lines[1]!.approved,
		approved_amount: totals.approved,
		rejection_reasons: allReasons.length ? allReasons : null,
	};
}

/**
 * WTY-8: approved → settled and the one warranty_credit, in one transaction. The conditional
 * update makes concurrent settlements queue on the row: the first flips the status, the others
 * find it settled and change nothing; the unique idempotency key is the last line of defence.
 */
async function settle(knex: Knex, caller: Caller, claim: Row, out: Row, now: Date): Promise<Row> {
	const at = now.toISOString();
	const writeoff = `HX${at.slice(0, 4)}-${String(claim.id).padStart(6, '0')}`;
	const row: Row = { ...out, settled_at: at, settled_by: caller.user, writeoff_notice_no: writeoff };
	const run = async (trx: Knex) => {
		const changed = await trx('warranty_claims').where({ id: claim.id, status: 'approved' }).update({
			status: 'settled', settled_at: at, settled_by: caller.user, writeoff_notice_no: writeoff, history: JSON.stringify(row['history']),
		});
		if (changed === 0) return false;
		const entry = computeLedgerEntry({ id: claim.id, dealer: claim.dealer, status: 'settled', approved_amount: claim.approved_amount === null ? null : String(claim.approved_amount) });
		if (entry) await postLedgerEntry(trx, { ...entry, posted_at: at, posted_by: caller.user, note: `三包核销 ${claim.claim_no ?? claim.id} / warranty write-off ${writeoff}` });
		return true;
	};
	const won = (knex as Knex & { isTransaction?: boolean }).isTransaction ? await run(knex) : await knex.transaction(run);
	if (!won) {
		const now2 = await knex('warranty_claims').where({ id: claim.id }).first('status');
		if (now2?.status === 'settled') return {}; // settled by a concurrent call: nothing more to write
		throw ruleViolation('WTY-7', 'status', `the claim is no longer approved (${String(now2?.status)})`);
	}
	// The row is already written; what Directus writes next repeats the same values.
	const { history: _h, ...rest } = row;
	return rest;
}

/** WTY-8: inserts a ledger entry once; a unique violation on the key means it is already posted. */
export async function postLedgerEntry(trx: Knex, entry: Row): Promise<boolean> {
	if (vendorOf(trx) === 'postgres') {
		// ON CONFLICT keeps the transaction usable (a failed insert would abort it on PostgreSQL).
		const rows = await trx('dealer_ledger').insert(entry).onConflict('idempotency_key').ignore().returning('id');
		return rows.length > 0;
	}
	try {
		await trx('dealer_ledger').insert(entry);
		return true;
	} catch (error) {
		if (isUniqueViolation(error)) return false;
		throw error;
	}
}

/** WTY-8: a dealer's balance, the exact decimal sum of its entries (positive reduces receivables). */
export async function dealerBalance(knex: Knex, dealer: number | string) {
	const rows = await knex('dealer_ledger').where({ dealer }).select('amount');
	return formatMoney(sumMoney(rows.map((r: Row, i: number) => parseMoney(String(r.amount), `amount.${i}`))));
}

export { toDay };
