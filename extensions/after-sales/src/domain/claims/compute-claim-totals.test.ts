import { describe, expect, test } from 'vitest';
import { ClaimLineSchema, computeClaimTotals, type ClaimTotalsLine } from './index';

const labour: ClaimTotalsLine = { id: 'L1', quantity: '3.5', unit_price: '80.00' };
const travel: ClaimTotalsLine = { id: 'T1', unit_price: '120.50' };
const pump: ClaimTotalsLine = { id: 'P1', quantity: 2, unit_price: '455.25' };

describe('computeClaimTotals', () => {
	test('WTY-7: when nothing is decided yet, then everything claimed is pending', () => {
		expect(computeClaimTotals([labour, travel, pump])).toMatchObject({ claimed: '1311.00', approved: '0.00', rejected: '0.00', pending: '1311.00', by_reason: {} });
	});

	test('WTY-7: when every line is approved in full, then approved equals claimed', () => {
		const lines = [labour, travel, pump].map((line) => ({ ...line, approved_amount: { L1: '280.00', T1: '120.50', P1: '910.50' }[line.id as string] }));
		expect(computeClaimTotals(lines)).toMatchObject({ claimed: '1311.00', approved: '1311.00', rejected: '0.00', pending: '0.00' });
	});

	test('WTY-7: when lines are partly approved and rejected, then the breakdown is by reason', () => {
		const totals = computeClaimTotals([
			{ ...labour, approved_amount: '200.00', rejection_reason: 'over_quote' },
			{ ...travel, rejection_reason: 'over_scope' },
			{ ...pump, approved_amount: '0', rejection_reason: 'parts_not_returned' },
			{ id: 'P2', quantity: '1', unit_price: '10.00', approved_amount: '10' },
			{ id: 'L2', quantity: '1', unit_price: '50.00', approved_amount: '20.00', rejection_reason: 'over_quote' },
		]);
		expect(totals).toEqual({
			claimed: '1371.00',
			approved: '230.00',
			rejected: '1141.00',
			pending: '0.00',
			by_reason: { over_quote: '110.00', over_scope: '120.50', parts_not_returned: '910.50' },
			lines: [
				{ id: 'L1', state: 'partial', claimed: '280.00', approved: '200.00', rejected: '80.00', rejection_reason: 'over_quote' },
				{ id: 'T1', state: 'rejected', claimed: '120.50', approved: '0.00', rejected: '120.50', rejection_reason: 'over_scope' },
				{ id: 'P1', state: 'rejected', claimed: '910.50', approved: '0.00', rejected: '910.50', rejection_reason: 'parts_not_returned' },
				{ id: 'P2', state: 'approved', claimed: '10.00', approved: '10.00', rejected: '0.00', rejection_reason: null },
				{ id: 'L2', state: 'partial', claimed: '50.00', approved: '20.00', rejected: '30.00', rejection_reason: 'over_quote' },
			],
		});
	});

	test('WTY-7: when amounts would drift in floating point, then the decimal totals stay exact', () => {
		const lines = Array.from({ length: 3 }, (_, index) => ({ id: index, quantity: '1', unit_price: '0.10', approved_amount: '0.10' }));
		expect(computeClaimTotals(lines)).toMatchObject({ claimed: '0.30', approved: '0.30' });
	});

	test('WTY-7: when a fractional quantity is claimed, then the line is rounded half-up once', () => {
		expect(computeClaimTotals([{ id: 1, quantity: '0.333', unit_price: '33.33' }]).claimed).toBe('11.10');
	});

	test('WTY-7: when there are no lines, then all totals are zero', () => {
		expect(computeClaimTotals([])).toEqual({ claimed: '0.00', approved: '0.00', rejected: '0.00', pending: '0.00', by_reason: {}, lines: [] });
	});

	test.each<[string, ClaimTotalsLine, string, RegExp]>([
		['approved above claimed', { ...travel, approved_amount: '120.51' }, 'lines.0.approved_amount', /exceeds the claimed 120.50/],
		['partly approved without a reason', { ...travel, approved_amount: '100.00' }, 'lines.0.rejection_reason', /needs a reason code/],
		['fully approved with a reason', { ...travel, approved_amount: '120.50', rejection_reason: 'duplicate' }, 'lines.0.rejection_reason', /fully approved/],
		['an unknown reason', { ...travel, rejection_reason: 'whim' }, 'lines.0.rejection_reason', /unknown reason code whim/],
		['a negative approval', { ...travel, approved_amount: '-1.00' }, 'lines.0.approved_amount', /negative/],
		['a price with 3 decimals', { ...travel, unit_price: '1.005' }, 'lines.0.unit_price', /at most 2 decimals/],
		['a negative quantity', { ...travel, quantity: '-1' }, 'lines.0.quantity', /negative/],
	])('WTY-7: when a line has %s, then it is refused naming the field', (_label, line, field, message) => {
		expect(() => computeClaimTotals([line])).toThrow(message);
		expect(() => computeClaimTotals([line])).toThrow(expect.objectContaining({ field }));
	});
});

describe('ClaimLineSchema', () => {
	test.each([
		[{ id: 1, kind: 'labour', quantity: '2.5', unit_price: '80' }, true],
		[{ id: 'p', kind: 'part', part_no: 'HX-100', quantity: 2, unit_price: '12.00' }, true],
		[{ id: 'p', kind: 'part', quantity: 2, unit_price: '12.00' }, false],
		[{ id: 't', kind: 'travel', unit_price: '12.001' }, false],
		[{ id: 't', kind: 'travel', unit_price: '-1' }, false],
		[{ id: 't', kind: 'meals', unit_price: '1' }, false],
		[{ id: 't', kind: 'travel', unit_price: '1', rejection_reason: 'whim' }, false],
	])('WTY-7: when the line is %j, then acceptance is %s', (line, ok) => {
		expect(ClaimLineSchema.safeParse(line).success).toBe(ok);
	});

	test('WTY-7: when a quantity is omitted, then it defaults to one', () => {
		expect(ClaimLineSchema.parse({ id: 't', kind: 'travel', unit_price: '1' }).quantity).toBe('1');
	});
});
