import type { Calendar } from '../calendar';
import { computeNextCheckAt } from './compute-next-check-at';
import { computeTimers } from './compute-timers';
import { selectPolicy } from './select-policy';
import type { SlaCollection } from './schemas';
import type { PlannedTimer, StoredPolicy, StoredTimer } from './sweep-types';
import type { SlaFacts, TimerRecord } from './types';

export interface RecordTimersInput {
	collection: SlaCollection;
	item: string;
	record: TimerRecord | null;
	facts: SlaFacts | null;
	existing: readonly StoredTimer[];
}

export interface RecordTimersDecision {
	policy: StoredPolicy | null;
	/** The timers of the policy's milestones as they should be now, in milestone order. */
	timers: PlannedTimer[];
	/** Stored timers never to be checked again: record gone, no policy, or a milestone the policy dropped. */
	retire: StoredTimer[];
}

/**
 * ESC-1: the timers one record should have at `now`. A deleted record, or one no policy covers,
 * keeps its rows as history but none is checked again; so does a milestone the policy no longer has.
 */
export function decideRecordTimers(input: RecordTimersInput, policies: readonly StoredPolicy[], calendar: Calendar, now: Date): RecordTimersDecision {
	const { collection, item, record, facts, existing } = input;
	const open = existing.filter((t) => t.next_check_at !== null);
	if (!record || !facts) return { policy: null, timers: [], retire: open };
	const policy = selectPolicy(facts, policies) as StoredPolicy | null;
	if (!policy) return { policy: null, timers: [], retire: open };

	const keys = new Set(policy.milestones.map((m) => m.key));
	const byMilestone = new Map(existing.map((t) => [t.milestone, t]));
	const rows = computeTimers({ record, policy, existing, now, calendar });
	const timers: PlannedTimer[] = [];
	for (const row of rows) {
		if (!keys.has(row.milestone)) continue;
		const milestone = policy.milestones.find((m) => m.key === row.milestone)!;
		const before = byMilestone.get(row.milestone);
		timers.push({ ...row, id: before?.id ?? null, collection, item, policy: policy.id, next_check_at: computeNextCheckAt(row), milestone_label: milestone.label, clock: milestone.clock });
	}
	const retire = open.filter((t) => !keys.has(t.milestone));
	return { policy, timers, retire };
}
