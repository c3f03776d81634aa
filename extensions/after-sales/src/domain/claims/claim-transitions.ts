import type { ClaimRole, ClaimStatus } from './schemas';

export interface ClaimTransition {
	from: ClaimStatus;
	to: ClaimStatus;
	roles: readonly ClaimRole[];
	needs_reason?: boolean;
}

/**
 * WTY-7 (003 四5, 四6): dealer submits → sales representative audits → technical department
 * inspects old parts → finance verifies → the dealer confirms the write-off notice (finance may
 * record it). Whoever holds the claim at a stage may reject it there, always with a reason.
 */
export const CLAIM_TRANSITIONS: readonly ClaimTransition[] = [
	{ from: 'draft', to: 'submitted', roles: ['dealer'] },
	{ from: 'submitted', to: 'audited', roles: ['sales_rep'] },
	{ from: 'audited', to: 'inspected', roles: ['technical_dept'] },
	{ from: 'inspected', to: 'approved', roles: ['finance'] },
	{ from: 'approved', to: 'settled', roles: ['dealer', 'finance'] },
	{ from: 'submitted', to: 'rejected', roles: ['sales_rep'], needs_reason: true },
	{ from: 'audited', to: 'rejected', roles: ['technical_dept'], needs_reason: true },
	{ from: 'inspected', to: 'rejected', roles: ['finance'], needs_reason: true },
	{ from: 'approved', to: 'rejected', roles: ['finance'], needs_reason: true },
];
