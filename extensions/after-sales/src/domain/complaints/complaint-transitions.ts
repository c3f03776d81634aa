import type { ComplaintStatus, RoleKey } from './schemas';

/**
 * Who may make a step: the people handling the complaint, or the leader of its handling level
 * (CMP-5: level 1–2 → service manager or leadership; level 3 → leadership only).
 */
export type TransitionActor = 'handler' | 'leader';

export interface ComplaintTransition {
	from: ComplaintStatus;
	to: ComplaintStatus;
	actor: TransitionActor;
	/** Roles allowed besides the actor's, e.g. the technical department writing the analysis. */
	also?: readonly RoleKey[];
	requires_reason?: boolean;
	/** A file field that must hold a document after the move (CMP-3: the signed 处理协议). */
	requires_file?: ComplaintFileField;
}

/** CMP-3: the complaint's document fields a step may require. */
export type ComplaintFileField = 'agreement_file';

/**
 * CMP-3: the only moves a complaint can make. Forward steps go to the next state only. Three
 * steps go back to `analysing` because the seed procedures loop there: the leader sends a
 * proposal back instead of approving it, the customer refuses the approved proposal, or the
 * customer is still not satisfied while being tracked. Rejection (with a reason) is a leader's
 * decision and only possible before a proposal is approved; closed and rejected are final.
 */
export const COMPLAINT_TRANSITIONS: readonly ComplaintTransition[] = [
	{ from: 'received', to: 'contacting', actor: 'handler' },
	{ from: 'contacting', to: 'analysing', actor: 'handler' },
	{ from: 'analysing', to: 'proposed', actor: 'handler', also: ['technical_dept'] },
	{ from: 'proposed', to: 'approved', actor: 'leader' },
	// CMP-3: the customer agrees by signing the handling agreement (处理协议); the scan is attached.
	{ from: 'approved', to: 'agreed', actor: 'handler', requires_file: 'agreement_file' },
	{ from: 'agreed', to: 'implementing', actor: 'handler', also: ['technician'] },
	{ from: 'implementing', to: 'tracking', actor: 'handler', also: ['technician'] },
	{ from: 'tracking', to: 'closed', actor: 'handler' },
	{ from: 'proposed', to: 'analysing', actor: 'leader' },
	{ from: 'approved', to: 'analysing', actor: 'handler' },
	{ from: 'tracking', to: 'analysing', actor: 'handler' },
	{ from: 'received', to: 'rejected', actor: 'leader', requires_reason: true },
	{ from: 'contacting', to: 'rejected', actor: 'leader', requires_reason: true },
	{ from: 'analysing', to: 'rejected', actor: 'leader', requires_reason: true },
	{ from: 'proposed', to: 'rejected', actor: 'leader', requires_reason: true },
];

/**
 * CMP-3: states in which the complaint rests on the signed agreement: once the customer has
 * agreed, the document stays attached (it may be replaced, not removed).
 */
export const AGREEMENT_STATES: readonly ComplaintStatus[] = ['agreed', 'implementing', 'tracking', 'closed'];

/** Staff who may handle a complaint at any level (CMP-1 first-contact responsibility). */
export const HANDLER_ROLES: readonly RoleKey[] = ['service_agent', 'service_manager', 'leadership'];
