import type { Calendar, Clock } from '../calendar';
import { DomainRuleError } from '../errors';
import { computeDeliveryTime } from './compute-delivery-time';
import { computeEscalationKey } from './compute-escalation-key';
import { computeNextCheckAt } from './compute-next-check-at';
import { computeNotifyRoles } from './compute-notify-roles';
import { computeSweepActions } from './compute-sweep-actions';
import { computeTimerAfterSweep } from './compute-timer-after-sweep';
import { computeTimerKey } from './compute-timer-key';
import { decideRecordTimers } from './decide-record-timers';
import { isTimerChanged } from './is-timer-changed';
import type { EscalationLevel } from './schemas';
import type { DueRecord, PlannedEscalation, PlannedLevel, PlannedTimer, StoredPolicy, SweepPlan } from './sweep-types';

/**
 * ESC-1..4: what one sweep batch writes, for every record at once. Each record is first re-synced
 * from the state read in the claiming statement (a missed sync never escalates a fulfilled
 * record, and a record that lost its timers in a crash gets them), then every timer due at `now`
 * yields its warning and breach (exactly once by key, ESC-4), a breach raises the record one
 * level (ESC-2) and the record's other open clocks run at that level. A record the domain refuses
 * (an unreadable timestamp) is reported in `failures` and left untouched, so the next sweep retries it.
 */
export function decideSweep(records: readonly DueRecord[], policies: readonly StoredPolicy[], calendar: Calendar, now: Date): SweepPlan {
	const plan: SweepPlan = { timers: [], retire: [], escalations: [], levels: [], failures: [] };
	// CAL-2: when a notice may go out depends only on the clock: computed once per batch, not per timer.
	const deliverAt = new Map<Clock, Date>();
	const deliverAtOf = (clock: Clock) => {
		let at = deliverAt.get(clock);
		if (!at) deliverAt.set(clock, (at = computeDeliveryTime(now, calendar, clock)));
		return at;
	};
	for (const due of records) {
		try {
			decideRecord(due, policies, calendar, now, plan, deliverAtOf);
		} catch (error) {
			const rule = error instanceof DomainRuleError ? error.rule : 'ESC-1';
			plan.failures.push({ collection: due.collection, item: due.item, rule, message: (error as Error).message });
		}
	}
	return plan;
}

function decideRecord(due: DueRecord, policies: readonly StoredPolicy[], calendar: Calendar, now: Date, plan: SweepPlan, deliverAtOf: (clock: Clock) => Date) {
	const synced = decideRecordTimers({ collection: due.collection, item: due.item, record: due.record, facts: due.facts, existing: due.timers }, policies, calendar, now);
	// Collected per record and added at the end, so a refused record contributes nothing.
	const retire = synced.retire.map((t) => t.id).filter((id): id is number => id !== null);
	const policy = synced.policy;
	if (!policy || !due.record) {
		plan.retire.push(...retire);
		return;
	}

	const timers: PlannedTimer[] = synced.timers.map((t) => ({ ...t }));
	const escalations: PlannedEscalation[] = [];
	let level: EscalationLevel = due.record.level ?? 1;
	let raise: PlannedLevel | null = null as PlannedLevel | null;

	for (let i = 0; i < timers.length; i++) {
		const stored = timers[i]!;
		if (stored.next_check_at === null || stored.next_check_at > now) continue;
		// ESC-2: a breach earlier in this loop raised the record; later clocks run at that level.
		const timer = { ...stored, level: Math.max(stored.level, level) as EscalationLevel };
		const milestone = policy.milestones.find((m) => m.key === timer.milestone)!;
		const actions = computeSweepActions(timer, milestone, now);
		const deliverAt = deliverAtOf(milestone.clock);
		for (const action of actions) {
			escalations.push({
				key: computeEscalationKey(due.collection, due.item, action.milestone, action.level, action.kind),
				kind: action.kind, collection: due.collection, item: due.item, milestone: action.milestone, milestone_label: milestone.label,
				level: action.level, timer_key: computeTimerKey(due.collection, due.item, milestone.key), due_at: timer.due_at, deliver_at: deliverAt,
				notify_roles: computeNotifyRoles(action, milestone),
				message: `${action.kind === 'breach' ? `超时，升级至 L${action.level}` : `预警 L${action.level}`}: ${milestone.label} (${due.collection} #${due.item})`,
			});
		}
		const after = computeTimerAfterSweep(timer, actions, now);
		timers[i] = { ...stored, ...after, next_check_at: computeNextCheckAt(after) };

		const breach = actions.find((a) => a.kind === 'breach');
		if (breach && breach.level > level) {
			level = breach.level;
			raise = { collection: due.collection, item: due.item, level, hasLevel: due.hasLevel, reassign_to_role: milestone.reassign_to_role ?? raise?.reassign_to_role ?? null };
		}
	}

	// ESC-2: the record's other open clocks now run at the raised level.
	for (let i = 0; i < timers.length; i++) {
		const t = timers[i]!;
		if (t.state !== 'fulfilled' && t.level < level) timers[i] = { ...t, level };
	}

	const before = new Map(due.timers.map((t) => [t.milestone, t]));
	for (const t of timers) {
		const stored = before.get(t.milestone);
		if (!isTimerChanged(stored, t)) continue;
		const levelOnly = stored !== undefined && stored.id !== null && stored.level !== t.level && !isTimerChanged(stored, { ...t, level: stored.level });
		plan.timers.push(levelOnly ? { ...t, level_only: true } : t);
	}
	plan.retire.push(...retire);
	plan.escalations.push(...escalations);
	if (raise) plan.levels.push(raise);
}
