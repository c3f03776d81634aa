import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeFreightPayer, decideStockReceipt, decideStockReturn, isCountedAsSold, StockReturnInputSchema, type StockReturnReason } from '.';
import { DomainRuleError } from '../errors';
import { DEFAULT_SALES_SEASONS } from '../seasons';

const facts = { seasons: DEFAULT_SALES_SEASONS, today: '2026-12-10', maxLineFen: 1_000_000_000n };
const line = (over: Record<string, unknown> = {}) => ({ part_no: 'YB-25', quantity: '2', unit_value: '1250.50', shipped_to_dealer_on: '2026-08-01', ...over });
const parse = (over: Record<string, unknown> = {}) => StockReturnInputSchema.parse({ return_reason: 'unsaleable', lines: [line()], ...over });
const refusal = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		return error as DomainRuleError;
	}
	return null;
};

describe('stock returns (DLR-5)', () => {
	test.each([
		['quality_defect', 'company'],
		['disassembled', 'dealer'],
		['unsaleable', 'dealer'],
	] as const)('DLR-5: when stock goes back for %s, then the freight is paid by the %s', (reason, payer) => {
		expect(computeFreightPayer(reason)).toBe(payer);
	});

	test('DLR-5: when a dealer files a stock return, then each line is valued and the return’s value is their exact sum', () => {
		const row = decideStockReturn(parse({ lines: [line(), line({ part_no: undefined, model: '4LZ-6', serial: 'H2026-001', quantity: 1, unit_value: '86000', shipped_to_dealer_on: '2026-07-01' })] }), facts);
		expect(row).toMatchObject({ kind: 'stock', return_reason: 'unsaleable', freight_payer: 'dealer', stock_value: '88501.00' });
		expect(row.stock_lines.map((l) => l.line_value)).toEqual(['2501.00', '86000.00']);
	});

	test.each([
		['shipped before two whole seasons (spring and autumn 2026)', '2026-01-15', 'DLR-5'],
		['shipped in the future', '2026-12-11', 'INT-2'],
	])('DLR-5: when a line was %s, then it is refused naming lines.1.shipped_to_dealer_on', (_l, shipped, rule) => {
		const error = refusal(() => decideStockReturn(parse({ lines: [line(), line({ shipped_to_dealer_on: shipped })] }), facts));
		expect(error).toBeInstanceOf(DomainRuleError);
		expect(error).toMatchObject({ rule, field: 'lines.1.shipped_to_dealer_on' });
	});

	test.each([
		['2026-02-28', '2026-12-01', true],
		['2026-03-01', '2026-12-01', false],
		['2026-03-01', '2027-06-01', true],
		['2026-06-15', '2027-05-31', false],
	])('DLR-5: when stock shipped on %s is returned on %s, then it counts as sold: %s', (shipped, today, sold) => {
		expect(isCountedAsSold(DEFAULT_SALES_SEASONS, shipped, today)).toBe(sold);
	});

	test('DLR-5: when a line is worth more than the per-amount maximum, then it is refused (INT-4)', () => {
		expect(refusal(() => decideStockReturn(parse({ lines: [line({ quantity: '1000', unit_value: '20000' })] }), facts))).toMatchObject({ rule: 'INT-4', field: 'lines.0.unit_value' });
	});

	const receipt = (reason: StockReturnReason, freight: string | null, restoration: string | null) =>
		decideStockReceipt({ id: 9, dealer: 3, reason, stock_value: '2501.00', freight_amount: freight, restoration_amount: restoration, maxLineFen: facts.maxLineFen, now: new Date('2026-12-10T02:00:00Z'), user: 'u' });

	test.each([
		['quality_defect', '300.00', null, [['stock_return_credit', '2501.00', 'stock-return:9:credit']]],
		['unsaleable', '300.00', null, [['stock_return_credit', '2501.00', 'stock-return:9:credit'], ['freight_charge', '-300.00', 'stock-return:9:freight']]],
		['disassembled', '300.00', '120.50', [['stock_return_credit', '2501.00', 'stock-return:9:credit'], ['freight_charge', '-300.00', 'stock-return:9:freight'], ['restoration_charge', '-120.50', 'stock-return:9:restoration']]],
		['unsaleable', '0', null, [['stock_return_credit', '2501.00', 'stock-return:9:credit']]],
	] as const)('DLR-5: when a %s return is received (freight %s, restoration %s), then the ledger entries follow the freight rule', (reason, freight, restoration, expected) => {
		expect(receipt(reason, freight, restoration).map((e) => [e.entry_type, e.amount, e.idempotency_key])).toEqual(expected);
	});

	test.each([
		['unsaleable', null, null, 'freight_amount'],
		['disassembled', '10', null, 'restoration_amount'],
		['quality_defect', null, '50', 'restoration_amount'],
		['unsaleable', '-5', null, 'freight_amount'],
	] as const)('DLR-5: when a %s return is received with freight %s and restoration %s, then it is refused naming %s', (reason, freight, restoration, field) => {
		expect(refusal(() => receipt(reason, freight, restoration))).toMatchObject({ field });
	});

	test('DLR-5: for any amounts, the dealer’s net on receipt is the stock value less what the dealer pays, never charging freight on a quality defect', () => {
		const fen = fc.bigInt({ min: 0n, max: 10_000_000n }).map((v) => (Number(v) / 100).toFixed(2));
		fc.assert(fc.property(fc.constantFrom<StockReturnReason>('quality_defect', 'disassembled', 'unsaleable'), fen, fen, (reason, freight, restoration) => {
			const entries = receipt(reason, freight, reason === 'disassembled' ? restoration : null);
			const net = entries.reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), 0);
			const paid = (computeFreightPayer(reason) === 'dealer' ? Math.round(Number(freight) * 100) : 0) + (reason === 'disassembled' ? Math.round(Number(restoration) * 100) : 0);
			expect(net).toBe(250_100 - paid);
			expect(new Set(entries.map((e) => e.idempotency_key)).size).toBe(entries.length);
			if (reason === 'quality_defect') expect(entries.every((e) => e.entry_type === 'stock_return_credit')).toBe(true);
		}));
	});
});
