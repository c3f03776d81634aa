// The stored codes a portal page must never show as they are (INT-5): statuses, entry types, old-part
// states. Matched as whole lowercase words, so a label such as "Submitted" or "On site" passes.
export const RAW_CODES = [
	'new', 'answered', 'reported', 'dispatched', 'scheduled', 'on_site', 'waiting_customer', 'waiting_parts', 'resolved', 'cancelled',
	'draft', 'submitted', 'audited', 'inspected', 'approved', 'settled', 'rejected',
	'pending', 'reusable', 'scrap', 'missing', 'old_parts',
	'warranty_credit', 'stock_return_credit', 'freight_charge', 'restoration_charge', 'opening_balance', 'adjustment',
	'card_pending', 'card_late', 'dealer_expense', 'dealer_scheduled', 'clerk_check', 'promised_at',
	'quality_defect', 'disassembled', 'unsaleable', 'parts_not_returned', 'over_quote',
];

/** The raw codes found in a page's text (empty when the page shows only labels). */
export function rawCodesIn(text: string): string[] {
	return RAW_CODES.filter((code) => new RegExp(`(^|[^A-Za-z_])${code}([^A-Za-z_]|$)`).test(text));
}
