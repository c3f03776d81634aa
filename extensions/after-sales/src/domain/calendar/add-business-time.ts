import { DomainRuleError } from '../errors';
import { computeWorkingIntervalsFrom } from './compute-working-intervals-from';
import type { Calendar, Clock } from './schemas';
import { msg } from '../messages';

/**
 * CAL-1, CAL-2: the instant `minutes` of the given clock after `start`.
 * In business time a start outside working hours counts from the next working instant, and a
 * deadline that lands exactly on closing time stays at closing time rather than rolling over to
 * the next morning: the work is due by the end of that day.
 */
export function addBusinessTime(start: Date, minutes: number, calendar: Calendar, clock: Clock): Date {
	const startMs = start.getTime();

	if (Number.isNaN(startMs)) throw new DomainRuleError('CAL-2', 'start', 'CAL-2: the start is not a valid instant');

	if (!Number.isFinite(minutes) || minutes < 0) {
		throw new DomainRuleError('CAL-2', 'minutes', `CAL-2: a duration must be a non-negative number of minutes, got ${minutes}`);
	}

	let remainingMs = Math.round(minutes * 60_000);

	if (clock === '24x7') return new Date(startMs + remainingMs);

	for (const interval of computeWorkingIntervalsFrom(start, calendar)) {
		const from = Math.max(interval.start.getTime(), startMs);
		const available = interval.end.getTime() - from;

		if (remainingMs <= available) return new Date(from + remainingMs);

		remainingMs -= available;
	}

	throw new DomainRuleError('CAL-1', 'working_hours', msg('calendar.no_working_time'), { collection: 'service_settings' });
}
