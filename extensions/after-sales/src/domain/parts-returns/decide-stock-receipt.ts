import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { formatMoney, parseMoney } from '../money';
import { computeFreightPayer } from './compute-freight-payer';
import type { StockReturnReason } from './stock-schemas';

export interface StockReceiptFacts {
	id: number;
	dealer: number;
	reason: StockReturnReason;
	stock_value: string;
	/** As entered by the factory on receipt; null when not entered. */
	freight_amount: string | null;
	restoration_amount: string | null;
	maxLineFen: bigint;
	now: Date;
	user: string | null;
}

export interface StockLedgerEntry {
	dealer: number;
	parts_return: number;
	entry_type: 'stock_return_credit' | 'freight_charge' | 'restoration_charge';
	/** Positive reduces the dealer's receivables (WTY-8 convention). */
	amount: string;
	idempotency_key: string;
	posted_at: string;
	posted_by: string | null;
	note: string;
}

const amount = (value: string | null, field: string, maxLineFen: bigint): bigint => {
	if (value === null || value === '') return 0n;
	const fen = parseMoney(value, field);
	if (fen < 0n) throw new DomainRuleError('INT-4', field, msg('stock_return.negative'));
	if (fen > maxLineFen) throw new DomainRuleError('INT-4', field, msg('stock_return.too_large', { value: formatMoney(fen), max: formatMoney(maxLineFen) }));
	return fen;
};

/**
 * DLR-5: what receiving a stock return posts to the dealer's ledger, each entry once by its key:
 * the accepted stock value as a credit; the freight as a charge when the dealer pays it (not for a
 * quality defect); the restoration labour as a charge for a product the dealer disassembled.
 */
export function decideStockReceipt(facts: StockReceiptFacts): StockLedgerEntry[] {
	const freight = amount(facts.freight_amount, 'freight_amount', facts.maxLineFen);
	const restoration = amount(facts.restoration_amount, 'restoration_amount', facts.maxLineFen);
	if (restoration > 0n && facts.reason !== 'disassembled') throw new DomainRuleError('DLR-5', 'restoration_amount', msg('stock_return.restoration_only_disassembled'));
	if (facts.reason === 'disassembled' && (facts.restoration_amount === null || facts.restoration_amount === '')) throw new DomainRuleError('DLR-5', 'restoration_amount', msg('stock_return.restoration_needed'));
	const payer = computeFreightPayer(facts.reason);
	if (payer === 'dealer' && (facts.freight_amount === null || facts.freight_amount === '')) throw new DomainRuleError('DLR-5', 'freight_amount', msg('stock_return.freight_needed'));
	const base = { dealer: facts.dealer, parts_return: facts.id, posted_at: facts.now.toISOString(), posted_by: facts.user };
	const entries: StockLedgerEntry[] = [];
	const value = parseMoney(facts.stock_value, 'stock_value');
	if (value > 0n) entries.push({ ...base, entry_type: 'stock_return_credit', amount: formatMoney(value), idempotency_key: `stock-return:${facts.id}:credit`, note: `库存退货 #${facts.id} 入库 / stock return #${facts.id} received (DLR-5)` });
	if (payer === 'dealer' && freight > 0n) entries.push({ ...base, entry_type: 'freight_charge', amount: formatMoney(-freight), idempotency_key: `stock-return:${facts.id}:freight`, note: `库存退货 #${facts.id} 运费由经销商承担 / freight of stock return #${facts.id}, paid by the dealer (DLR-5)` });
	if (restoration > 0n) entries.push({ ...base, entry_type: 'restoration_charge', amount: formatMoney(-restoration), idempotency_key: `stock-return:${facts.id}:restoration`, note: `库存退货 #${facts.id} 修复工时费 / restoration of disassembled stock #${facts.id} (DLR-5)` });
	return entries;
}
