import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertRepairEditable, decideClaimCreate, decideClaimUpdate, type ClaimCaller, type ClaimFacts, type StoredClaim } from './index';

const now = new Date('2026-12-31T23:30:00Z'); // already 2027 in Shanghai (CAL-3)
const dealer: ClaimCaller = { user: 'u-dealer', admin: false, staff: false, roles: ['dealer'], dealer: 7 };
const finance: ClaimCaller = { user: 'u-fin', admin: false, staff: true, roles: ['finance'], dealer: null };
const agent: ClaimCaller = { user: 'u-agent', admin: false, staff: true, roles: ['service_agent'], dealer: null };

const facts = (claim: Partial<StoredClaim> | null, over: Partial<ClaimFacts> = {}): ClaimFacts => ({
	claim: claim === null ? null : {
		id: 74, dealer: 7, repair_record: 5, status: 'inspected', claim_no: 'WC2026-R000005', labour_claimed: '100.00', travel_claimed: '50.00',
		parts_claimed: '30.00', claimed_amount: '180.00', labour_approved: null, travel_approved: null, approved_amount: null, rejection_reasons: [], history: [], ...claim,
	},
	repair: { id: 5, dealer: 7, technician: null, coverage: 'warranty', customer_signature: 'file-1', labour_cost: '100.00', travel_cost: '50.00' },
	parts: [{ id: 11, quantity: '2', unit_price: '15.00', old_part_status: 'scrap', approved_amount: null, rejection_reason: null }],
	unit_coverage: { covered: true, reasons: [] },
	existing_claim_for_repair: claim === null ? null : { id: 74 },
	time_zone: 'Asia/Shanghai',
	max_line_fen: 1_000_000_000n,
	...over,
});
const refusal = (fn: () => unknown) => {
	try {
		fn();
		return 'accepted';
	} catch (error) {
		return error instanceof DomainRuleError ? `${error.rule}:${error.field}` : String(error);
	}
};

describe('decideClaimCreate (WTY-7, INT-3, DLR-1)', () => {
	test('WTY-7: when a dealer submits a claim, then the amounts come from the repair and the number carries the business year', () => {
		const row = decideClaimCreate(facts(null), { repair_record: 5, status: 'submitted' }, dealer, now);
		expect(row).toMatchObject({ claim_no: 'WC2027-R000005', claimed_amount: '180.00', parts_claimed: '30.00', status: 'submitted', dealer: 7 });
	});
	test.each<[string, Record<string, unknown>, ClaimCaller, Partial<ClaimFacts>, string]>([
		['a client sends a claim number', { repair_record: 5, claim_no: 'WC-FAKE' }, dealer, {}, 'INT-3:claim_no'],
		['a client sends an approved amount', { repair_record: 5, approved_amount: '1' }, finance, {}, 'WTY-7:approved_amount'],
		['a dealer claims a company technician’s repair', { repair_record: 5 }, dealer, { repair: { ...facts(null).repair, technician: 'tech-1' } }, 'DLR-1:repair_record'],
		['another dealer claims it', { repair_record: 5 }, { ...dealer, dealer: 8 }, {}, 'DLR-1:repair_record'],
		['a claim starts as approved', { repair_record: 5, status: 'approved' }, dealer, {}, 'WTY-7:status'],
		['a line exceeds the maximum', { repair_record: 5 }, dealer, { parts: [{ id: 11, quantity: '1', unit_price: '10000000.01', old_part_status: null, approved_amount: null, rejection_reason: null }] }, 'INT-4:repair_parts.11.unit_price'],
	])('WTY-7: when %s, then it is refused naming the field', (_label, payload, caller, over, expected) => {
		expect(refusal(() => decideClaimCreate(facts(null, over), payload, caller, now))).toBe(expected);
	});
});

describe('decideClaimUpdate (WTY-7, WTY-8, INT-1)', () => {
	test('WTY-7: when finance approves, then each line is decided, approved ≤ claimed, and nothing is posted yet', () => {
		const plan = decideClaimUpdate(facts({}), { status: 'approved', labour_approved: '80.00', rejection_reasons: ['over_quote'] }, finance, now);
		expect(plan.row).toMatchObject({ status: 'approved', labour_approved: '80.00', travel_approved: '50.00', approved_amount: '160.00' });
		expect(plan.lineUpdates).toEqual([{ id: 11, approved_amount: '30.00', rejection_reason: null }]);
		expect(plan.ledgerEntry).toBeNull();
		expect(plan.from).toBe('inspected');
	});
	test('WTY-8: when the dealer confirms the write-off, then one credit with the claim’s key is planned', () => {
		const plan = decideClaimUpdate(facts({ status: 'approved', approved_amount: '160.00' }), { status: 'settled' }, dealer, now);
		expect(plan.ledgerEntry).toMatchObject({ entry_type: 'warranty_credit', amount: '160.00', idempotency_key: 'claim:74:credit', claim: 74, dealer: 7 });
		expect(plan.row['writeoff_notice_no']).toBe('HX2027-000074');
	});
	test.each<[string, Partial<StoredClaim>, Record<string, unknown>, ClaimCaller, string]>([
		['labour approved above claimed', {}, { labour_approved: '100.01' }, finance, 'INT-1:labour_approved'],
		['an agent sets approved amounts', {}, { labour_approved: '10.00' }, agent, 'WTY-7:labour_approved'],
		['approved amounts after approval', { status: 'approved' }, { travel_approved: '1.00' }, finance, 'WTY-8:travel_approved'],
		['a write-off number from the client', { status: 'approved' }, { writeoff_notice_no: 'HX-1' }, finance, 'INT-3:writeoff_notice_no'],
		['a dealer approving', {}, { status: 'approved' }, dealer, 'WTY-7:status'],
		['another dealer settling', { status: 'approved' }, { status: 'settled' }, { ...dealer, dealer: 9 }, 'DLR-1:id'],
		['a skipped stage', { status: 'submitted' }, { status: 'approved' }, finance, 'WTY-7:status'],
		['an unknown field', {}, { labour_cost: '1.00' }, finance, 'WTY-7:labour_cost'],
		['a 3-decimal amount', {}, { travel_approved: '1.005' }, finance, 'INT-4:travel_approved'],
	])('WTY-7: when %s, then it is refused naming the field', (_label, claim, payload, caller, expected) => {
		expect(refusal(() => decideClaimUpdate(facts(claim), payload, caller, now))).toBe(expected);
	});
});

describe('assertRepairEditable (INT-1)', () => {
	test.each<[string, Parameters<typeof assertRepairEditable>[0], string]>([
		['a draft claim’s repair is edited', { collection: 'repair_records', action: 'update', fields: ['labour_cost'], claim_status: 'draft' }, 'accepted'],
		['a submitted claim’s repair costs are raised', { collection: 'repair_records', action: 'update', fields: ['labour_cost'], claim_status: 'submitted' }, 'INT-1:labour_cost'],
		['a line is added to a submitted claim', { collection: 'repair_parts', action: 'create', fields: [], claim_status: 'submitted' }, 'INT-1:repair_record'],
		['a line is deleted from an audited claim', { collection: 'repair_parts', action: 'delete', fields: [], claim_status: 'audited' }, 'INT-1:repair_record'],
		['the technical department classifies a part while audited', { collection: 'repair_parts', action: 'update', fields: ['old_part_status'], claim_status: 'audited' }, 'accepted'],
		['a part is classified after inspection', { collection: 'repair_parts', action: 'update', fields: ['old_part_status'], claim_status: 'inspected' }, 'INT-1:old_part_status'],
		['finance decides a line while inspected', { collection: 'repair_parts', action: 'update', fields: ['approved_amount', 'rejection_reason'], claim_status: 'inspected' }, 'accepted'],
		['a line price changes on a settled claim', { collection: 'repair_parts', action: 'update', fields: ['unit_price'], claim_status: 'settled' }, 'INT-1:unit_price'],
		['a repair with no claim is deleted', { collection: 'repair_records', action: 'delete', fields: [], claim_status: null }, 'accepted'],
		['a payload key named like an Object method reaches a claimed line', { collection: 'repair_parts', action: 'update', fields: ['approved_amount', 'constructor'], claim_status: 'submitted' }, 'INT-1:constructor'],
	])('INT-1: when %s, then %s', (_label, input, expected) => {
		expect(refusal(() => assertRepairEditable(input))).toBe(expected);
	});
});
