import { DomainRuleError } from '../errors';
import { COMPLAINT_TRANSITIONS, type ComplaintFileField } from './complaint-transitions';
import { computeTransitionRoles } from './compute-transition-roles';
import { COMPLAINT_STATUSES, type ComplaintStatus, type HandlingLevel } from './schemas';

export interface ComplaintTransitionRequest {
	from: string;
	to: string;
	role: string;
	level: HandlingLevel;
	reason?: string | null;
	/** The complaint's document fields as they will be after this write (CMP-3 `requires_file`). */
	files?: Readonly<Partial<Record<ComplaintFileField, unknown>>>;
}

const isEmptyFile = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const isStatus = (value: string): value is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(value);

/**
 * CMP-3: throws unless the move is in the workflow, the role may make it at this level, a
 * rejection carries a reason and a step that requires a document (the customer's signed handling
 * agreement for `agreed`) has it attached. An administrator passes the role check but not the workflow: no
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

	const transition = COMPLAINT_TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to)!;

	if (transition.requires_reason && !request.reason?.trim()) {
		throw new DomainRuleError('CMP-3', 'rejection_reason', `CMP-3: rejecting a complaint (${from} → ${to}) needs a reason`);
	}

	const file = transition.requires_file;
	if (file && isEmptyFile(request.files?.[file])) {
		throw new DomainRuleError(
			'CMP-3',
			file,
			`CMP-3: ${file}: ${from} → ${to} needs the customer's signed handling agreement (处理协议) attached; upload the signed scan first`,
		);
	}
}
