import { DomainRuleError } from '../errors';
import type { ClaimStatus } from './schemas';

/** What the audit steps still write on a claimed repair's parts, and until which status. */
const AUDIT_FIELDS: Record<string, readonly ClaimStatus[]> = {
	// WTY-6: the technical department classifies old parts during inspection.
	old_part_status: ['submitted', 'audited'],
	// WTY-7: line decisions until finance approves.
	approved_amount: ['submitted', 'audited', 'inspected'],
	rejection_reason: ['submitted', 'audited', 'inspected'],
	// WTY-6: logistics, not money — an old part may be put into a return batch until approval.
	parts_return: ['submitted', 'audited', 'inspected'],
};

export class FrozenRecordError extends DomainRuleError {
	readonly status = 409;
}

/**
 * INT-1: once a claim is submitted, the repair it claims is frozen — its record, its parts lines
 * (no line added, changed or removed), costs, unit and signature — on every path. Only the audit
 * steps write what they own, each until its stage is over. A draft claim freezes nothing.
 */
export function assertRepairEditable(input: {
	collection: 'repair_records' | 'repair_parts';
	action: 'create' | 'update' | 'delete';
	fields: readonly string[];
	claim_status: ClaimStatus | null;
}): void {
	const status = input.claim_status;
	if (status === null || status === 'draft') return;
	const what = input.collection === 'repair_records' ? 'repair record' : 'parts line';
	if (input.collection === 'repair_parts' && input.action === 'update') {
		// Own keys only: a payload key such as `constructor` must not reach Object.prototype (INT-5).
		const ownedBy = (field: string) => (Object.hasOwn(AUDIT_FIELDS, field) ? AUDIT_FIELDS[field]! : null);
		const frozen = input.fields.find((field) => !(ownedBy(field) ?? []).includes(status));
		if (frozen === undefined) return;
		const owned = ownedBy(frozen);
		throw new FrozenRecordError(
			'INT-1', frozen,
			owned
				? `INT-1: ${frozen}: the claim is ${status}; this audit step is over`
				: `INT-1: ${frozen}: the ${what} is on a ${status} claim and is frozen; only the audit decides its lines`,
		);
	}
	const field = input.action === 'update' ? (input.fields[0] ?? null) : input.collection === 'repair_parts' ? 'repair_record' : 'id';
	throw new FrozenRecordError('INT-1', field, `INT-1: ${field ?? 'id'}: the ${what} belongs to a ${status} claim and is frozen (no ${input.action})`);
}
