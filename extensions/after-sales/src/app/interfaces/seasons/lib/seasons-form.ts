// WTY-11, DLR-3, FUP-5: month-day season lists as rows — busy seasons (name, regions, categories),
// sales seasons (key, label) and key-account visit windows (season) — read from and written back to
// the JSON each field stores, in the same shape. Pure, so the unit tests drive every edit.
import type { Locale } from '../../../panels/lib/i18n';
import type { SettingKey } from '../../lib/setting-checks';

export type SeasonKind = 'busy' | 'sales' | 'visit';
/** `choices`: values ticked from a pack field's choices (`source`), stored as a list like `list`. */
export type Column = { key: string; type: 'text' | 'month_day' | 'list' | 'choices'; optional?: boolean; label: Record<Locale, string>; placeholder?: string; source?: [collection: string, field: string] };
export type Row = Record<string, string | string[]>;

const FROM: Column = { key: 'from', type: 'month_day', label: { zh: '开始（月-日）', en: 'From (MM-DD)' }, placeholder: 'MM-DD' };
const TO: Column = { key: 'to', type: 'month_day', label: { zh: '结束（月-日）', en: 'To (MM-DD)' }, placeholder: 'MM-DD' };

export const SEASON_KINDS: Record<SeasonKind, { setting: SettingKey; rule: string; columns: Column[]; blank: () => Row; hint: Record<Locale, string> }> = {
	busy: {
		setting: 'busy_seasons', rule: 'WTY-11',
		columns: [
			{ key: 'name', type: 'text', label: { zh: '名称', en: 'Name' }, placeholder: '夏收' },
			{ key: 'regions', type: 'list', label: { zh: '地区（逗号分隔，空＝全部）', en: 'Regions (comma-separated, empty = all)' }, placeholder: '山东, 河南' },
			{ key: 'categories', type: 'choices', source: ['products', 'category'], label: { zh: '产品品类（不选＝全部）', en: 'Product categories (none = all)' } },
			FROM, TO,
		],
		blank: () => ({ name: '', regions: [], categories: [], from: '', to: '' }),
		hint: { zh: 'WTY-11：农忙期内的三包修理按农忙时限处理；结束早于开始表示跨年', en: 'WTY-11: warranty repairs in a busy season get the busy-season deadline; an end before the start runs over the new year' },
	},
	sales: {
		setting: 'sales_seasons', rule: 'DLR-3',
		columns: [
			{ key: 'key', type: 'text', label: { zh: '代码', en: 'Key' }, placeholder: 'spring' },
			{ key: 'label', type: 'text', optional: true, label: { zh: '名称', en: 'Label' }, placeholder: '春季' },
			FROM, TO,
		],
		blank: () => ({ key: '', label: '', from: '', to: '' }),
		hint: { zh: 'DLR-3、DLR-5：至少一个季节，代码不重复，季节之间不重叠', en: 'DLR-3, DLR-5: at least one season, keys unique, seasons not overlapping' },
	},
	visit: {
		setting: 'key_account_visit_windows', rule: 'FUP-5',
		columns: [{ key: 'season', type: 'text', label: { zh: '季节代码', en: 'Season key' }, placeholder: 'spring' }, FROM, TO],
		blank: () => ({ season: '', from: '', to: '' }),
		hint: { zh: 'FUP-5：每季走访一次重点客户；窗口不跨年', en: 'FUP-5: key accounts are visited once per window; a window does not cross the year end' },
	},
};

export const isSeasonKind = (kind: unknown): kind is SeasonKind => typeof kind === 'string' && kind in SEASON_KINDS;

/** Splits 山东，河南、河北 or a, b into its parts (ASCII and CJK commas). */
export const splitList = (text: string) => text.split(/[,，、;；]/).map((part) => part.trim()).filter(Boolean);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored list as rows; a key a row has beyond the columns is kept (the check then names it). */
export function readSeasons(kind: SeasonKind, value: unknown): Row[] {
	if (!Array.isArray(value)) return [];
	const { columns } = SEASON_KINDS[kind];
	return value.map((item) => {
		const row: Row = {};
		const source = isRecord(item) ? item : {};
		for (const [key, v] of Object.entries(source)) row[key] = Array.isArray(v) ? v.map(String) : v === null || v === undefined ? '' : String(v);
		for (const column of columns) row[column.key] ??= column.type === 'list' || column.type === 'choices' ? [] : '';
		return row;
	});
}

/** The rows as the JSON the field stores: an optional column left empty is left out. */
export function writeSeasons(kind: SeasonKind, rows: readonly Row[]): Record<string, unknown>[] {
	const { columns } = SEASON_KINDS[kind];
	return rows.map((row) => {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(row)) {
			const column = columns.find((c) => c.key === key);
			if (column?.optional && (v === '' || (Array.isArray(v) && v.length === 0))) continue;
			out[key] = column?.type === 'text' || column?.type === 'month_day' ? String(v).trim() : v;
		}
		return out;
	});
}

/** Ticks or unticks a value of a `choices` column (kept in the order ticked). */
export function toggleChoice(row: Row, key: string, value: string, on: boolean): string[] {
	const current = Array.isArray(row[key]) ? (row[key] as string[]) : [];
	return on ? (current.includes(value) ? [...current] : [...current, value]) : current.filter((v) => v !== value);
}
