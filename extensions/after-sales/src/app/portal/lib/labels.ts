// What the portal shows for a stored code (a status, a type, an entry type, an old-part state): the
// pack's own translation of that choice, read from the shipped snapshot (the same texts the Studio
// shows), never a second copy. Only the `translations` block of the snapshot is bundled.
import { translations } from '../../../../../../snapshots/after-sales.json';

export type PortalLang = 'zh' | 'en';
type Texts = Record<string, { 'zh-CN'?: string; 'en-US'?: string } | undefined>;
const TEXTS = translations as Texts;

/** The label of `value` in `collection.field`, or null when the pack has no translation for it. */
export function valueLabel(collection: string, field: string, value: string | null | undefined, lang: PortalLang): string | null {
	if (value === null || value === undefined || value === '') return null;
	const entry = TEXTS[`as_${collection}_${field}_${value}`];
	return entry?.[lang === 'zh' ? 'zh-CN' : 'en-US'] ?? null;
}

/**
 * The label to show: the pack's translation, else the portal's own text for a key, else a dash —
 * never the raw code (a new choice without a translation shows as unknown, not as `reported`).
 */
export function showLabel(collection: string, field: string, value: string | null | undefined, lang: PortalLang, own?: (key: string) => string | null): string {
	const label = valueLabel(collection, field, value, lang);
	if (label) return label;
	const fallback = value ? own?.(value) : null;
	return fallback ?? (lang === 'zh' ? '未知' : 'Unknown');
}

export type BadgeTone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';
const TONES: Record<string, Record<string, BadgeTone>> = {
	'warranty_claims.status': { draft: 'neutral', submitted: 'info', audited: 'info', inspected: 'info', approved: 'good', settled: 'good', rejected: 'bad' },
	'service_requests.status': { new: 'warn', answered: 'info', reported: 'warn', dispatched: 'warn', scheduled: 'info', on_site: 'info', waiting_customer: 'warn', waiting_parts: 'warn', resolved: 'good', closed: 'neutral', cancelled: 'neutral' },
	'parts_returns.status': { open: 'warn', shipped: 'info', received: 'info', inspected: 'good', closed: 'neutral' },
	'units.warranty_status': { card_pending: 'warn', active: 'good', card_late: 'bad', expired: 'neutral' },
	'units.card_review': { pending: 'warn', confirmed: 'good', rejected: 'bad' },
	'repair_records.coverage': { warranty: 'good', paid: 'bad', contract: 'info', goodwill: 'info', dealer_expense: 'warn' },
	'repair_parts.old_part_status': { pending: 'warn', returned: 'info', reusable: 'good', scrap: 'neutral', missing: 'bad' },
	'dealer_ledger.entry_type': { warranty_credit: 'good', stock_return_credit: 'good', freight_charge: 'bad', restoration_charge: 'bad', adjustment: 'neutral', opening_balance: 'neutral' },
};

/** The colour of a status badge: an approved claim is good news, a rejected one bad. */
export function badgeTone(collection: string, field: string, value: string | null | undefined): BadgeTone {
	return (value && TONES[`${collection}.${field}`]?.[value]) || 'neutral';
}

/** Every value the portal can show for the fields it badges, for the tests: each must have both labels. */
export const BADGED_FIELDS = Object.fromEntries(Object.entries(TONES).map(([key, values]) => [key, Object.keys(values)]));

/**
 * A stored text written as `中文 / English` (ledger postings, job notices): each line in the portal's
 * language. What follows the English half — `: value`, ` #12`, ` (DLR-5)` — belongs to both halves.
 */
export function pickLanguage(text: string | null | undefined, lang: PortalLang): string {
	if (!text) return '';
	return text.split('\n').map((line) => pickLine(line, lang)).join('\n');
}

const CJK = /[\u4e00-\u9fff]/;
const TAIL = /(: .*|\s#\d+|\s\([A-Z]{2,4}-\d+(?:, [A-Z]{2,4}-\d+)*\))$/;

function pickLine(line: string, lang: PortalLang): string {
	const halves = line.split(' / ');
	if (halves.length !== 2) return line;
	const [zh, right] = halves as [string, string];
	const tail = TAIL.exec(right)?.[0] ?? '';
	const en = right.slice(0, right.length - tail.length);
	if (!CJK.test(zh) || CJK.test(en) || !en.trim()) return line;
	return lang === 'zh' ? `${zh}${zh.endsWith(tail) ? '' : tail}` : `${en}${tail}`;
}

/** A season's admin label written `春季 Spring` (the default seasons): the word in the portal's language. */
export function seasonLabel(text: string | null | undefined, lang: PortalLang): string {
	const m = /^([^\sA-Za-z]*[\u4e00-\u9fff][^\sA-Za-z]*)\s+([A-Za-z][A-Za-z\s-]*)$/.exec(text ?? '');
	if (!m) return text ?? '';
	return lang === 'zh' ? m[1]! : m[2]!;
}
