import type { EscalationLevel } from './schemas';
import type { SweepActionKind } from './types';

/**
 * ESC-4: the unique key of one escalation log row. Concurrent sweeps and restarts compute the
 * same key, so the database's unique constraint lets exactly one insert win.
 */
export function computeEscalationKey(
	collection: string,
	itemId: string | number,
	milestone: string,
	level: EscalationLevel,
	kind: SweepActionKind,
): string {
	return [collection, encodeURIComponent(String(itemId)), milestone, `L${level}`, kind].join(':');
}
