import { computeLocalParts } from './compute-local-parts';
import { computeWorkingIntervals } from './compute-working-intervals';
import type { Calendar } from './schemas';

/** CAL-1: working intervals are half-open, so closing time itself (17:30) is already off duty. */
export function isWorkingInstant(at: Date, calendar: Calendar): boolean {
	const local = computeLocalParts(at, calendar.timezone);

	return computeWorkingIntervals(local, calendar).some((interval) => interval.start <= at && at < interval.end);
}
