import { STATUTORY_COVERAGES, type RepairCoverage } from './schemas';

export interface DowntimeRepair {
	dropped_off_at: Date | null;
	completed_at: Date | null;
	coverage: RepairCoverage | string | null;
}

const DAY_MS = 86_400_000;

/**
 * WTY-10: whole days warranty repairs kept the unit (in repair or waiting for parts), which extend
 * the 三包 period. A repair still open counts up to `at`; repairs that overlapped are counted once,
 * so two open orders on one machine do not double the extension. Paid, contract and goodwill work
 * does not extend a warranty the customer was not using; work at the dealer's expense (WTY-2, WTY-4)
 * is the customer's statutory service and does.
 * INT-2: only plausible time counts. A repair still open extends the period only up to `now`
 * (never to some future `at`), and nothing after the present counts: a unit cannot bank
 * downtime it has not had yet.
 */
export function computeDowntimeDays(repairs: readonly DowntimeRepair[], at: Date, now: Date = at): number {
	const limit = Math.min(at.getTime(), now.getTime());
	const intervals = repairs
		.filter((repair) => STATUTORY_COVERAGES.includes(repair.coverage ?? '') && repair.dropped_off_at !== null && !Number.isNaN(repair.dropped_off_at.getTime()))
		.map((repair) => {
			const start = repair.dropped_off_at!.getTime();
			const completed = repair.completed_at && !Number.isNaN(repair.completed_at.getTime()) ? repair.completed_at.getTime() : limit;
			const end = Math.min(completed, limit);
			return [start, end] as const;
		})
		.filter(([start, end]) => end > start)
		.sort((a, b) => a[0] - b[0]);

	let total = 0;
	let currentStart: number | null = null;
	let currentEnd = 0;
	for (const [start, end] of intervals) {
		if (currentStart === null || start > currentEnd) {
			if (currentStart !== null) total += currentEnd - currentStart;
			currentStart = start;
			currentEnd = end;
		} else {
			currentEnd = Math.max(currentEnd, end);
		}
	}
	if (currentStart !== null) total += currentEnd - currentStart;
	return Math.floor(total / DAY_MS);
}
