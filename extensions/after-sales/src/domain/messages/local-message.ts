// A refusal's text as data: a catalog key and its parameters, rendered in the caller's language by
// the adapter. Parameters that are field names or stored values stay references, so each language
// shows its own labels for them (zh-CN “已受理”, en-US the value as today).

export type Language = 'zh-CN' | 'en-US';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];

/** A field of a pack collection (its label), or one of its stored values (the choice label). */
export type LabelRef = { collection: string; field: string; value?: string | number | null };

export type MessageParam = string | number | LabelRef | LocalMessage | MessageList;
/** A list rendered as “a”、“b”或“c” in zh-CN and a, b, c (or `a or b`) in en-US. */
export type MessageList = { items: MessageParam[]; join: 'and' | 'or' | 'comma'; en?: string };

export type LocalMessage<K extends string = string> = { key: K; params?: Record<string, MessageParam> };

export const isLabelRef = (p: unknown): p is LabelRef => typeof p === 'object' && p !== null && 'collection' in p && 'field' in p;
export const isLocalMessage = (p: unknown): p is LocalMessage => typeof p === 'object' && p !== null && 'key' in p && typeof (p as LocalMessage).key === 'string';
export const isMessageList = (p: unknown): p is MessageList => typeof p === 'object' && p !== null && 'items' in p && Array.isArray((p as MessageList).items);

/** The stored value `value` of `collection.field`, shown by its choice label. */
export const state = (collection: string, field: string, value: string | number | null | undefined): LabelRef => ({ collection, field, value: value ?? null });
/** The collection itself, shown by its (plural) label. */
export const collectionOf = (collection: string): LabelRef => ({ collection, field: '' });
/** A pack role, shown by its name (en-US: its key, as today). */
export const roleOf = (key: string): LabelRef => ({ collection: 'directus_roles', field: 'key', value: key });
/** The field `collection.field`, shown by its label. */
export const fieldOf = (collection: string, field: string): LabelRef => ({ collection, field });
/** The choices one may take next: “a”、“b”或“c” in zh-CN, a, b, c in en-US (as it always read). */
export const anyOf = (items: MessageParam[]): MessageList => ({ items, join: 'or', en: ', ' });
export const listOf = (items: MessageParam[]): MessageList => ({ items, join: 'comma' });
