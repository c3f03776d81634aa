import { DomainRuleError } from '../errors';
import { computeWorkingIntervalsFrom } from './compute-working-intervals-from';
import type { Calendar } from './schemas';
import { msg } from '../messages';

/** CAL-1: `at` itself when it is working time, else the opening of the next working interval. */
export function nextWorkingInstant(at: Date, calendar: Calendar): Date {
	const first = computeWorkingIntervalsFrom(at, calendar).next();

	if (first.done) throw new DomainRuleError('CAL-1', 'working_hours', msg('calendar.no_working_time'), { collection: 'service_settings' });

	return new Date(Math.max(first.value.start.getTime(), at.getTime()));
}
