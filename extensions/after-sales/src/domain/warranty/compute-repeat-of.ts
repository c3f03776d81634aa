import { computeDaysBetween } from './compute-days-between';
import { computeLocalDate } from './compute-local-date';
import { isSameFaultCategory } from './is-same-fault-category';

type Id = string | number;

export interface RepeatCandidate {
	id?: Id | null;
	unit: Id;
	fault_category: string | null;
	received_at?: Date | null;
	completed_at?: Date | null;
}

export interface CompletedRepair {
	id: Id;
	unit: Id;
	fault_category: string | null;
	completed_at: Date | null;
}

/**
 * REQ-8: the earlier repair this one repeats — the most recent completed repair of the same unit and
 * fault category whose completion lies at most `windowDays` calendar days (business time zone) before
 * the new fault was reported (or, lacking that, before the new repair was completed). Null when
 * the fault is new.
 */
export function computeRepeatOf(newRepair: RepeatCandidate, previous: readonly CompletedRepair[], windowDays = 90, timeZone = 'Asia/Shanghai'): Id | null {
	const reference = newRepair.received_at ?? newRepair.completed_at ?? null;
	if (!reference || !newRepair.fault_category) return null;
	const referenceDate = computeLocalDate(reference, timeZone);

	let best: CompletedRepair | null = null;
	for (const repair of previous) {
		if (repair.completed_at === null || repair.id === newRepair.id) continue;
		if (String(repair.unit) !== String(newRepair.unit) || !isSameFaultCategory(repair.fault_category, newRepair.fault_category)) continue;
		if (repair.completed_at.getTime() > reference.getTime()) continue;
		if (computeDaysBetween(computeLocalDate(repair.completed_at, timeZone), referenceDate) > windowDays) continue;
		if (!best || repair.completed_at.getTime() > best.completed_at!.getTime()) best = repair;
	}
	return best?.id ?? null;
}
