import type { FollowUpRules } from './schemas';

/**
 * FUP-1..3: a planned follow-up is missed once its `due_until` has passed, or — when it has none
 * (entered by hand) — `follow_up_window_days` after its `due_at`. Returns the two bounds the
 * sweep's one set-based update compares with.
 */
export function computeMissedCutoff(now: Date, rules: FollowUpRules): { dueUntilBefore: Date; dueAtBefore: Date } {
	return { dueUntilBefore: now, dueAtBefore: new Date(now.getTime() - rules.follow_up_window_days * 86_400_000) };
}

/** The call list of a business day: what is due before the next day starts (that day's and overdue ones). */
export function computeCallListEnd(dayEnd: Date): Date {
	return new Date(dayEnd.getTime() + 1000);
}
