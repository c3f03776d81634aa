// The pack's workflows store each history step's summary as a short English phrase ending with
// its rule ("received → contacted (CMP-3)", "scheduled for … (DLR-2)"): written once, read by
// people of either language for years. The timeline reads those phrases in the reader's language;
// anything else (a person's note, an older pack's wording) is shown as it was written.
import type { Locale } from '../../../panels/lib/i18n';

export type SummaryContext = {
	locale: Locale;
	/** value → label of the collection's status choices. */
	statusLabels: Readonly<Record<string, string>>;
	/** field → label of the collection's fields (archive entries list the fields they changed). */
	fieldLabels: Readonly<Record<string, string>>;
	/** An instant as the reader writes it (the calendar's zone). */
	formatInstant: (at: Date) => string;
};

type Phrase = { zh: (m: RegExpExecArray, ctx: SummaryContext) => string; en: (m: RegExpExecArray, ctx: SummaryContext) => string };

const rule = (id: string, locale: Locale) => (locale === 'zh' ? `（${id}）` : ` (${id})`);
const status = (value: string, ctx: SummaryContext) => ctx.statusLabels[value] ?? value;
const when = (text: string, ctx: SummaryContext) => {
	const at = new Date(text);
	return Number.isNaN(at.getTime()) ? text : ctx.formatInstant(at);
};

/** The fixed phrases, by the text the workflows write before " (RULE)". */
const FIXED: Record<string, { zh: string; en: string }> = {
	received: { zh: '登记投诉', en: 'Complaint registered' },
	note: { zh: '备注', en: 'Note' },
	'assigned to a technician': { zh: '已派给技术员', en: 'Assigned to a technician' },
	'technician removed': { zh: '撤下技术员', en: 'Technician removed' },
	'task sent to a dealer': { zh: '任务已转给经销商', en: 'Task sent to a dealer' },
	'dealer removed': { zh: '撤下经销商', en: 'Dealer removed' },
	'clerk check: in hand': { zh: '内勤核查：经销商已在处理', en: 'Clerk check: in hand' },
	'created from an inbound request': { zh: '由来电或报修自动建档', en: 'Created from an inbound request' },
};

const PATTERNS: Array<[RegExp, Phrase]> = [
	// CMP-3, REQ-2, REQ-3: a step of the workflow; the row shows from → to already.
	[/^([a-z_]+) → ([a-z_]+)$/, { zh: () => '状态变更', en: () => 'Status change' }],
	// ESC-2: the handling level raised.
	[/^L(\d) → L(\d)$/, { zh: (m) => `处理级别 L${m[1]} → L${m[2]}`, en: (m) => `Handling level L${m[1]} → L${m[2]}` }],
	// REQ-1: how a request was registered.
	[/^registered as ([a-z_]+)$/, { zh: (m, c) => `登记为“${status(m[1]!, c)}”`, en: (m, c) => `Registered as “${status(m[1]!, c)}”` }],
	// DLR-2: the dealer's appointment.
	[/^scheduled for (\S+)$/, { zh: (m, c) => `已安排上门：${when(m[1]!, c)}`, en: (m, c) => `Visit scheduled for ${when(m[1]!, c)}` }],
	[/^clerk check: not in hand, escalated to leadership; responsible: (.+)$/s, {
		zh: (m) => `内勤核查：经销商未在处理，已报公司领导；责任人：${m[1]}`,
		en: (m) => `Clerk check: not in hand, escalated to leadership; responsible: ${m[1]}`,
	}],
];

/** `summary` in the reader's language when it is one of the workflows' phrases; otherwise as stored. */
export function describeSummary(summary: string, ctx: SummaryContext): string {
	// "<phrase> (RULE)" optionally followed by ": <a person's note>" (DLR-2 scheduling).
	const m = /^(.*?) \(([A-Z]{2,4}-\d+)\)(?:: ([\s\S]*))?$/.exec(summary);
	if (m) {
		const [, phrase, id, note] = m as unknown as [string, string, string, string | undefined];
		const tail = note ? (ctx.locale === 'zh' ? `：${note}` : `: ${note}`) : '';
		const fixed = FIXED[phrase];
		if (fixed) return `${fixed[ctx.locale]}${rule(id, ctx.locale)}${tail}`;
		for (const [pattern, phrases] of PATTERNS) {
			const match = pattern.exec(phrase);
			if (match) return `${phrases[ctx.locale](match, ctx)}${rule(id, ctx.locale)}${tail}`;
		}
		return summary;
	}
	// ARC-3: an archive entry's summary is the list of fields it changed.
	const fields = summary.split(', ');
	if (fields.length > 0 && fields.every((f) => Object.hasOwn(ctx.fieldLabels, f))) return fields.map((f) => ctx.fieldLabels[f]).join(ctx.locale === 'zh' ? '、' : ', ');
	return summary;
}
