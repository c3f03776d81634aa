// The labels refusals name fields, values and roles by: read from the shipped snapshot (field and
// collection translations, `$t:` choice texts) and the role table, never written a second time.
import { PACK_SNAPSHOT } from '../install/apply-schema';
import { ROLES } from '../install/roles';
import type { Language, LabelResolver } from '../../domain/messages';

type Translation = { language: string; translation: string };
type FieldMeta = { translations?: Translation[] | null; options?: { choices?: { text: string; value: unknown }[] } | null; validation_message?: string | null };

const pick = (translations: Translation[] | null | undefined, language: Language) => translations?.find((t) => t.language === language)?.translation ?? null;

const FIELDS = new Map<string, FieldMeta>();
const FIELDS_BY_NAME = new Map<string, FieldMeta>();
for (const item of PACK_SNAPSHOT.fields) {
	const meta = (item.meta ?? {}) as FieldMeta;
	FIELDS.set(`${item.collection}.${item.field}`, meta);
	// A bare field name (no collection known) takes the first pack field of that name.
	if (!FIELDS_BY_NAME.has(item.field!)) FIELDS_BY_NAME.set(item.field!, meta);
}
const COLLECTIONS = new Map(PACK_SNAPSHOT.collections.map((c) => [c.collection, ((c.meta ?? {}) as { translations?: Translation[] }).translations ?? null]));

/** A field given as `lines.0.approved_amount` or `filter.status` is labelled by its last name. */
const leaf = (field: string) => field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;

function fieldMeta(collection: string | null, field: string): FieldMeta | null {
	const name = leaf(field);
	return (collection ? FIELDS.get(`${collection}.${name}`) : undefined) ?? FIELDS_BY_NAME.get(name) ?? null;
}

/** The label of a field of a pack collection (or of any pack field of that name when the collection is unknown). */
export function fieldLabel(collection: string | null, field: string, language: Language): string | null {
	return pick(fieldMeta(collection, field)?.translations, language);
}

/** The field's validation message (a `$t:` translation in the snapshot), for Directus's own FAILED_VALIDATION. */
export function validationText(collection: string, field: string, language: Language): string | null {
	const message = FIELDS.get(`${collection}.${field}`)?.validation_message;
	if (!message) return null;
	return message.startsWith('$t:') ? (PACK_SNAPSHOT.translations[message.slice(3)]?.[language] ?? null) : message;
}

export function valueLabel(collection: string, field: string, value: string, language: Language): string | null {
	if (collection === 'directus_roles') {
		const role = ROLES.find((r) => r.key === value);
		return role ? (language === 'zh-CN' ? role.name_zh : role.name) : null;
	}
	const direct = PACK_SNAPSHOT.translations[`as_${collection}_${leaf(field)}_${value}`]?.[language];
	if (direct) return direct;
	const choice = fieldMeta(collection, field)?.options?.choices?.find((c) => String(c.value) === value);
	if (!choice) return null;
	const key = choice.text.startsWith('$t:') ? choice.text.slice(3) : null;
	return key ? (PACK_SNAPSHOT.translations[key]?.[language] ?? null) : choice.text;
}

export function labelsIn(language: Language): LabelResolver {
	return {
		collection: (collection) => pick(COLLECTIONS.get(collection), language),
		field: (collection, field) => fieldLabel(collection, field, language),
		value: (collection, field, value) => valueLabel(collection, field, value, language),
	};
}
