import { DomainRuleError } from '../errors';
import { isRealDay, MIN_YEAR } from './parse-strict-date';
import { msg } from '../messages';

// Date and time, optional seconds and fraction, optional zone (Z or ±hh:mm). A space instead of
// the T is what Directus itself writes for SQLite.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * MariaDB / MySQL TIMESTAMP columns hold 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC; outside it
 * they refuse the value as SQL (a 500). Every database gets the same range, so a request has the
 * same answer wherever the pack runs.
 */
const FIRST_STORABLE_MS = 1_000;
const LAST_STORABLE_MS = Date.UTC(2038, 0, 19, 3, 14, 7);
const LAST_STORABLE_YEAR = new Date(LAST_STORABLE_MS).getUTCFullYear();
/** False for NaN too (an invalid Date), as every comparison with NaN is. */
const storable = (ms: number) => ms >= FIRST_STORABLE_MS && ms <= LAST_STORABLE_MS;

/**
 * INT-2: an instant the pack accepts. Every part is checked before JavaScript sees it, because
 * `new Date('2026-11-31T10:00:00Z')` silently becomes December 1st. A value without a zone is read
 * as UTC, which is how Directus stores and answers timestamps.
 */
export function parseStrictInstant(value: unknown, field: string): Date {
	const fail = (): never => {
		throw new DomainRuleError('INT-2', field, msg('int.not_instant', { value: JSON.stringify(value), min: MIN_YEAR, max: LAST_STORABLE_YEAR }));
	};
	if (value instanceof Date) {
		if (!storable(value.getTime())) fail();
		return value;
	}
	if (typeof value !== 'string') return fail();
	const match = INSTANT.exec(value.trim());
	if (!match) return fail();
	const [, y, mo, d, h, mi, s = '0', , zone] = match;
	if (!isRealDay(Number(y), Number(mo), Number(d))) fail();
	if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) fail();
	if (zone && zone !== 'Z') {
		const digits = zone.replace(':', '');
		if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3, 5)) > 59) fail();
	}
	const text = value.trim().replace(' ', 'T');
	const date = new Date(zone ? text : `${text}Z`);
	if (!storable(date.getTime())) fail();
	return date;
}
