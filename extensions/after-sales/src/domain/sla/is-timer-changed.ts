import type { PlannedTimer, StoredTimer } from './sweep-types';

const FIELDS = ['started_at', 'due_at', 'warn_at', 'paused_since', 'fulfilled_at', 'warned_at', 'breached_at', 'next_check_at'] as const;
const time = (value: Date | null | undefined) => (value ? value.getTime() : null);

/** ESC-1: whether a timer must be written: it is new, or a column differs from what is stored. */
export function isTimerChanged(before: StoredTimer | undefined, after: PlannedTimer): boolean {
	if (!before || before.id === null) return true;
	if (before.state !== after.state || before.level !== after.level || before.policy !== after.policy) return true;
	if (Math.round(before.paused_minutes) !== Math.round(after.paused_minutes)) return true;
	return FIELDS.some((field) => time(before[field]) !== time(after[field]));
}
