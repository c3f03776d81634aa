import { DomainRuleError } from '../errors';
import { COMPLAINT_TRANSITIONS } from './complaint-transitions';
import { computeTransitionRoles } from './compute-transition-roles';
import { COMPLAINT_STATUSES, type ComplaintStatus, type HandlingLevel } from './schemas';

export interface ComplaintTransitionRequest {
	from: string;
	to: string;
	role: string;
	level: HandlingLevel;
	reason?: string | null;
}

const isStatus = (value: string): value is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(value);

/**
 * CMP-3: throws unless the move is in the workflow, the role may make it at this level and a
 * rejection carries a reason. An administrator passes the role check but not the workflow: no
 * step is skipped, even by an admin. Writing the same status again is not a move and passes.
 */
export function assertComplaintTransition(request: ComplaintTransitionRequest): void {
	const { from, to, role, level } = request;

	if (!isStatus(to)) throw new DomainRuleError('CMP-3', 'status', `CMP-3: '${to}' is not a complaint status`);
	if (!isStatus(from)) throw new DomainRuleError('CMP-3', 'status', `CMP-3: '${from}' is not a complaint status`);
	if (from === to) return;

	const roles = computeTransitionRoles(from, to, level);

	if (roles === null) {
		const allowed = COMPLAINT_TRANSITIONS.filter((transition) => transition.from === from).map((transition) => transition.to);
		const hint = allowed.length > 0 ? `; from ${from} it can go to ${allowed.join(', ')}` : `; ${from} is final`;
		throw new DomainRuleError('CMP-3', 'status', `CMP-3: a complaint cannot go from ${from} to ${to}${hint}`);
	}

	if (!(roles as string[]).includes(role)) {
		throw new DomainRuleError(
			'CMP-3',
			'status',
			`CMP-3: role ${role} may not move a level-${level} complaint from ${from} to ${to} (allowed: ${roles.join(', ')})`,
		);
	}

	const needsReason = COMPLAINT_TRANSITIONS.some((transition) => transition.from === from && transition.to === to && transition.requires_reason);

	if (needsReason && !request.reason?.trim()) {
		throw new DomainRuleError('CMP-3', 'rejection_reason', `CMP-3: rejecting a complaint (${from} → ${to}) needs a reason`);
	}
}
