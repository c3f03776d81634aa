import type { ClaimCaller } from './claim-facts';

/** WTY-7: one step of a claim's history — who, in which role, when, from → to. */
export function computeClaimHistoryEntry(caller: ClaimCaller, from: string | null, to: string, now: Date, extra: Record<string, unknown> = {}) {
	return { at: now.toISOString(), by: caller.user, role: caller.admin ? 'admin' : (caller.roles[0] ?? null), from, to, ...extra };
}
