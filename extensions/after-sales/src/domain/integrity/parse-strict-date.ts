import { DomainRuleError } from '../errors';
import { msg } from '../messages';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;

/** True when y-m-d is a day of the Gregorian calendar (2026-11-31 is not). */
export function isRealDay(year: number, month: number, day: number): boolean {
	if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * INT-2: a calendar date ('YYYY-MM-DD') that exists, within the years the pack plans for. Never
 * rolled over ('2026-02-30' is not 03-02) and never turned into an empty value.
 */
export function parseStrictDate(value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	const plain = /^\d{4}-\d{2}-\d{2}(T00:00(:00(\.0+)?)?Z?)?$/.test(text) ? text.slice(0, 10) : null;
	const match = plain ? DATE.exec(plain) : null;
	if (!match || !isRealDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
		throw new DomainRuleError('INT-2', field, msg('int.not_date', { value: JSON.stringify(value), min: MIN_YEAR, max: MAX_YEAR }));
	}
	return plain!;
}
