import type { SlaMilestone } from './schemas';
import type { SweepAction } from './types';

/** ESC-2: the role that holds each escalation level (L1 is the record's own handler, no role). */
export const LEVEL_ROLES: Record<1 | 2 | 3, readonly string[]> = { 1: [], 2: ['service_manager'], 3: ['leadership'] };

/**
 * ESC-2, ESC-3: which roles hear about an action besides the record's handler. A warning goes to
 * the handler and the milestone's `notify_roles`; a breach also reaches the people of the level it
 * escalates to (L2 service manager, L3 leadership).
 */
export function computeNotifyRoles(action: SweepAction, milestone: Pick<SlaMilestone, 'notify_roles'>): string[] {
	const roles = new Set<string>(milestone.notify_roles);
	if (action.kind === 'breach') for (const role of LEVEL_ROLES[action.level]) roles.add(role);
	return [...roles];
}
