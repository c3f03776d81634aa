// Shared by the claim rule tests: one claim's facts with every field a test may override.
import { DomainRuleError } from '../errors';
import type { ClaimFacts, StoredClaim } from './index';

export const claimFacts = (claim: Partial<StoredClaim> | null, over: Partial<ClaimFacts> = {}, repair: Partial<ClaimFacts['repair']> = {}): ClaimFacts => ({
	claim: claim === null ? null : {
		id: 74, dealer: 7, repair_record: 5, status: 'draft', claim_no: 'WC2026-R000005', labour_claimed: '100.00', travel_claimed: '50.00',
		parts_claimed: '30.00', claimed_amount: '180.00', labour_approved: null, travel_approved: null, approved_amount: null, rejection_reasons: [], history: [], ...claim,
	},
	repair: { id: 5, dealer: 7, technician: null, coverage: 'warranty', customer_signature: 'file-1', labour_cost: '100.00', travel_cost: '50.00', repeat_of: null, ...repair },
	parts: [{ id: 11, quantity: '2', unit_price: '15.00', old_part_status: 'scrap', approved_amount: null, rejection_reason: null, old_part_serial: 'OLD-77' }],
	unit_coverage: { covered: true, reasons: [] },
	existing_claim_for_repair: claim === null ? null : { id: 74 },
	time_zone: 'Asia/Shanghai',
	max_line_fen: 1_000_000_000n,
	dealer_standing: { code: 'D007', status: 'active', agreement_end: '2027-06-30' },
	claimed_old_parts: [],
	...over,
});
export const refusal = (fn: () => unknown) => {
	try {
		fn();
		return 'accepted';
	} catch (error) {
		return error instanceof DomainRuleError ? `${error.rule}:${error.field}` : String(error);
	}
};
