import { isLabelRef, isLocalMessage, isMessageList, type Language, type LabelRef, type LocalMessage, type MessageParam } from './local-message';
import { CATALOGS } from './catalogs';

/** Labels of pack fields, stored values and roles in one language; the adapter reads them from the snapshot. */
export type LabelResolver = { collection: (collection: string) => string | null; field: (collection: string, field: string) => string | null; value: (collection: string, field: string, value: string) => string | null };

const PLACEHOLDER = /\{([a-z_]+)\}/g;

function renderRef(language: Language, ref: LabelRef, labels: LabelResolver | null): string {
	// en-US keeps the machine names it has always shown (clients and tests match them); zh-CN shows labels.
	if (language === 'en-US' || !labels) return ref.value === undefined ? ref.field || ref.collection : String(ref.value ?? '');
	if (ref.field === '') return `“${labels.collection(ref.collection) ?? ref.collection}”`;
	if (ref.value === undefined) return `“${labels.field(ref.collection, ref.field) ?? ref.field}”`;
	const value = ref.value === null ? '' : String(ref.value);
	return `“${labels.value(ref.collection, ref.field, value) ?? value}”`;
}

function joinZh(parts: string[], word: string): string {
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join('、')}${word}${parts[parts.length - 1]}`;
}

function renderParam(language: Language, param: MessageParam, labels: LabelResolver | null): string {
	if (typeof param === 'string' || typeof param === 'number') return String(param);
	if (isLabelRef(param)) return renderRef(language, param, labels);
	if (isMessageList(param)) {
		const parts = param.items.map((item) => renderParam(language, item, labels));
		if (language === 'en-US') return parts.join(param.en ?? (param.join === 'or' ? ' or ' : param.join === 'and' ? ' and ' : ', '));
		return param.join === 'comma' ? parts.join('、') : joinZh(parts, param.join === 'or' ? '或' : '和');
	}
	if (isLocalMessage(param)) return renderMessage(language, param, labels);
	return String(param);
}

/** Fills a catalog entry; a key the catalog lacks renders as the key itself (the unit tests forbid that). */
export function renderMessage(language: Language, message: LocalMessage, labels: LabelResolver | null = null): string {
	const template = (CATALOGS[language] as Record<string, string>)[message.key] ?? message.key;
	return template.replace(PLACEHOLDER, (whole, name: string) => {
		const param = message.params?.[name];
		return param === undefined ? whole : renderParam(language, param, labels);
	});
}

/** The placeholders a template uses, for the catalog tests. */
export const placeholdersOf = (template: string) => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
