// 三包 warranty adapters (WTY-3..8, REQ-4, REQ-8): repair computations, the claim workflow, the
// append-only dealer ledger and old-part returns.
import type { PackContext } from '../lib/context';
import { registerPartsReturnHooks } from './parts-returns';
import type { Register } from './register';
import { registerRepairHooks } from './repair-hooks';

export function registerWarrantyHooks(register: Register, ctx: PackContext) {
	registerRepairHooks(register, ctx);
	registerPartsReturnHooks(register, ctx);
}
