// A small vocabulary for declaring the pack's collections; `build.ts` turns it into a Directus
// partial schema snapshot (snapshots/after-sales.json) plus the choice translations.
// Every label is given in zh-CN and en-US at the place it is declared.

export type Tr = { zh: string; en: string };
export type Choice = { value: string; label: Tr; color?: string };

export type FieldType =
	| 'integer' | 'bigInteger' | 'string' | 'text' | 'boolean' | 'decimal' | 'float'
	| 'date' | 'timestamp' | 'dateTime' | 'json' | 'uuid' | 'alias';

export interface FieldSpec {
	field: string;
	type: FieldType;
	label: Tr;
	note?: Tr;
	interface?: string | null;
	options?: Record<string, unknown> | null;
	display?: string | null;
	display_options?: Record<string, unknown> | null;
	special?: string[] | null;
	readonly?: boolean;
	hidden?: boolean;
	width?: 'half' | 'full' | 'fill';
	required?: boolean;
	validation?: Record<string, unknown> | null;
	/** Shown by the Studio when `validation` fails; given in both languages (a `$t:` translation). */
	validation_message?: Tr | null;
	conditions?: unknown[] | null;
	group?: string | null;
	// column
	nullable?: boolean;
	unique?: boolean;
	indexed?: boolean;
	default?: unknown;
	maxLength?: number | null;
	precision?: number | null;
	scale?: number | null;
	primary?: boolean;
	autoIncrement?: boolean;
	// relation (many-to-one)
	relation?: { collection: string; onDelete: 'SET NULL' | 'CASCADE' | 'RESTRICT' | 'NO ACTION'; oneField?: string | null; template?: string };
	choices?: Choice[];
	/** Choices only label the values they know (shown translated); any other value is stored and shown as it is. */
	openChoices?: boolean;
	/** For an o2m alias: the many side it lists. */
	o2m?: { collection: string; field: string };
}

export interface CollectionSpec {
	collection: string;
	icon: string;
	label: Tr & { singular?: Tr; plural?: Tr };
	note: Tr;
	color?: string;
	display_template?: string;
	singleton?: boolean;
	sort?: number;
	archive?: { field: string; value: string; unarchive: string };
	sort_field?: string;
	fields: FieldSpec[];
}

const tr = (t: Tr) => [
	{ language: 'zh-CN', translation: t.zh },
	{ language: 'en-US', translation: t.en },
];

/** Translation key of a field's validation message (`$t:` in validation_message, Directus 12 app translates it). */
export const validationKey = (collection: string, field: string) => `as_${collection}_${field}_validation`;

/**
 * A field's validation message in both languages: its own, or for a closed choice list the field's
 * label and its choices' labels (“经销商等级：A 级 / B 级 / C 级”).
 */
export function validationMessage(f: FieldSpec): Tr | null {
	if (f.validation_message !== undefined) return f.validation_message;
	if (!f.choices || f.openChoices) return null;
	return {
		zh: `${f.label.zh}：${f.choices.map((c) => c.label.zh).join(' / ')}`,
		en: `${f.label.en}: ${f.choices.map((c) => c.label.en).join(' / ')}`,
	};
}

/** Translation key for a choice label, resolved by Directus through directus_translations. */
export const choiceKey = (collection: string, field: string, value: string | number) => `as_${collection}_${field}_${value}`;

/** Translation key of a field's note (`$t:` in meta.note; the Studio translates it with the user's language). */
export const noteKey = (collection: string, field: string) => `as_${collection}_${field}_note`;

/** Translation key of a collection's note (`$t:` in the collection's meta.note, translated in the data model list). */
export const collectionNoteKey = (collection: string) => `as_${collection}_note`;

/** Receives each `$t:` key the snapshot uses and its zh-CN and en-US texts. */
export type AddTranslation = (key: string, text: Tr) => void;

const isTr = (value: unknown): value is Tr =>
	Boolean(value) && typeof value === 'object' && !Array.isArray(value)
	&& Object.keys(value as object).sort().join() === 'en,zh'
	&& typeof (value as Tr).zh === 'string' && typeof (value as Tr).en === 'string';

/**
 * Interface and display options may carry texts in both languages (`{ zh, en }`): choice texts,
 * a list's add label, a list's sub-field names, notes and choices. Each becomes a `$t:` key under
 * `base` (`as_<collection>_<field>`), so the Studio shows it in the user's language; any other
 * bilingual text in options is refused (it would have no key).
 */
function translateOptions(options: Record<string, unknown> | null, base: string, add: AddTranslation): Record<string, unknown> | null {
	if (!options) return options;
	const key = (suffix: string, text: Tr) => {
		add(`${base}_${suffix}`, text);
		return `$t:${base}_${suffix}`;
	};
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(options)) {
		if (name === 'choices' && Array.isArray(value)) {
			out[name] = value.map((c: { text: unknown; value: string | number }) => (isTr(c.text) ? { ...c, text: key(String(c.value), c.text) } : c));
		} else if (name === 'addLabel' && isTr(value)) {
			out[name] = key('add_label', value);
		} else if (name === 'fields' && Array.isArray(value)) {
			out[name] = value.map((sub: { field: string; name?: unknown; meta?: Record<string, unknown> }) => {
				const meta = sub.meta ? { ...sub.meta } : undefined;
				if (meta && isTr(meta['note'])) meta['note'] = key(`${sub.field}_note`, meta['note']);
				if (meta?.['options']) meta['options'] = translateOptions(meta['options'] as Record<string, unknown>, `${base}_${sub.field}`, add);
				return { ...sub, ...(isTr(sub.name) ? { name: key(`${sub.field}_name`, sub.name) } : {}), ...(meta ? { meta } : {}) };
			});
		} else if (isTr(value) || JSON.stringify(value ?? null).includes('"zh":')) {
			throw new Error(`${base}: options.${name} has a bilingual text without a translation key`);
		} else {
			out[name] = value;
		}
	}
	return out;
}

export function pk(): FieldSpec {
	return { field: 'id', type: 'integer', label: { zh: '编号', en: 'ID' }, interface: 'input', readonly: true, hidden: true, primary: true, autoIncrement: true, nullable: false };
}

export function str(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return { field, type: 'string', label, interface: 'input', maxLength: 255, width: 'half', ...o };
}

export function text(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return { field, type: 'text', label, interface: 'input-multiline', width: 'full', ...o };
}

export function int(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return { field, type: 'integer', label, interface: 'input', width: 'half', ...o };
}

/** Money and quantities are decimals end to end (never floats). */
export function money(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return {
		field, type: 'decimal', label, interface: 'input', width: 'half', precision: 14, scale: 2,
		display: 'formatted-value', display_options: { prefix: '¥', format: true },
		options: { min: 0, step: 0.01, iconLeft: 'currency_yuan' }, ...o,
	};
}

export function bool(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return { field, type: 'boolean', label, interface: 'boolean', special: ['cast-boolean'], width: 'half', default: false, display: 'boolean', ...o };
}

export function date(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return { field, type: 'date', label, interface: 'datetime', display: 'datetime', display_options: { format: 'short' }, width: 'half', ...o };
}

/** Instants are stored in UTC (CAL-3); the Studio shows them in the viewer's zone. */
export function ts(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	const special = o.special ? [...o.special, 'cast-timestamp'] : ['cast-timestamp'];
	return { field, type: 'timestamp', label, interface: 'datetime', display: 'datetime', display_options: { relative: false, format: 'long' }, width: 'half', ...o, special };
}

export function json(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return { field, type: 'json', label, interface: 'input-code', options: { language: 'json', lineNumber: true }, special: ['cast-json'], width: 'full', ...o };
}

export function choice(field: string, label: Tr, choices: Choice[], o: Partial<FieldSpec> = {}): FieldSpec {
	return {
		field, type: 'string', label, interface: 'select-dropdown', maxLength: 32, width: 'half', choices,
		display: 'labels', ...o,
	};
}

export function m2o(field: string, label: Tr, collection: string, template: string, onDelete: NonNullable<FieldSpec['relation']>['onDelete'] = 'SET NULL', o: Partial<FieldSpec> = {}): FieldSpec {
	const type: FieldType = collection === 'directus_users' || collection === 'directus_files' ? 'uuid' : 'integer';
	return {
		field, type, label, width: 'half', special: ['m2o'],
		interface: collection === 'directus_files' ? 'file-image' : collection === 'directus_users' ? 'select-dropdown-m2o' : 'select-dropdown-m2o',
		options: collection === 'directus_files' ? { crop: false } : { template, enableCreate: false },
		display: collection === 'directus_files' ? 'image' : collection === 'directus_users' ? 'user' : 'related-values',
		display_options: collection === 'directus_files' || collection === 'directus_users' ? null : { template },
		relation: { collection, onDelete, template },
		...o,
	};
}

export function user(field: string, label: Tr, o: Partial<FieldSpec> = {}): FieldSpec {
	return m2o(field, label, 'directus_users', '{{first_name}} {{last_name}}', 'SET NULL', o);
}

/** One-to-many alias shown as a related list on the parent form. */
export function o2m(field: string, label: Tr, related: string, foreignKey: string, fields: string[], o: Partial<FieldSpec> = {}): FieldSpec {
	return {
		field, type: 'alias', label, o2m: { collection: related, field: foreignKey }, special: ['o2m'], interface: 'list-o2m', width: 'full',
		options: { fields, enableCreate: true, enableSelect: false, layout: 'table' }, display: 'related-values', ...o,
	};
}

export function divider(field: string, label: Tr): FieldSpec {
	return { field, type: 'alias', label, special: ['alias', 'no-data'], interface: 'presentation-divider', options: { title: label.zh, inlineTitle: true }, width: 'full' };
}

export function created(): FieldSpec[] {
	return [
		ts('date_created', { zh: '创建时间', en: 'Created' }, { special: ['date-created'], readonly: true, hidden: true }),
		ts('date_updated', { zh: '更新时间', en: 'Updated' }, { special: ['date-updated'], readonly: true, hidden: true }),
		user('user_created', { zh: '创建人', en: 'Created by' }, { special: ['user-created'], readonly: true, hidden: true }),
	];
}

// ---------------------------------------------------------------------------------------------
// Snapshot emission

function dataType(f: FieldSpec): string {
	switch (f.type) {
		case 'string': return 'varchar';
		case 'uuid': return 'char';
		case 'integer': return 'integer';
		case 'bigInteger': return 'bigint';
		case 'timestamp': return 'datetime';
		default: return f.type;
	}
}

/**
 * A field of the snapshot. Every text a Studio user reads is a `$t:` key (`add` receives each key
 * with its zh-CN and en-US texts): choice labels, the note, the validation message, a divider's
 * title and the bilingual texts in options (translateOptions); the label itself is the field's
 * Directus `translations`.
 */
export function emitField(collection: string, f: FieldSpec, sort: number, add: AddTranslation = () => {}) {
	const base = `as_${collection}_${f.field}`;
	const special = f.special ?? (f.type === 'uuid' && f.primary ? ['uuid'] : null);
	for (const c of f.choices ?? []) add(choiceKey(collection, f.field, c.value), c.label);
	const choices = f.choices?.map((c) => ({ text: `$t:${choiceKey(collection, f.field, c.value)}`, value: c.value, ...(c.color ? { color: c.color } : {}) }));
	let ownOptions = translateOptions(f.options ?? null, base, add);
	if (f.interface === 'presentation-divider' && ownOptions?.['title'] === f.label.zh) {
		add(`${base}_title`, f.label);
		ownOptions = { ...ownOptions, title: `$t:${base}_title` };
	}
	const options = choices && !f.openChoices ? { ...(ownOptions ?? {}), choices } : ownOptions;
	const displayOptions = choices && f.display === 'labels'
		? { ...(f.display_options ?? {}), showAsDot: false, choices: f.choices!.map((c) => ({ text: `$t:${choiceKey(collection, f.field, c.value)}`, value: c.value, foreground: '#FFFFFF', background: c.color ?? '#6644FF' })) }
		: translateOptions(f.display_options ?? null, base, add);
	if (f.note) add(noteKey(collection, f.field), f.note);
	const message = validationMessage(f);
	if (message) add(validationKey(collection, f.field), message);
	const closed = choices && !f.openChoices;
	const rule = f.validation ?? (closed ? { _and: [{ [f.field]: { _in: f.choices!.map((c) => c.value) } }] } : null);
	// An optional field may be empty; only a value that is present has to satisfy the rule.
	const validation = rule && !f.required ? { _or: [{ [f.field]: { _null: true } }, rule] } : rule;
	const meta = {
		collection, field: f.field, special, interface: f.interface ?? null, options, display: f.display ?? null,
		display_options: displayOptions, readonly: f.readonly ?? false, hidden: f.hidden ?? false, sort,
		width: f.width ?? 'full', translations: tr(f.label), note: f.note ? `$t:${noteKey(collection, f.field)}` : null,
		conditions: f.conditions ?? null, required: f.required ?? false, group: f.group ?? null,
		validation, validation_message: message ? `$t:${validationKey(collection, f.field)}` : null,
		searchable: true,
	};
	if (f.type === 'alias') return { collection, field: f.field, type: 'alias', meta, schema: null };
	const schema = {
		name: f.field, table: collection, data_type: dataType(f), default_value: f.default ?? null,
		max_length: f.type === 'string' ? (f.maxLength ?? 255) : f.type === 'uuid' ? 36 : null,
		numeric_precision: f.type === 'decimal' ? (f.precision ?? 14) : null,
		numeric_scale: f.type === 'decimal' ? (f.scale ?? 2) : null,
		is_nullable: f.primary ? false : (f.nullable ?? true), is_unique: f.primary ? true : (f.unique ?? false),
		is_indexed: f.indexed ?? false, is_primary_key: f.primary ?? false, is_generated: false, generation_expression: null,
		has_auto_increment: f.autoIncrement ?? false,
		foreign_key_table: f.relation ? f.relation.collection : null,
		foreign_key_column: f.relation ? 'id' : null,
	};
	return { collection, field: f.field, type: f.type, meta, schema };
}

export function emitCollection(c: CollectionSpec, group: string, add: AddTranslation = () => {}) {
	add(collectionNoteKey(c.collection), c.note);
	return {
		collection: c.collection,
		meta: {
			collection: c.collection, icon: c.icon, note: `$t:${collectionNoteKey(c.collection)}`, display_template: c.display_template ?? null,
			hidden: false, singleton: c.singleton ?? false,
			translations: [
				{ language: 'zh-CN', translation: c.label.zh, singular: c.label.singular?.zh ?? c.label.zh, plural: c.label.plural?.zh ?? c.label.zh },
				{ language: 'en-US', translation: c.label.en, singular: c.label.singular?.en ?? c.label.en, plural: c.label.plural?.en ?? c.label.en },
			],
			archive_field: c.archive?.field ?? null, archive_app_filter: true, archive_value: c.archive?.value ?? null,
			unarchive_value: c.archive?.unarchive ?? null, sort_field: c.sort_field ?? null, accountability: 'all',
			color: c.color ?? null, item_duplication_fields: null, sort: c.sort ?? null, group, collapse: 'open',
			preview_url: null, versioning: false, status: 'active', autosave_revision_interval: null,
		},
		schema: { name: c.collection },
	};
}

export function emitRelation(collection: string, f: FieldSpec) {
	const r = f.relation!;
	// PostgreSQL and SQLite accept this and fail only when the row goes; MariaDB / MySQL refuse the
	// constraint itself ("Foreign key constraint is incorrectly formed"), so install would stop.
	if (r.onDelete === 'SET NULL' && f.nullable === false) throw new Error(`${collection}.${f.field}: ON DELETE SET NULL on a column that is NOT NULL`);
	return {
		collection, field: f.field, related_collection: r.collection,
		meta: {
			many_collection: collection, many_field: f.field, one_collection: r.collection, one_field: r.oneField ?? null,
			one_collection_field: null, one_allowed_collections: null, junction_field: null, sort_field: null,
			one_deselect_action: 'nullify',
		},
		schema: {
			table: collection, column: f.field, foreign_key_table: r.collection, foreign_key_column: 'id',
			constraint_name: null, on_update: 'NO ACTION', on_delete: r.onDelete,
		},
	};
}
