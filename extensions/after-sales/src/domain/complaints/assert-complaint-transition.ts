import { DomainRuleError } from '../errors';
import { anyOf, listOf, msg, roleOf, state } from '../messages';
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

const C = 'complaints';
const status = (value: string) => state(C, 'status', value);

const isStatus = (value: string): value is ComplaintStatus => (COMPLAINT_STATUSES as readonly string[]).includes(value);

/**
 * CMP-3: throws unless the move is in the workflow, the role may make it at this level, a
 * rejection carries a reason and a step that requires a document (the customer's signed handling
 * agreement for `agreed`) has it attached. An administrator passes the role check but not the workflow: no
 * step is skipped, even by an admin. Writing the same status again is not a move and passes.
 */
export function assertComplaintTransition(request: ComplaintTransitionRequest): void {
	const { from, to, role, level } = request;

	if (!isStatus(to)) throw new DomainRuleError('CMP-3', 'status', msg('complaint.not_status', { value: to }), { collection: C });
	if (!isStatus(from)) throw new DomainRuleError('CMP-3', 'status', msg('complaint.not_status', { value: from }), { collection: C });
	if (from === to) return;

	const roles = computeTransitionRoles(from, to, level);

	if (roles === null) {
		const allowed = COMPLAINT_TRANSITIONS.filter((transition) => transition.from === from).map((transition) => transition.to);
		const hint = allowed.length > 0 ? msg('workflow.next_steps', { from: status(from), next: anyOf(allowed.map(status)) }) : msg('workflow.final', { from: status(from) });
		throw new DomainRuleError('CMP-3', 'status', msg('complaint.transition', { from: status(from), to: status(to), hint }), { collection: C });
	}

	if (!(roles as string[]).includes(role)) {
		throw new DomainRuleError(
			'CMP-3',
			'status',
			msg('complaint.role', { role: roleOf(role), level, from: status(from), to: status(to), roles: listOf(roles.map(roleOf)) }),
			{ collection: C },
		);
	}

	const transition = COMPLAINT_TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to)!;

	if (transition.requires_reason && !request.reason?.trim()) {
		throw new DomainRuleError('CMP-3', 'rejection_reason', msg('complaint.needs_reason', { from: status(from), to: status(to) }), { collection: C });
	}

	const file = transition.requires_file;
	if (file && isEmptyFile(request.files?.[file])) {
		throw new DomainRuleError(
			'CMP-3',
			file,
			msg('complaint.needs_agreement', { from: status(from), to: status(to) }),
			{ collection: C },
		);
	}
}
