// The claim workflow's adapters (WTY-7, WTY-8, INT-1): Studio hooks, the repair freeze, and the
// use cases the dealer API shares.
import type { PackContext } from '../lib/context';
import type { Register } from '../warranty/register';
import { registerClaimHooks } from './claim-hooks';
import { registerFreezeHooks } from './freeze-hooks';

export { applyClaimUpdate, decideNewClaim } from './apply-claim';
export { dealerBalance } from './ledger';

export { registerFreezeHooks };

/** The claim workflow's filters; they run after the integrity filters (they add system-owned values). */
export function registerClaimAdapters(register: Register, ctx: PackContext) {
	registerClaimHooks(register, ctx);
}
