import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertPlausibleTimes, CLOCK_SKEW_MS, findSystemOwnedField, parseBoundedMoney, parseStrictDate, parseStrictInstant } from './index';

const MAX = 1_000_000_000n;
const ruleOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		return error instanceof DomainRuleError ? `${error.rule}:${error.field}` : String(error);
	}
	return 'accepted';
};

describe('parseStrictInstant (INT-2)', () => {
	test.each([
		['2026-11-30T10:00:00Z', '2026-11-30T10:00:00.000Z'],
		['2026-11-30T18:00:00+08:00', '2026-11-30T10:00:00.000Z'],
		['2026-11-30 10:00:00', '2026-11-30T10:00:00.000Z'],
		['2026-11-30T10:00', '2026-11-30T10:00:00.000Z'],
		['2028-02-29T00:00:00.123Z', '2028-02-29T00:00:00.123Z'],
		['2038-01-19T03:14:07Z', '2038-01-19T03:14:07.000Z'],
		['1970-01-01T00:00:01Z', '1970-01-01T00:00:01.000Z'],
	])('INT-2: when %s is sent, then it is read as %s', (input, expected) => {
		expect(parseStrictInstant(input, 'at').toISOString()).toBe(expected);
	});

	test.each([
		['an impossible day', '2026-11-31T10:00:00Z'],
		['February 29th of a common year', '2027-02-29T10:00:00Z'],
		['hour 24', '2026-11-30T24:00:00Z'],
		['minute 60', '2026-11-30T10:60:00Z'],
		['a five-digit year', '99999-01-01T00:00:00Z'],
		['year 0000', '0000-01-01T00:00:00Z'],
		['a year before 1970', '1969-12-31T23:00:00Z'],
		['the epoch itself, which MariaDB TIMESTAMP cannot store (CI seed 1755553165)', '1970-01-01T00:00:00Z'],
		['1970-01-01 00:00:00 read as UTC', '1970-01-01 00:00:00'],
		['the second after MariaDB TIMESTAMP’s last, 2038-01-19 03:14:07 UTC', '2038-01-19T03:14:08Z'],
		['a year MariaDB TIMESTAMP cannot store', '2100-06-01T08:00:00+08:00'],
		['a Date past 2038', new Date(Date.UTC(2040, 0, 1))],
		['a date without time', '2026-11-30'],
		['free text', 'tomorrow'],
		['a number', 1_796_000_000_000],
		['an empty string', ''],
		['an offset beyond 14 h', '2026-11-30T10:00:00+15:00'],
	])('INT-2: when %s is sent, then it is refused naming the field', (_label, input) => {
		expect(ruleOf(() => parseStrictInstant(input, 'completed_at'))).toBe('INT-2:completed_at');
	});
});

describe('parseStrictDate (INT-2)', () => {
	test.each([['2026-10-01'], ['2028-02-29'], ['2026-12-31T00:00:00Z']])('INT-2: when %s is sent, then it is a date', (input) => {
		expect(parseStrictDate(input, 'sold_on')).toBe(input.slice(0, 10));
	});
	test.each([['2026-02-30'], ['2026-13-01'], ['2026-1-1'], ['2026-12-31T08:00:00Z'], [''], [20261231]])('INT-2: when %s is sent, then it is refused', (input) => {
		expect(ruleOf(() => parseStrictDate(input, 'sold_on'))).toBe('INT-2:sold_on');
	});
});

describe('assertPlausibleTimes (INT-2)', () => {
	const now = new Date('2026-12-01T02:00:00Z');
	const rules = { pairs: [['received_at', 'completed_at']] as const, past: ['completed_at'] };
	test.each<[string, Record<string, Date | null>, string]>([
		['a repair completed after it was received', { received_at: new Date('2026-11-30T01:00:00Z'), completed_at: new Date('2026-11-30T05:00:00Z') }, 'accepted'],
		['a repair completed before it was received', { received_at: new Date('2026-11-30T05:00:00Z'), completed_at: new Date('2026-11-30T01:00:00Z') }, 'INT-2:completed_at'],
		['a completion a minute ahead (clock skew)', { completed_at: new Date(now.getTime() + 60_000) }, 'accepted'],
		['a completion in the future', { completed_at: new Date(now.getTime() + CLOCK_SKEW_MS + 1000) }, 'INT-2:completed_at'],
		['no times at all', { received_at: null, completed_at: null }, 'accepted'],
	])('INT-2: when %s, then %s', (_label, values, expected) => {
		expect(ruleOf(() => assertPlausibleTimes(values, { pairs: [...rules.pairs], past: rules.past }, now))).toBe(expected);
	});
});

describe('parseBoundedMoney (INT-4)', () => {
	test.each<[unknown, string]>([
		['10000000.00', 'accepted'], ['10000000.01', 'INT-4:amount'], ['99999999999999999999.99', 'INT-4:amount'], ['-5.00', 'accepted'],
		['1.005', 'INT-4:amount'], [1e30, 'INT-4:amount'], [Number.NaN, 'INT-4:amount'], [null, 'INT-4:amount'], [{ a: 1 }, 'INT-4:amount'], ['12', 'accepted'],
	])('INT-4: when %s is sent as an amount, then %s', (value, expected) => {
		expect(ruleOf(() => parseBoundedMoney(value, 'amount', { maxFen: MAX }))).toBe(expected);
	});
	test('INT-4: when a cost must not be negative, then -0.01 is refused', () => {
		expect(ruleOf(() => parseBoundedMoney('-0.01', 'labour_cost', { maxFen: MAX, nonNegative: true }))).toBe('INT-4:labour_cost');
	});
});

describe('findSystemOwnedField (INT-3)', () => {
	test.each([
		['dealer_ledger', { idempotency_key: 'claim:74:credit', amount: '1' }, 'idempotency_key'],
		['warranty_claims', { claim_no: 'WC2026-1' }, 'claim_no'],
		['warranty_claims', { writeoff_notice_no: 'HX' }, 'writeoff_notice_no'],
		['escalations', { escalation_key: 'x' }, 'escalation_key'],
		['quality_alerts', { alert_key: 'x' }, 'alert_key'],
		['complaints', { description: 'x' }, null],
	])('INT-3: when a client writes %s with %j, then %s is named', (collection, payload, expected) => {
		expect(findSystemOwnedField(collection, payload)).toBe(expected);
	});
});
