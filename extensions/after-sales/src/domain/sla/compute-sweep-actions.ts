import { computeBreachLevel } from './compute-breach-level';
import type { SlaMilestone } from './schemas';
import type { SweepAction, TimerRow } from './types';

/**
 * ESC-2, ESC-3: what the sweep must do for one timer at `now`. A warning fires once the warn
 * ratio of the duration has elapsed (`warn_at`), a breach once `due_at` has passed. A badly
 * backdated record gets both in one sweep, warning first, so the log reads in order.
 * Exactly-once delivery is the caller's job, keyed by `computeEscalationKey` (ESC-4).
 */
export function computeSweepActions(timer: TimerRow, milestone: SlaMilestone, now: Date): SweepAction[] {
	if (timer.state === 'fulfilled' || timer.state === 'paused' || timer.due_at === null) return [];

	const actions: SweepAction[] = [];
	const breachedAt = timer.breached_at ?? null;

	if (!timer.warned_at && !breachedAt && timer.warn_at !== null && now >= timer.warn_at) {
		actions.push({ kind: 'warning', milestone: timer.milestone, level: timer.level });
	}

	if (!breachedAt && now >= timer.due_at) {
		actions.push({
			kind: 'breach',
			milestone: timer.milestone,
			level: computeBreachLevel(timer.level, milestone.escalate_to_level),
		});
	}

	return actions;
}
