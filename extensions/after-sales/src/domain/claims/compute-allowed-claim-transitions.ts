import { CLAIM_TRANSITIONS } from './claim-transitions';
import type { ClaimStatus } from './schemas';

/** WTY-7: the next statuses a role may choose, so the portal only offers buttons that will work. */
export function computeAllowedClaimTransitions(from: ClaimStatus, role: string): ClaimStatus[] {
	return CLAIM_TRANSITIONS.filter((transition) => transition.from === from && (role === 'admin' || transition.roles.some((allowed) => allowed === role))).map(
		(transition) => transition.to,
	);
}
