// Pure shaping of a record's `history` JSON (ARC-3, CMP-3, WTY-7 …) into the rows of a read-only
// timeline: when, who, from → to as status labels, summary. Whatever is stored is tolerated: a
// string of JSON, entries that are not objects, missing or impossible instants, unknown users.
import type { Locale } from '../../../panels/lib/i18n';
import { describeSummary } from './summaries';

export type { Locale };

export type User = { id: string; first_name?: string | null; last_name?: string | null; email?: string | null };
export type Choice = { text?: unknown; value?: unknown };

export type TimelineRow = {
	key: string;
	/** The instant as stored (ISO), for a tooltip; null when it is missing or unreadable. */
	at: string | null;
	when: string;
	who: string;
	from: string | null;
	to: string | null;
	summary: string | null;
	changes: Array<{ field: string; from: string; to: string }>;
	malformed: boolean;
};

export const MESSAGES = {
	zh: { empty: '暂无记录', system: '系统', unknownTime: '时间不详', malformed: '无法读取的记录', unknownUser: '未知用户', loading: '加载中…', unreadable: '记录格式无法读取' },
	en: { empty: 'No history yet', system: 'System', unknownTime: 'Unknown time', malformed: 'Unreadable entry', unknownUser: 'Unknown user', loading: 'Loading…', unreadable: 'The history cannot be read' },
} satisfies Record<Locale, Record<string, string>>;

export type TimelineMessages = (typeof MESSAGES)['zh'];

/** The stored value as a list of entries; `readable` is false when it is neither a list nor empty. */
export function parseHistory(value: unknown): { entries: unknown[]; readable: boolean } {
	if (value === null || value === undefined || value === '') return { entries: [], readable: true };
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return { entries: [], readable: false };
		}
	}
	if (parsed === null) return { entries: [], readable: true };
	return Array.isArray(parsed) ? { entries: parsed, readable: true } : { entries: [], readable: false };
}

/** Ids of the users named in `by`, once each, for one request to /users. */
export function collectUserIds(entries: readonly unknown[]): string[] {
	const ids = new Set<string>();
	for (const entry of entries) {
		const by = isRecord(entry) ? entry['by'] : null;
		if (typeof by === 'string' && by.length > 0) ids.add(by);
	}
	return [...ids];
}

/** A user's name as people write it: family name first in Chinese, given name first in English. */
export function computeUserName(user: User | undefined, locale: Locale): string | null {
	if (!user) return null;
	const first = (user.first_name ?? '').trim();
	const last = (user.last_name ?? '').trim();
	if (!first && !last) return user.email ?? null;
	// A Chinese name is written family name first and together (王建国) whatever the reader's language.
	if (CJK.test(first + last)) return `${last}${first}`;
	return (locale === 'zh' ? [last, first] : [first, last]).filter(Boolean).join(' ');
}

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/** value → label of a status field's choices (already translated by the Studio's fields store). */
export function computeStatusLabels(choices: unknown): Record<string, string> {
	if (!Array.isArray(choices)) return {};
	const labels: Record<string, string> = {};
	for (const choice of choices as Choice[]) {
		if (!isRecord(choice) || (typeof choice.value !== 'string' && typeof choice.value !== 'number')) continue;
		const value = String(choice.value);
		// An untranslated `$t:` key is no label: the value itself reads better.
		labels[value] = typeof choice.text === 'string' && choice.text.length > 0 && !choice.text.startsWith('$t:') ? choice.text : value;
	}
	return labels;
}

/** CAL-3: the calendar's time zone (service_settings.calendar.timezone, else default_timezone), if valid. */
export function computeCalendarTimeZone(settings: unknown): string | null {
	if (!isRecord(settings)) return null;
	let calendar: unknown = settings['calendar'];
	if (typeof calendar === 'string') {
		try {
			calendar = JSON.parse(calendar);
		} catch {
			calendar = null;
		}
	}
	const candidates = [isRecord(calendar) ? calendar['timezone'] : null, settings['default_timezone']];
	return candidates.find((zone): zone is string => typeof zone === 'string' && isValidTimeZone(zone)) ?? null;
}

/** An instant as a reader of `locale` writes it, in `timeZone` (the reader's own when null). */
export function formatInstant(at: Date, locale: Locale, timeZone: string | null): string {
	const options: Intl.DateTimeFormatOptions = {
		year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
		...(timeZone && isValidTimeZone(timeZone) ? { timeZone } : {}),
	};
	return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-US', options).format(at);
}

export type TimelineContext = {
	locale: Locale;
	timeZone: string | null;
	users: ReadonlyMap<string, User>;
	statusLabels: Readonly<Record<string, string>>;
	/** field → label (translated by the Studio's fields store), for archive changes and summaries. */
	fieldLabels?: Readonly<Record<string, string>>;
	/** The users are still being read: a name not yet known is "loading", not "unknown". */
	loadingUsers?: boolean;
	t: TimelineMessages;
};

/** The rows of the timeline, newest first (entries without a readable instant keep their place at the end). */
export function buildTimeline(entries: readonly unknown[], ctx: TimelineContext): TimelineRow[] {
	const rows = entries.map((entry, index) => buildRow(entry, index, ctx));
	const order = rows.map((row, index) => ({ row, index, time: row.at ? Date.parse(row.at) : Number.NaN }));
	order.sort((a, b) => {
		const aKnown = !Number.isNaN(a.time);
		const bKnown = !Number.isNaN(b.time);
		if (aKnown && bKnown && a.time !== b.time) return b.time - a.time;
		if (aKnown !== bKnown) return aKnown ? -1 : 1;
		return b.index - a.index;
	});
	return order.map((o) => o.row);
}

function buildRow(entry: unknown, index: number, ctx: TimelineContext): TimelineRow {
	const key = `h${index}`;
	if (!isRecord(entry)) {
		return { key, at: null, when: ctx.t.unknownTime, who: ctx.t.unknownUser, from: null, to: null, summary: ctx.t.malformed, changes: [], malformed: true };
	}
	const instant = readInstant(entry['at']);
	const by = entry['by'];
	const who = by === null || by === undefined || by === ''
		? ctx.t.system
		: typeof by === 'string' ? computeUserName(ctx.users.get(by), ctx.locale) ?? (ctx.loadingUsers ? ctx.t.loading : ctx.t.unknownUser) : ctx.t.unknownUser;
	const label = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? ctx.statusLabels[String(value)] ?? String(value) : null);
	const fieldLabels = ctx.fieldLabels ?? {};
	const stored = typeof entry['summary'] === 'string'
		? describeSummary(entry['summary'], { locale: ctx.locale, statusLabels: ctx.statusLabels, fieldLabels, formatInstant: (at) => formatInstant(at, ctx.locale, ctx.timeZone) })
		: null;
	const summary = [stored, entry['note']].filter((s): s is string => typeof s === 'string' && s.trim().length > 0).join(' · ');
	return {
		key,
		at: instant ? instant.toISOString() : null,
		when: instant ? formatInstant(instant, ctx.locale, ctx.timeZone) : ctx.t.unknownTime,
		who,
		from: label(entry['from']),
		to: label(entry['to']),
		summary: summary || null,
		changes: readChanges(entry['changes']).map((c) => ({ ...c, field: fieldLabels[c.field] ?? c.field })),
		malformed: false,
	};
}

/** ARC-3: an archive entry lists each changed field with its value before and after. */
function readChanges(changes: unknown): TimelineRow['changes'] {
	if (!isRecord(changes)) return [];
	return Object.entries(changes).flatMap(([field, change]) =>
		isRecord(change) ? [{ field, from: showValue(change['from']), to: showValue(change['to']) }] : [],
	);
}

const showValue = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

function readInstant(value: unknown): Date | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

function isValidTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
