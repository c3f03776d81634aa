import { COMPLAINT_TRANSITIONS, HANDLER_ROLES } from './complaint-transitions';
import type { ComplaintStatus, HandlingLevel, RoleKey } from './schemas';

/**
 * CMP-3, CMP-5: the roles that may move a complaint at `level` from one state to another, or null
 * when the move is not in the workflow at all. Approval and rejection belong to the level's
 * leader: service manager or leadership at levels 1–2, leadership alone at level 3.
 */
export function computeTransitionRoles(from: ComplaintStatus, to: ComplaintStatus, level: HandlingLevel): RoleKey[] | null {
	const transition = COMPLAINT_TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to);
	if (!transition) return null;

	const base: readonly RoleKey[] =
		transition.actor === 'handler' ? HANDLER_ROLES : level >= 3 ? ['leadership'] : ['service_manager', 'leadership'];

	return ['admin', ...base, ...(transition.also ?? [])];
}
