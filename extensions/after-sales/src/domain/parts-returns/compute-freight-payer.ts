import type { FreightPayer, StockReturnReason } from './stock-schemas';

/**
 * DLR-5 (003 (二)9): a quality defect goes back at the company's cost; a product the dealer took
 * apart, or stock that did not sell, at the dealer's (the disassembled one also pays restoration).
 */
export function computeFreightPayer(reason: StockReturnReason): FreightPayer {
	return reason === 'quality_defect' ? 'company' : 'dealer';
}
