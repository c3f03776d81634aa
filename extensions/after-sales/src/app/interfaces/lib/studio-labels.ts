// The labels a refusal names fields by, from the Studio's fields store (already in the user's
// language), looked up as the server does: the leaf of `lines.0.from` in the collection, else the
// first pack field of that name.
import { useStores } from '@directus/extensions-sdk';
import type { LabelResolver, Language } from '../../../domain/messages';
import { useStudioLocale } from '../../lib/studio-language';

type StoreField = { collection: string; field: string; name?: string | null };
type FieldsStore = { getField: (collection: string, field: string) => StoreField | null | undefined; fields?: StoreField[] };
type CollectionsStore = { getCollection: (collection: string) => { name?: string | null } | null | undefined };

const leaf = (field: string) => field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;

export function labelsFrom(fields: FieldsStore | null, collections: CollectionsStore | null): LabelResolver {
	return {
		collection: (collection) => collections?.getCollection(collection)?.name ?? null,
		field: (collection, field) => {
			const name = leaf(field);
			const own = fields?.getField(collection, name);
			if (own?.name) return own.name;
			return fields?.fields?.find((f) => f.field === name && f.name && !f.collection.startsWith('directus_'))?.name ?? null;
		},
		value: () => null,
	};
}

/** The user's language (zh-CN / en-US) and the labels, for describeRefusal. */
export function useRefusalLanguage(): { language: Language; labels: LabelResolver | null } {
	const language: Language = useStudioLocale() === 'zh' ? 'zh-CN' : 'en-US';
	try {
		const stores = useStores();
		return { language, labels: labelsFrom(stores.useFieldsStore() as unknown as FieldsStore, stores.useCollectionsStore() as unknown as CollectionsStore) };
	} catch {
		return { language, labels: null };
	}
}
