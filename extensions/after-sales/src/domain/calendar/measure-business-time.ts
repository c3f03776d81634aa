import { DomainRuleError } from '../errors';
import { computeWorkingIntervalsFrom } from './compute-working-intervals-from';
import type { Calendar, Clock } from './schemas';

/** CAL-1, CAL-2: minutes of the given clock between two instants (fractional; 0 when `to` is not after `from`). */
export function measureBusinessTime(from: Date, to: Date, calendar: Calendar, clock: Clock): number {
	const fromMs = from.getTime();
	const toMs = to.getTime();

	if (Number.isNaN(fromMs) || Number.isNaN(toMs)) {
		throw new DomainRuleError('CAL-2', Number.isNaN(fromMs) ? 'from' : 'to', 'CAL-2: not a valid instant');
	}

	if (toMs <= fromMs) return 0;
	if (clock === '24x7') return (toMs - fromMs) / 60_000;

	let totalMs = 0;

	for (const interval of computeWorkingIntervalsFrom(from, calendar)) {
		const start = interval.start.getTime();
		if (start >= toMs) break;

		totalMs += Math.min(interval.end.getTime(), toMs) - Math.max(start, fromMs);
	}

	return totalMs / 60_000;
}
