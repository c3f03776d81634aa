import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertClaimTransition, CLAIM_STATUSES, computeAllowedClaimTransitions, REJECTION_REASON_KEYS, REJECTION_REASONS, type ClaimStatus } from './index';

describe('assertClaimTransition', () => {
	test.each<[ClaimStatus, ClaimStatus, string]>([
		['draft', 'submitted', 'dealer'],
		['submitted', 'audited', 'sales_rep'],
		['audited', 'inspected', 'technical_dept'],
		['inspected', 'approved', 'finance'],
		['approved', 'settled', 'dealer'],
		['approved', 'settled', 'finance'],
		['inspected', 'approved', 'admin'],
		['draft', 'submitted', 'admin'],
	])('WTY-7: when %s → %s is done by %s, then it is allowed', (from, to, role) => {
		expect(() => assertClaimTransition({ from, to, role })).not.toThrow();
	});

	test.each<[ClaimStatus, string]>([
		['submitted', 'sales_rep'],
		['audited', 'technical_dept'],
		['inspected', 'finance'],
		['approved', 'finance'],
		['approved', 'admin'],
	])('WTY-7: when a %s claim is rejected by %s with a reason, then it is allowed', (from, role) => {
		expect(() => assertClaimTransition({ from, to: 'rejected', role, reasons: ['parts_not_returned'] })).not.toThrow();
	});

	test.each<[ClaimStatus, ClaimStatus, string, RegExp]>([
		['draft', 'submitted', 'sales_rep', /done by dealer, not sales_rep/],
		['submitted', 'audited', 'dealer', /done by sales_rep/],
		['audited', 'inspected', 'finance', /done by technical_dept/],
		['inspected', 'approved', 'technical_dept', /done by finance/],
		['approved', 'settled', 'sales_rep', /done by dealer or finance/],
		['submitted', 'rejected', 'dealer', /done by sales_rep/],
		['draft', 'approved', 'finance', /cannot go from draft to approved/],
		['draft', 'settled', 'admin', /cannot go from draft to settled/],
		['submitted', 'inspected', 'admin', /cannot go from submitted to inspected/],
		['settled', 'rejected', 'finance', /cannot go from settled to rejected/],
		['rejected', 'approved', 'admin', /cannot go from rejected to approved/],
		['draft', 'rejected', 'sales_rep', /cannot go from draft to rejected/],
		['approved', 'draft', 'admin', /cannot go from approved to draft/],
	])('WTY-7: when %s → %s is attempted by %s, then it is refused', (from, to, role, message) => {
		expect(() => assertClaimTransition({ from, to, role, reasons: ['duplicate'] })).toThrow(message);
		expect(() => assertClaimTransition({ from, to, role, reasons: ['duplicate'] })).toThrow(expect.objectContaining({ rule: 'WTY-7', field: 'status' }));
	});

	test.each([[undefined], [null], [[]]])('WTY-7: when a rejection has reasons %j, then it is refused for lack of a reason', (reasons) => {
		expect(() => assertClaimTransition({ from: 'submitted', to: 'rejected', role: 'sales_rep', reasons })).toThrow(
			expect.objectContaining({ rule: 'WTY-7', field: 'rejection_reasons' }),
		);
	});

	test('WTY-7: when a rejection names an unknown reason, then it is refused naming the code', () => {
		expect(() => assertClaimTransition({ from: 'submitted', to: 'rejected', role: 'sales_rep', reasons: ['card_late', 'looks_fishy'] })).toThrow(/looks_fishy/);
	});

	test.each(CLAIM_STATUSES)('WTY-7: when the status stays %s, then nothing is checked', (status) => {
		expect(() => assertClaimTransition({ from: status, to: status, role: 'technician' })).not.toThrow();
	});

	test('WTY-7: when the error is thrown, then it is a DomainRuleError', () => {
		expect(() => assertClaimTransition({ from: 'draft', to: 'settled', role: 'dealer' })).toThrow(DomainRuleError);
	});
});

describe('computeAllowedClaimTransitions', () => {
	test.each<[ClaimStatus, string, ClaimStatus[]]>([
		['draft', 'dealer', ['submitted']],
		['draft', 'finance', []],
		['submitted', 'sales_rep', ['audited', 'rejected']],
		['inspected', 'finance', ['approved', 'rejected']],
		['approved', 'dealer', ['settled']],
		['approved', 'admin', ['settled', 'rejected']],
		['settled', 'admin', []],
		['rejected', 'admin', []],
	])('WTY-7: when a %s claim is shown to %s, then the offered statuses are %j', (from, role, expected) => {
		expect(computeAllowedClaimTransitions(from, role)).toEqual(expected);
	});
});

describe('REJECTION_REASONS', () => {
	test.each(REJECTION_REASON_KEYS)('WTY-7: when the reason is %s, then it has a rule and labels in both languages', (key) => {
		expect(REJECTION_REASONS[key]).toEqual({ rule: expect.stringMatching(/^WTY-\d+$/), label_zh: expect.any(String), label_en: expect.any(String) });
	});
});
