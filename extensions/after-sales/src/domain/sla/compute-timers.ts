import { addBusinessTime, addWorkingDays, measureBusinessTime, type Calendar } from '../calendar';
import { computeRecordInstant } from './compute-record-instant';
import { isMilestoneFulfilled } from './is-milestone-fulfilled';
import type { EscalationLevel, SlaMilestone, SlaPolicy } from './schemas';
import type { TimerRecord, TimerRow, TimerState } from './types';

/** ESC-3: warn at 80 % of the duration unless the policy or the 预警点 setting says otherwise. */
export const DEFAULT_WARN_RATIO = 0.8;

export interface ComputeTimersInput {
	record: TimerRecord;
	policy: SlaPolicy;
	existing: readonly TimerRow[];
	now: Date;
	calendar: Calendar;
}

/**
 * ESC-1, ESC-3: the timers a record should have after a write at `now`. Call it on every write of
 * the record and after a policy edit; persist the rows it returns.
 *
 * - Clocks run from the record's own start field, which may lie in the past: a backdated record is
 *   already late, and the next sweep warns and escalates it at once.
 * - A pause nulls `due_at` so the sweep ignores the timer; leaving the pause adds the paused time
 *   (on the milestone's clock) to `paused_minutes` and pushes the deadline back by as much.
 * - Fulfilled timers are final. A breach stays recorded when the milestone is met late.
 * - Rows for milestones the policy no longer has are returned untouched: they are history.
 */
export function computeTimers(input: ComputeTimersInput): TimerRow[] {
	const { policy, existing } = input;
	const byMilestone = new Map(existing.map((row) => [row.milestone, row]));
	const rows: TimerRow[] = [];

	for (const milestone of policy.milestones) {
		const row = computeTimer(milestone, byMilestone.get(milestone.key), input);
		if (row) rows.push(row);
	}

	const keys = new Set(policy.milestones.map((milestone) => milestone.key));
	return [...rows, ...existing.filter((row) => !keys.has(row.milestone))];
}

function computeTimer(milestone: SlaMilestone, previous: TimerRow | undefined, input: ComputeTimersInput): TimerRow | null {
	const { record, now, calendar } = input;

	if (previous?.state === 'fulfilled') return previous;

	const startedAt = computeRecordInstant(record, milestone.start_field);
	// No start yet (e.g. not dispatched): no timer. A start that was cleared leaves the row as it was.
	if (startedAt === null) return previous ?? null;

	const warnedAt = previous?.warned_at ?? null;
	const breachedAt = previous?.breached_at ?? null;
	const level = Math.max(previous?.level ?? 1, record.level ?? 1) as EscalationLevel;
	let pausedMinutes = previous?.paused_minutes ?? 0;
	let pausedSince = previous?.paused_since ?? null;

	const base = { milestone: milestone.key, started_at: startedAt, level, warned_at: warnedAt, breached_at: breachedAt };
	const fulfilled = isMilestoneFulfilled(record, milestone);

	if (!fulfilled && milestone.pause_states.includes(record.status)) {
		return {
			...base,
			due_at: null,
			warn_at: null,
			paused_since: pausedSince ?? now,
			paused_minutes: pausedMinutes,
			state: 'paused',
			fulfilled_at: null,
		};
	}

	if (pausedSince !== null) {
		pausedMinutes += measureBusinessTime(pausedSince, now, calendar, milestone.clock);
		pausedSince = null;
	}

	const duration = computeMilestoneDuration(milestone, record, startedAt, calendar);
	// REQ-6: a window whose end is not known yet (no promised time) has no deadline yet.
	if (duration === null) return previous ?? null;
	const dueAt = addBusinessTime(startedAt, duration + pausedMinutes, calendar, milestone.clock);
	const warnAt = milestone.warn ? addBusinessTime(startedAt, duration * (milestone.warn_ratio ?? DEFAULT_WARN_RATIO) + pausedMinutes, calendar, milestone.clock) : null;

	const state: TimerState = fulfilled ? 'fulfilled' : breachedAt ? 'breached' : warnedAt ? 'warned' : 'running';

	return {
		...base,
		due_at: dueAt,
		warn_at: warnAt,
		paused_since: null,
		paused_minutes: pausedMinutes,
		state,
		fulfilled_at: fulfilled ? computeFulfilledAt(input.record, milestone, startedAt, now) : null,
	};
}

/**
 * ESC-1, REQ-6, WTY-11: the milestone's length on its clock: fixed minutes; working days of the
 * calendar (to the end of the Nth working day after the start's day, measured on the clock, so it
 * follows the calendar's hours and holidays); or `window_percent` of the record's own window
 * (start_field → end_field, measured on the same clock). Null while the window's end is unknown;
 * an end before the start is a window of zero (the milestone is due at once).
 */
export function computeMilestoneDuration(milestone: SlaMilestone, record: TimerRecord, startedAt: Date, calendar: Calendar): number | null {
	if (milestone.duration_working_days !== undefined) {
		return measureBusinessTime(startedAt, addWorkingDays(startedAt, milestone.duration_working_days, calendar), calendar, milestone.clock);
	}
	if (milestone.end_field === undefined) return milestone.duration_minutes ?? null;
	const endAt = computeRecordInstant(record, milestone.end_field);
	if (endAt === null) return null;
	const window = endAt.getTime() > startedAt.getTime() ? measureBusinessTime(startedAt, endAt, calendar, milestone.clock) : 0;
	return (window * (milestone.window_percent ?? 100)) / 100;
}

/**
 * When the record itself says when the milestone was met (a `first_response_at` typed in
 * afterwards), believe it, as long as it lies between the start and now; otherwise the write
 * that fulfilled it is the moment. A future value (a visit `scheduled_at` next week) is a plan,
 * not the moment of scheduling.
 */
function computeFulfilledAt(record: TimerRecord, milestone: SlaMilestone, startedAt: Date, now: Date): Date {
	if (milestone.fulfil_field === undefined || milestone.fulfil_states.includes(record.status)) return now;

	const stated = computeRecordInstant(record, milestone.fulfil_field);
	if (stated !== null && stated >= startedAt && stated <= now) return stated;

	return now;
}
