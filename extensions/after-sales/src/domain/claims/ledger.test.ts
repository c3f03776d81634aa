import { describe, expect, test } from 'vitest';
import { computeLedgerAdjustment, computeLedgerEntry } from './index';

describe('computeLedgerEntry', () => {
	test('WTY-8: when a claim is settled, then it posts one credit keyed by the claim', () => {
		expect(computeLedgerEntry({ id: 42, dealer: 'D1', status: 'settled', approved_amount: '1311.5' })).toEqual({
			entry_type: 'warranty_credit',
			dealer: 'D1',
			amount: '1311.50',
			claim: 42,
			idempotency_key: 'claim:42:credit',
		});
	});

	test('WTY-8: when the same settlement is computed twice, then both attempts carry the same idempotency key', () => {
		const claim = { id: 'c-9', dealer: 'D1', status: 'settled' as const, approved_amount: '10.00' };
		expect(computeLedgerEntry(claim)!.idempotency_key).toBe(computeLedgerEntry({ ...claim })!.idempotency_key);
	});

	test.each([
		['approved', '100.00'],
		['inspected', '100.00'],
		['rejected', '0.00'],
		['settled', '0.00'],
		['settled', '0'],
		['settled', null],
	] as const)('WTY-8: when the claim is %s with %j approved, then nothing is posted', (status, approved_amount) => {
		expect(computeLedgerEntry({ id: 1, dealer: 'D1', status, approved_amount })).toBeNull();
	});

	test('MONEY: when the approved amount is malformed, then it is refused', () => {
		expect(() => computeLedgerEntry({ id: 1, dealer: 'D1', status: 'settled', approved_amount: '12.345' })).toThrow(expect.objectContaining({ rule: 'MONEY', field: 'approved_amount' }));
	});
});

describe('computeLedgerAdjustment', () => {
	const claim = { id: 42, dealer: 'D1' };
	test.each([
		['a lower corrected amount', [{ amount: '1311.50', entry_type: 'warranty_credit' }], '1300.00', '-11.50', 'claim:42:adjustment:1'],
		['a higher corrected amount', [{ amount: '1311.50', entry_type: 'warranty_credit' }], '1400', '88.50', 'claim:42:adjustment:1'],
		[
			'a second correction',
			[
				{ amount: '1311.50', entry_type: 'warranty_credit' },
				{ amount: '-11.50', entry_type: 'adjustment' },
			],
			'1000.00',
			'-300.00',
			'claim:42:adjustment:2',
		],
		['a correction before any credit', [], '50.00', '50.00', 'claim:42:adjustment:1'],
	])('WTY-8: when %s is posted, then the difference is a new append-only entry', (_label, posted, corrected_amount, amount, key) => {
		expect(computeLedgerAdjustment({ claim, posted, corrected_amount })).toEqual({ entry_type: 'adjustment', dealer: 'D1', amount, claim: 42, idempotency_key: key });
	});

	test('WTY-8: when the corrected amount equals what was posted, then no entry is made', () => {
		expect(computeLedgerAdjustment({ claim, posted: [{ amount: '10.00', entry_type: 'warranty_credit' }], corrected_amount: '10' })).toBeNull();
	});
});
