import { DomainRuleError } from '../errors';
import { CLAIM_TRANSITIONS } from './claim-transitions';
import { REJECTION_REASONS } from './rejection-reasons';
import type { ClaimStatus } from './schemas';
import { listOf, msg, roleOf, state } from '../messages';

/**
 * WTY-7: only the role that holds the claim at its stage may move it, one stage at a time.
 * The administrator may act for any role but not skip a stage: a skipped inspection or write-off
 * would leave old parts unchecked or a credit nobody confirmed. An update that keeps the status is
 * not a transition.
 */
const claimState = (value: string) => state('warranty_claims', 'status', value);

export function assertClaimTransition(input: { from: ClaimStatus; to: ClaimStatus; role: string; reasons?: readonly string[] | null }): void {
	const { from, to, role } = input;
	if (from === to) return;
	const transition = CLAIM_TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to);
	if (!transition) {
		throw new DomainRuleError('WTY-7', 'status', msg('claim.transition', { from: claimState(from), to: claimState(to) }), { collection: 'warranty_claims' });
	}
	if (role !== 'admin' && !transition.roles.some((allowed) => allowed === role)) {
		throw new DomainRuleError('WTY-7', 'status', msg('claim.role', { from: claimState(from), to: claimState(to), roles: { items: transition.roles.map(roleOf), join: 'or' }, role: roleOf(role) }), { collection: 'warranty_claims' });
	}
	if (transition.needs_reason) {
		const reasons = input.reasons ?? [];
		if (reasons.length === 0) {
			throw new DomainRuleError('WTY-7', 'rejection_reasons', msg('claim.needs_reason'), { collection: 'warranty_claims' });
		}
		const unknown = reasons.filter((reason) => !Object.hasOwn(REJECTION_REASONS, reason));
		if (unknown.length > 0) {
			throw new DomainRuleError('WTY-7', 'rejection_reasons', msg('claim.unknown_reasons', { codes: listOf(unknown) }), { collection: 'warranty_claims' });
		}
	}
}
