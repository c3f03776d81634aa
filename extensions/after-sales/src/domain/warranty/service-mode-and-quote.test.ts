import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertQuoteRespected, computeCertificateReissueDue, computeServiceMode } from './index';

describe('computeServiceMode', () => {
	test.each([
		[{ covered: true }, false, 'free'],
		[{ covered: true }, true, 'free'],
		[{ covered: false }, true, 'contract'],
		[{ covered: false }, false, 'paid'],
		['warranty', false, 'free'],
		['paid', true, 'contract'],
		['paid', false, 'paid'],
	] as const)('REQ-4: when coverage is %j and contract is %s, then the service is %s', (coverage, contract, mode) => {
		expect(computeServiceMode(coverage, contract)).toBe(mode);
	});
});

describe('assertQuoteRespected', () => {
	test.each([
		['500.00', '500.00', false],
		['500.00', '499.99', false],
		['500.00', '650.00', true],
		[500, '500', false],
	])('REQ-4: when the quote is %s, the actual %s and consent %s, then it passes', (quoted_total, actual_total, customer_consented_extra) => {
		expect(() => assertQuoteRespected({ quoted_total, actual_total, customer_consented_extra })).not.toThrow();
	});

	test('REQ-4: when the actual total exceeds the quote without consent, then it is refused with the excess', () => {
		expect(() => assertQuoteRespected({ quoted_total: '500.00', actual_total: '500.01', customer_consented_extra: false })).toThrow(
			expect.objectContaining({ rule: 'REQ-4', field: 'actual_total', message: expect.stringContaining('0.01') }),
		);
	});

	test.each([
		['abc', '1.00', 'quoted_total'],
		['1.00', '-1.00', 'actual_total'],
	])('MONEY: when the quote is %j and actual %j, then the bad field is named', (quoted_total, actual_total, field) => {
		expect(() => assertQuoteRespected({ quoted_total, actual_total, customer_consented_extra: true })).toThrow(DomainRuleError);
		expect(() => assertQuoteRespected({ quoted_total, actual_total, customer_consented_extra: true })).toThrow(expect.objectContaining({ field }));
	});
});

describe('computeCertificateReissueDue', () => {
	test.each([
		['a Monday', '2026-11-02', '2026-11-16'],
		['a Friday', '2026-11-06', '2026-11-20'],
		['a Saturday', '2026-11-07', '2026-11-20'],
	])('WTY-12: when the unit is shown in warranty on %s (%s), then the certificate is due 10 working days later, %s', (_label, shown, due) => {
		expect(computeCertificateReissueDue({ shown_in_warranty_on: shown })).toBe(due);
	});

	test('WTY-12: when the business calendar has a holiday week, then those days do not count', () => {
		const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
		const isWorkingDay = (date: string) => !holidays.has(date) && ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
		expect(computeCertificateReissueDue({ shown_in_warranty_on: '2026-09-30', is_working_day: isWorkingDay })).toBe('2026-10-21');
	});

	test('WTY-12: when the calendar has no working days, then it fails instead of looping', () => {
		expect(() => computeCertificateReissueDue({ shown_in_warranty_on: '2026-01-01', is_working_day: () => false })).toThrow(/no working days/);
	});
});
