import type { SweepAction, TimerRow } from './types';

/** ESC-2, ESC-3: the timer row once the sweep's actions are logged: stamped, and raised to the breach level. */
export function computeTimerAfterSweep(timer: TimerRow, actions: readonly SweepAction[], now: Date): TimerRow {
	let next: TimerRow = { ...timer };

	for (const action of actions) {
		if (action.milestone !== timer.milestone) continue;

		next =
			action.kind === 'warning'
				? { ...next, warned_at: next.warned_at ?? now, state: next.breached_at ? next.state : 'warned' }
				: { ...next, breached_at: next.breached_at ?? now, level: Math.max(next.level, action.level) as TimerRow['level'], state: 'breached' };
	}

	return next;
}
