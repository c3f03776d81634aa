import { DomainRuleError } from '../errors';
import { CLAIM_TRANSITIONS } from './claim-transitions';
import { REJECTION_REASONS } from './rejection-reasons';
import type { ClaimStatus } from './schemas';

/**
 * WTY-7: only the role that holds the claim at its stage may move it, one stage at a time.
 * The administrator may act for any role but not skip a stage: a skipped inspection or write-off
 * would leave old parts unchecked or a credit nobody confirmed. An update that keeps the status is
 * not a transition.
 */
export function assertClaimTransition(input: { from: ClaimStatus; to: ClaimStatus; role: string; reasons?: readonly string[] | null }): void {
	const { from, to, role } = input;
	if (from === to) return;
	const transition = CLAIM_TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to);
	if (!transition) {
		throw new DomainRuleError('WTY-7', 'status', `WTY-7: status: a claim cannot go from ${from} to ${to}`);
	}
	if (role !== 'admin' && !transition.roles.some((allowed) => allowed === role)) {
		throw new DomainRuleError('WTY-7', 'status', `WTY-7: status: ${from} → ${to} is done by ${transition.roles.join(' or ')}, not ${role}`);
	}
	if (transition.needs_reason) {
		const reasons = input.reasons ?? [];
		if (reasons.length === 0) {
			throw new DomainRuleError('WTY-7', 'rejection_reasons', 'WTY-7: rejection_reasons: a rejected claim needs at least one reason code');
		}
		const unknown = reasons.filter((reason) => !Object.hasOwn(REJECTION_REASONS, reason));
		if (unknown.length > 0) {
			throw new DomainRuleError('WTY-7', 'rejection_reasons', `WTY-7: rejection_reasons: unknown reason code(s) ${unknown.join(', ')}`);
		}
	}
}
