import type { TimerRow } from './types';

/**
 * ESC-1, ESC-3: the next instant the sweep must look at a timer: its warning point until the
 * warning is logged, then its deadline until the breach is logged, then never. A paused or
 * fulfilled timer is never due (null), so the sweep's `next_check_at <= now` index scan skips it.
 */
export function computeNextCheckAt(timer: TimerRow): Date | null {
	if (timer.state === 'fulfilled' || timer.state === 'paused' || timer.due_at === null) return null;
	if (timer.breached_at) return null;
	if (!timer.warned_at && timer.warn_at !== null && timer.warn_at < timer.due_at) return timer.warn_at;
	return timer.due_at;
}
