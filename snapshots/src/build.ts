// Emits snapshots/after-sales.json: a Directus *partial* schema snapshot (version 2) of the pack's
// own collections, plus the translations of every `$t:` key it uses (choices, notes, validation
// messages, option texts), which install writes to directus_translations. Run with `npm run snapshot`; a test checks that
// the committed file is what this produces.
import { COLLECTIONS, FOLDER, SYSTEM_FIELDS } from './definition.ts';
import { type FieldSpec, type Tr, collectionNoteKey, emitCollection, emitField, emitRelation } from './dsl.ts';
import { STUDIO_STRINGS, type StudioString, studioKey } from '../../extensions/after-sales/src/app/studio-strings.ts';

export function buildSnapshot() {
	const translations: Record<string, { 'zh-CN': string; 'en-US': string }> = {};
	const add = (key: string, text: Tr) => {
		// Directus escapes @ $ | in a custom translation but not braces: vue-i18n would read them as a placeholder.
		for (const value of [text.zh, text.en]) if (/[{}]/.test(value)) throw new Error(`${key}: braces in a translation (${value})`);
		const known = translations[key];
		if (known && (known['zh-CN'] !== text.zh || known['en-US'] !== text.en)) throw new Error(`${key}: one translation key for two texts`);
		translations[key] = { 'zh-CN': text.zh, 'en-US': text.en };
	};
	add(collectionNoteKey(FOLDER.collection), FOLDER.note);
	// The option and Flow overview texts of the pack's Studio extensions.
	for (const [key, text] of Object.entries(STUDIO_STRINGS)) add(studioKey(key as StudioString), text);
	const collections: unknown[] = [
		{
			collection: FOLDER.collection,
			meta: {
				collection: FOLDER.collection, icon: FOLDER.icon, note: `$t:${collectionNoteKey(FOLDER.collection)}`, display_template: null,
				hidden: false, singleton: false,
				translations: [
					{ language: 'zh-CN', translation: FOLDER.label.zh, singular: FOLDER.label.zh, plural: FOLDER.label.zh },
					{ language: 'en-US', translation: FOLDER.label.en, singular: FOLDER.label.en, plural: FOLDER.label.en },
				],
				archive_field: null, archive_app_filter: true, archive_value: null, unarchive_value: null, sort_field: null,
				accountability: 'all', color: '#E35169', item_duplication_fields: null, sort: 90, group: null, collapse: 'open',
				preview_url: null, versioning: false, status: 'active', autosave_revision_interval: null,
			},
		},
	];
	const fields: unknown[] = [];
	const relations: ReturnType<typeof emitRelation>[] = [];

	const addField = (collection: string, spec: FieldSpec, sort: number) => {
		fields.push(emitField(collection, spec, sort, add));
		if (spec.relation) relations.push(emitRelation(collection, spec));
	};

	for (const spec of COLLECTIONS) {
		collections.push(emitCollection(spec, FOLDER.collection, add));
		spec.fields.forEach((field, index) => addField(spec.collection, field, index + 1));
	}
	for (const { collection, spec } of SYSTEM_FIELDS) addField(collection, spec, 100);

	// An o2m alias is the `one_field` of the many side's relation.
	for (const spec of COLLECTIONS) {
		for (const field of spec.fields.filter((f) => f.o2m)) {
			const relation = relations.find((r) => r.collection === field.o2m!.collection && r.field === field.o2m!.field);
			if (!relation || relation.related_collection !== spec.collection) {
				throw new Error(`o2m ${spec.collection}.${field.field}: no relation ${field.o2m!.collection}.${field.o2m!.field} → ${spec.collection}`);
			}
			relation.meta.one_field = field.field;
		}
	}

	const sortBy = <T extends { collection: string; field?: string }>(items: T[]) =>
		[...items].sort((a, b) => a.collection.localeCompare(b.collection) || (a.field ?? '').localeCompare(b.field ?? ''));

	return {
		snapshot: {
			version: 2,
			directus: '12.4.0',
			vendor: 'sqlite',
			collections: sortBy(collections as { collection: string }[]),
			fields,
			systemFields: [],
			relations: sortBy(relations),
		},
		translations,
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { writeFileSync } = await import('node:fs');
	const { join, dirname } = await import('node:path');
	const { fileURLToPath } = await import('node:url');
	const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'after-sales.json');
	const { snapshot, translations } = buildSnapshot();
	writeFileSync(out, `${JSON.stringify({ ...snapshot, translations }, null, '\t')}\n`);
	console.log(`wrote ${out}: ${snapshot.collections.length} collections, ${snapshot.fields.length} fields, ${snapshot.relations.length} relations, ${Object.keys(translations).length} translations`);
}
