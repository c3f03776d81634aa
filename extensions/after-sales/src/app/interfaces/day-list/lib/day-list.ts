// WTY-6: the old-part return deadlines (MM-DD) and the reminder days before them (whole numbers) as
// lists of chips. The tags interface cannot hold numbers (it showed 未知错误 for [14,3]); this one
// keeps each list in the JSON type the rules read.
export type DayListKind = 'days' | 'month_days';

export const isDayListKind = (kind: unknown): kind is DayListKind => kind === 'days' || kind === 'month_days';

/** The stored list as the form shows it; anything not a list reads as empty. */
export function readDayList(value: unknown): (string | number)[] {
	return Array.isArray(value) ? value.map((v) => (typeof v === 'number' ? v : String(v))) : [];
}

/**
 * A typed entry added to the list: a number of days as a number (largest first, as reminders count
 * down), a month-day as text (in calendar order); a repeat is not added. Text the kind cannot take is
 * added as it is, so the check names it instead of the form dropping it.
 */
export function addDay(list: readonly (string | number)[], kind: DayListKind, text: string): (string | number)[] {
	const trimmed = text.trim();
	if (trimmed === '') return [...list];
	const entry: string | number = kind === 'days' && /^\d+$/.test(trimmed) ? Number(trimmed) : kind === 'month_days' ? normalizeMonthDay(trimmed) : trimmed;
	if (list.some((v) => v === entry)) return [...list];
	const next = [...list, entry];
	return kind === 'days'
		? next.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? b - a : String(a).localeCompare(String(b))))
		: next.sort((a, b) => String(a).localeCompare(String(b)));
}

/** 6-30, 6/30 or 06.30 → 06-30; anything else stays as typed. */
export function normalizeMonthDay(text: string): string {
	const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
	return m ? `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : text;
}

export const removeDay = (list: readonly (string | number)[], index: number) => list.filter((_, i) => i !== index);
