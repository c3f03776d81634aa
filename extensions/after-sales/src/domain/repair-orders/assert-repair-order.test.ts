import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertWithinQuote, type RepairOrder } from './index';

const now = new Date('2026-12-01T08:00:00Z');
const consent = (amount: string, at = '2026-12-01T07:00:00Z') => ({ description: '更换皮带', amount, consented_by: '王建国', consented_at: at });
const order = (over: Partial<RepairOrder> = {}): RepairOrder => ({ coverage: 'paid', status: 'completed', quote_amount: '500.00', labour_cost: '200.00', travel_cost: '50.00', parts_cost: '250.00', extra_work: null, ...over });
const refusal = (o: RepairOrder) => {
	try {
		assertWithinQuote(o, now);
		return 'accepted';
	} catch (error) {
		return error instanceof DomainRuleError ? `${error.rule}:${error.field}` : String(error);
	}
};

describe('assertWithinQuote (REQ-4, REQ-5)', () => {
	test.each([
		['a paid repair charged exactly its quote', order(), 'accepted'],
		['a paid repair charged 0.01 above its quote', order({ parts_cost: '250.01' }), 'REQ-4:extra_work'],
		['the difference consented by the customer', order({ parts_cost: '330.00', extra_work: [consent('80.00')] }), 'accepted'],
		['consent for less than the difference', order({ parts_cost: '330.00', extra_work: [consent('79.99')] }), 'REQ-4:extra_work'],
		['a repair still in progress above its quote', order({ status: 'in_progress', parts_cost: '900.00' }), 'accepted'],
		['a warranty repair (no charge to the customer)', order({ coverage: 'warranty', parts_cost: '900.00' }), 'accepted'],
		['a paid repair without a quote', order({ quote_amount: null, parts_cost: '900.00' }), 'accepted'],
		['additional work nobody consented to', order({ extra_work: [{ description: '更换皮带', amount: '80.00', consented_at: '2026-12-01T07:00:00Z' }] }), 'REQ-5:extra_work.0.consented_by'],
		['additional work without a consent time', order({ extra_work: [{ description: 'x', amount: '1', consented_by: '王' }] }), 'REQ-5:extra_work.0.consented_at'],
		['a consent in the future', order({ extra_work: [consent('1.00', '2026-12-02T07:00:00Z')] }), 'REQ-5:extra_work.0.consented_at'],
		['an impossible consent date', order({ extra_work: [consent('1.00', '2026-11-31T07:00:00Z')] }), 'INT-2:extra_work.0.consented_at'],
		['a negative amount', order({ extra_work: [consent('-5.00')] }), 'REQ-5:extra_work.0.amount'],
		['extra_work that is not a list', order({ extra_work: { a: 1 } }), 'REQ-5:extra_work'],
	])('REQ-4: when %s, then %s', (_label, o, expected) => {
		expect(refusal(o)).toBe(expected);
	});
});
