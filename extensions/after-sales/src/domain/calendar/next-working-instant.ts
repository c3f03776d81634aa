import { DomainRuleError } from '../errors';
import { computeWorkingIntervalsFrom } from './compute-working-intervals-from';
import type { Calendar } from './schemas';

/** CAL-1: `at` itself when it is working time, else the opening of the next working interval. */
export function nextWorkingInstant(at: Date, calendar: Calendar): Date {
	const first = computeWorkingIntervalsFrom(at, calendar).next();

	if (first.done) throw new DomainRuleError('CAL-1', 'working_hours', 'CAL-1: the calendar has no working time');

	return new Date(Math.max(first.value.start.getTime(), at.getTime()));
}
