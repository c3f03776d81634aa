// ESC-1: an SLA policy's condition as a builder — which keys apply to the policy's collection, where
// their choices come from (the pack's own fields, labels from the Studio), and the edits: a list key
// with nothing ticked is left out (an empty list would match nothing), a flag is any / yes / no.
import type { Locale } from '../../../panels/lib/i18n';

export type ListKey = 'severity' | 'category' | 'dealer_tier' | 'coverage' | 'fault_scope';
export type FlagKey = 'key_account' | 'is_dealer_task' | 'busy_season';
export type ConditionKey = ListKey | FlagKey;
export type Condition = Partial<Record<ListKey, string[]> & Record<FlagKey, boolean>> & Record<string, unknown>;

type Label = Record<Locale, string>;
export type KeySpec = { key: ConditionKey; kind: 'list' | 'flag'; label: Label; collections: string[]; source?: (collection: string) => [collection: string, field: string] | null };

const ALL = ['complaints', 'service_requests', 'repair_records', 'warranty_claims'];

export const CONDITION_KEYS: KeySpec[] = [
	{ key: 'severity', kind: 'list', label: { zh: '严重程度', en: 'Severity' }, collections: ['complaints'], source: () => ['complaints', 'severity'] },
	{
		key: 'category', kind: 'list', label: { zh: '类别', en: 'Category' }, collections: ['complaints', 'service_requests', 'repair_records'],
		// The facts read the complaint's category, the request's type and the repair's fault category (compute-sla-facts).
		source: (c) => (c === 'complaints' ? ['complaints', 'category'] : c === 'service_requests' ? ['service_requests', 'type'] : c === 'repair_records' ? ['repair_records', 'fault_category'] : null),
	},
	{ key: 'key_account', kind: 'flag', label: { zh: '重点客户', en: 'Key account' }, collections: ALL },
	{ key: 'dealer_tier', kind: 'list', label: { zh: '经销商等级', en: 'Dealer tier' }, collections: ALL, source: () => ['dealers', 'tier'] },
	{ key: 'is_dealer_task', kind: 'flag', label: { zh: '经销商任务', en: 'Dealer task' }, collections: ['service_requests'] },
	{ key: 'coverage', kind: 'list', label: { zh: '服务性质', en: 'Coverage' }, collections: ['repair_records'], source: () => ['repair_records', 'coverage'] },
	{ key: 'busy_season', kind: 'flag', label: { zh: '农忙期', en: 'Busy season' }, collections: ['repair_records'] },
	{ key: 'fault_scope', kind: 'list', label: { zh: '故障范围', en: 'Fault scope' }, collections: ['repair_records'], source: () => ['repair_records', 'fault_scope'] },
];

/** Values a dealer tier and a fault scope can take whatever the Studio knows (the schema's enums). */
export const FIXED_VALUES: Partial<Record<ListKey, string[]>> = { dealer_tier: ['A', 'B', 'C'], fault_scope: ['whole_machine', 'main_part', 'wear_part'] };

/** A deep copy of JSON data (also of the form's reactive draft, which structuredClone refuses). */
const cloneJson = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const readCondition = (value: unknown): Condition => (isRecord(value) ? cloneJson(value) as Condition : {});

/** The keys the form shows for a policy of `collection`: those that apply, and any already set. */
export const visibleKeys = (collection: string | null, condition: Condition) =>
	CONDITION_KEYS.filter((spec) => !collection || spec.collections.includes(collection) || condition[spec.key] !== undefined);

/** Ticks or unticks one value of a list key; the last one unticked removes the key (any value matches). */
export function toggleValue(condition: Condition, key: ListKey, value: string, on: boolean): Condition {
	const out = cloneJson(condition);
	const current = Array.isArray(out[key]) ? (out[key] as string[]) : [];
	const next = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
	if (next.length) out[key] = next;
	else delete out[key];
	return out;
}

/** A flag set to yes / no, or removed for any. */
export function setFlag(condition: Condition, key: FlagKey, value: 'any' | 'yes' | 'no'): Condition {
	const out = cloneJson(condition);
	if (value === 'any') delete out[key];
	else out[key] = value === 'yes';
	return out;
}

export const flagState = (condition: Condition, key: FlagKey): 'any' | 'yes' | 'no' => (condition[key] === true ? 'yes' : condition[key] === false ? 'no' : 'any');

/** The values to tick: the field's choices (labelled), the fixed ones, and any already in the condition. */
export function valueChoices(key: ListKey, choices: { value: string; text: string }[], condition: Condition): { value: string; text: string }[] {
	const out = [...choices];
	for (const value of [...(FIXED_VALUES[key] ?? []), ...(Array.isArray(condition[key]) ? (condition[key] as unknown[]).map(String) : [])]) {
		if (!out.some((c) => c.value === value)) out.push({ value, text: value });
	}
	return out;
}

/** One sentence of what the condition matches, for the reader. */
export function describeCondition(condition: Condition, locale: Locale, labelOf: (key: ConditionKey, value: string) => string): string {
	const parts: string[] = [];
	for (const spec of CONDITION_KEYS) {
		const v = condition[spec.key];
		if (v === undefined) continue;
		if (spec.kind === 'flag') parts.push(`${spec.label[locale]}${locale === 'zh' ? '：' : ': '}${v === true ? (locale === 'zh' ? '是' : 'yes') : locale === 'zh' ? '否' : 'no'}`);
		else if (Array.isArray(v)) parts.push(`${spec.label[locale]}${locale === 'zh' ? '：' : ': '}${v.map((x) => labelOf(spec.key, String(x))).join(locale === 'zh' ? '、' : ', ')}`);
	}
	if (!parts.length) return locale === 'zh' ? '适用于该对象的所有记录' : 'Applies to every record of the collection';
	return (locale === 'zh' ? '适用于：' : 'Applies when ') + parts.join(locale === 'zh' ? '；' : '; ');
}
