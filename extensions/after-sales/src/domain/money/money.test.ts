import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { formatMoney, multiplyMoney, MoneyInputSchema, NonNegativeMoneyInputSchema, parseMoney, QuantityInputSchema, sumMoney } from './index';

describe('parseMoney', () => {
	test.each([
		['1234.5', 123450n],
		['1234.50', 123450n],
		['0', 0n],
		['0.01', 1n],
		['  88.8 ', 8880n],
		['12.5000', 1250n],
		['-3.20', -320n],
		['-0', 0n],
		['99999999999999999.99', 9999999999999999999n],
		[12, 1200n],
		[12.34, 1234n],
		[0.3, 30n],
	] as const)('MONEY: when the amount is %j, then it is %s fen', (input, fen) => {
		expect(parseMoney(input, 'labour_cost')).toBe(fen);
	});

	test.each([
		['1.234'],
		['1.2301'],
		['abc'],
		[''],
		['1,000.00'],
		['¥12'],
		['.5'],
		['5.'],
		['+5'],
		['1e3'],
		[Number.NaN],
		[Number.POSITIVE_INFINITY],
		[0.1 + 0.2],
		[1e21],
	] as const)('MONEY: when the amount is %j, then it is rejected naming the field', (input) => {
		const error = (() => {
			try {
				parseMoney(input, 'unit_price');
			} catch (caught) {
				return caught;
			}
			return null;
		})();
		expect(error).toBeInstanceOf(DomainRuleError);
		expect(error).toMatchObject({ rule: 'MONEY', field: 'unit_price' });
	});

	test('MONEY: when negatives are refused, then a negative amount is rejected and zero is not', () => {
		expect(() => parseMoney('-0.01', 'travel_cost', { nonNegative: true })).toThrow(/must not be negative/);
		expect(parseMoney('0', 'travel_cost', { nonNegative: true })).toBe(0n);
	});
});

describe('formatMoney', () => {
	test.each([
		[123450n, '1234.50'],
		[0n, '0.00'],
		[1n, '0.01'],
		[10n, '0.10'],
		[-5n, '-0.05'],
		[-123456n, '-1234.56'],
	])('MONEY: when the amount is %s fen, then it reads %s', (fen, text) => {
		expect(formatMoney(fen)).toBe(text);
	});

	test.each(['0.01', '1234.56', '-7.00', '100000000.10'])('MONEY: when %s is parsed and formatted, then it round-trips', (text) => {
		expect(formatMoney(parseMoney(text, 'amount'))).toBe(text);
	});
});

describe('sumMoney', () => {
	test('MONEY: when ten dimes are summed, then the total is exactly one yuan', () => {
		expect(formatMoney(sumMoney(Array.from({ length: 10 }, () => parseMoney('0.1', 'a'))))).toBe('1.00');
	});

	test('MONEY: when nothing is summed, then the total is zero', () => {
		expect(sumMoney([])).toBe(0n);
	});
});

describe('multiplyMoney', () => {
	test.each([
		['12.50', '2', '25.00'],
		['12.50', 3, '37.50'],
		['80.00', '3.5', '280.00'],
		['0.01', '0.5', '0.01'],
		['0.01', '0.499', '0.00'],
		['33.33', '0.333', '11.10'],
		['10.00', '0.001', '0.01'],
		['19.99', '0', '0.00'],
		['-0.01', '0.5', '-0.01'],
	])('MONEY: when %s is multiplied by %s, then the amount is %s rounded half-up', (price, quantity, expected) => {
		expect(formatMoney(multiplyMoney(parseMoney(price, 'unit_price'), quantity))).toBe(expected);
	});

	test.each([['1.2345'], ['-1'], ['two'], [Number.NaN]] as const)('MONEY: when the quantity is %j, then it is rejected', (quantity) => {
		expect(() => multiplyMoney(100n, quantity, 'lines.0.quantity')).toThrow(DomainRuleError);
	});
});

describe('money schemas', () => {
	test.each([
		[MoneyInputSchema, '12.30', true],
		[MoneyInputSchema, '-12.30', true],
		[MoneyInputSchema, '12.305', false],
		[NonNegativeMoneyInputSchema, '-12.30', false],
		[NonNegativeMoneyInputSchema, 7, true],
		[QuantityInputSchema, '1.125', true],
		[QuantityInputSchema, '-1', false],
		[QuantityInputSchema, '1.1255', false],
	] as const)('MONEY: when a schema reads %#, then acceptance is %s', (schema, value, ok) => {
		expect(schema.safeParse(value).success).toBe(ok);
	});
});
