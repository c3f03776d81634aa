import { CLAIM_TRANSITIONS } from './claim-transitions';
import type { ClaimCaller } from './claim-facts';
import type { ClaimStatus } from './schemas';

/** WTY-7: the role a transition is checked against — the caller's role that may make it, if any. */
export function computeActingRole(caller: ClaimCaller, from: ClaimStatus, to: ClaimStatus): string {
	if (caller.admin) return 'admin';
	const transition = CLAIM_TRANSITIONS.find((t) => t.from === from && t.to === to);
	const allowed = caller.roles.find((r) => transition?.roles.some((a) => a === r));
	return allowed ?? caller.roles[0] ?? 'anonymous';
}
