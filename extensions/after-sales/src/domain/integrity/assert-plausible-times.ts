import { DomainRuleError } from '../errors';
import { msg } from '../messages';

/** How far ahead of the server clock a device may be before its "now" counts as the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface TimeSpan {
	/** Field name → instant (null when absent). */
	[field: string]: Date | null | undefined;
}

/**
 * INT-2: work is not recorded in the future and does not end before it starts. `pairs` lists
 * [start field, end field]; `past` the fields that describe something already done.
 */
export function assertPlausibleTimes(values: TimeSpan, rules: { pairs: ReadonlyArray<readonly [string, string]>; past: readonly string[] }, now: Date): void {
	for (const field of rules.past) {
		const at = values[field];
		if (at && at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
			throw new DomainRuleError('INT-2', field, msg('int.future', { at: at.toISOString() }));
		}
	}
	for (const [startField, endField] of rules.pairs) {
		const start = values[startField];
		const end = values[endField];
		if (start && end && end.getTime() < start.getTime()) {
			throw new DomainRuleError('INT-2', endField, msg('int.end_before_start', { end: end.toISOString(), start_field: { collection: '', field: startField }, start: start.toISOString() }));
		}
	}
}
