// The stored codes a portal page must never show as they are (INT-5): statuses, entry types, old-part
// states. Matched as whole lowercase words, so a label such as "Submitted" or "On site" passes.
// The pack's own labels are taken out of the text first: an English label may hold a code as a
// plain word ("warranty card missing or late", WTY-7's card_late), and that is a label, not a code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REJECTION_REASONS } from '../extensions/after-sales/src/domain/claims';

type Texts = Record<string, { 'zh-CN'?: string; 'en-US'?: string }>;
const translations = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'snapshots', 'after-sales.json'), 'utf8')) as { translations: Texts }).translations;
const LABELS = [
	...Object.values(REJECTION_REASONS).flatMap((r) => [r.label_en, r.label_zh]),
	...Object.values(translations).flatMap((t) => [t['en-US'], t['zh-CN']]),
].filter((l): l is string => typeof l === 'string' && l.length > 0).sort((x, y) => y.length - x.length);

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
	let rest = text;
	for (const label of LABELS) if (rest.includes(label)) rest = rest.split(label).join(' · ');
	return RAW_CODES.filter((code) => new RegExp(`(^|[^A-Za-z_])${code}([^A-Za-z_]|$)`).test(rest));
}
