// INT-2..5 for every pack collection and every path that reaches Directus's items service (REST
// /items, GraphQL, flows, the Studio). Registered before the collections' own hooks, so each rule
// sees what the client sent: system-owned keys are refused, dates and instants are real ones,
// amounts are bounded decimals, and a delete that would break history is a 409, not a 500.
import type { Knex } from 'knex';
import { assertPlausibleTimes, DEFAULT_MAX_LINE_FEN, findSystemOwnedField, MAX_STORABLE_FEN, parseBoundedMoney, parseStrictDate, parseStrictInstant } from '../../domain/integrity';
import { parseScaledDecimal } from '../../domain/money';
import type { Accountability, PackContext } from '../lib/context';
import { parseCalendar } from '../../domain/calendar';
import { DomainRuleError } from '../../domain/errors';
import { WarrantySettingsSchema } from '../../domain/warranty';
import { toInstant, toJson } from '../lib/db-values';
import { conflict, ruleViolation, toDirectusError } from '../lib/errors';
import { MAX_ID } from '../lib/ids';
import { loadSettings } from '../services/settings';
import type { Register } from '../warranty/register';
import { BLOCKING_REFERENCES, FIELD_KINDS, O2M_FIELDS, PACK_COLLECTIONS } from './pack-fields';
import { collectionOf, fieldOf, msg } from '../../domain/messages';
import { findNul } from '../lib/find-nul';
import { FollowUpRulesSchema } from '../../domain/follow-ups';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

/** ESC-4: the escalation log is written by the sweep alone and never changed through the API. */
const IMMUTABLE_LOGS: Record<string, string> = { escalations: 'ESC-4' };
/** ESC-1: timers are derived from the records and the policies; a client never writes or deletes one. */
const DERIVED: Record<string, string> = { sla_timers: 'ESC-1' };

/** INT-2: start/end pairs and "already happened" instants, per collection. */
const TIME_RULES: Record<string, { pairs: Array<readonly [string, string]>; past: string[] }> = {
	repair_records: {
		pairs: [['received_at', 'completed_at'], ['dropped_off_at', 'completed_at'], ['received_at', 'signed_at']],
		past: ['received_at', 'dropped_off_at', 'completed_at', 'signed_at'],
	},
	complaints: { pairs: [['received_at', 'first_response_at']], past: ['received_at', 'first_response_at'] },
	service_requests: { pairs: [['received_at', 'first_response_at'], ['received_at', 'dispatched_at'], ['received_at', 'resolved_at']], past: ['received_at', 'first_response_at', 'dispatched_at', 'resolved_at'] },
	units: { pairs: [], past: [] },
};

/** Quantities: positive, three places, and a size no real order reaches. */
const MAX_QUANTITY_MILLI = 1_000_000_000n;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** INT-5: a filter value on an integer, uuid or time field that the database cannot compare is a 400. */
function checkFilter(collection: string, filter: unknown, depth = 0): void {
	if (depth > 6 || filter === null || typeof filter !== 'object') return;
	for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
		if (key === '_and' || key === '_or') {
			if (Array.isArray(value)) value.forEach((f) => checkFilter(collection, f, depth + 1));
			continue;
		}
		const kind = FIELD_KINDS.get(collection)?.get(key);
		if (!kind || value === null || typeof value !== 'object') continue;
		for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
			if (!['_eq', '_neq', '_lt', '_lte', '_gt', '_gte', '_in', '_nin', '_between', '_nbetween'].includes(op)) continue;
			const values = Array.isArray(operand) ? operand : typeof operand === 'string' && ['_in', '_nin', '_between', '_nbetween'].includes(op) ? operand.split(',') : [operand];
			for (const v of values) {
				if (v === null || (typeof v === 'string' && v.startsWith('$'))) continue;
				const text = String(v).trim();
				const ok = kind.kind === 'integer' ? /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= MAX_ID
					: kind.kind === 'uuid' ? UUID.test(text)
						: true;
				if (!ok) throw ruleViolation('INT-5', `filter.${key}`, msg('int.not_comparable', { value: JSON.stringify(v), key: fieldOf(collection, key) }), { collection });
			}
		}
	}
}

/** INT-5: the pack's tables are keyed by integers; any other key is a 400 before the database sees it. */
function assertKeys(keys: unknown): (string | number)[] {
	if (!Array.isArray(keys)) return [];
	const bad = keys.find((k) => !/^[1-9]\d{0,9}$/.test(String(k)) || Number(k) > MAX_ID);
	if (bad !== undefined) throw ruleViolation('INT-5', 'id', msg('int.not_id', { value: JSON.stringify(bad) }));
	return keys as (string | number)[];
}

const isPlainObject = (v: unknown): v is Payload => typeof v === 'object' && v !== null && !Array.isArray(v);
const isItemId = (v: unknown) => (typeof v === 'number' || typeof v === 'string') && /^[1-9]\d{0,9}$/.test(String(v)) && Number(v) <= MAX_ID;

/**
 * INT-5: a one-to-many list (customers.units, repair_records.parts …) holds ids of its items or
 * their fields, as a list or as { create, update, delete }; anything else (null, text, nested
 * lists) is a 400 naming the list, where Directus itself would answer 500.
 */
export function checkRelationalLists(collection: string, payload: Payload): void {
	const lists = O2M_FIELDS.get(collection);
	if (!lists) return;
	for (const [field, raw] of Object.entries(payload)) {
		if (!lists.has(field) || raw === null || raw === undefined) continue;
		const bad = (value: unknown) => ruleViolation('INT-5', field, msg('int.not_relation_list', { value: JSON.stringify(value) ?? String(value) }), { collection });
		const items = (list: unknown, allow: { ids: boolean; objects: boolean; needId?: boolean }) => {
			if (!Array.isArray(list)) throw bad(list);
			for (const item of list) {
				if (allow.ids && isItemId(item)) continue;
				if (allow.objects && isPlainObject(item) && (!allow.needId || isItemId(item['id']))) continue;
				throw bad(item);
			}
		};
		if (Array.isArray(raw)) items(raw, { ids: true, objects: true });
		else if (isPlainObject(raw)) {
			const extra = Object.keys(raw).find((k) => !['create', 'update', 'delete'].includes(k));
			if (extra !== undefined) throw bad(raw);
			if (raw['create'] !== undefined) items(raw['create'], { ids: false, objects: true });
			if (raw['update'] !== undefined) items(raw['update'], { ids: false, objects: true, needId: true });
			if (raw['delete'] !== undefined) items(raw['delete'], { ids: true, objects: false });
		} else throw bad(raw);
	}
}

/** INT-2, INT-4: every date, instant and amount a client sends is parsed strictly; returns the normalised payload. */
export function checkFieldValues(collection: string, payload: Payload, maxLineFen: bigint): Payload {
	const kinds = FIELD_KINDS.get(collection);
	if (!kinds) return payload;
	const out: Payload = { ...payload };
	for (const [field, raw] of Object.entries(payload)) {
		const kind = kinds.get(field);
		if (!kind || raw === null) continue;
		const value = raw;
		if (kind.kind === 'json') {
			// INT-5: a JSON column given text takes only text that is JSON.
			if (typeof value === 'string') {
				try {
					JSON.parse(value);
				} catch {
					throw ruleViolation('INT-5', field, msg('int.not_json'), { collection });
				}
			}
		} else if (kind.kind === 'boolean') {
			// INT-5: a yes/no column takes yes or no (PostgreSQL would fail on anything else with a 500).
			if (![true, false, 0, 1, 'true', 'false', '0', '1'].includes(value as never)) throw ruleViolation('INT-5', field, msg('int.not_boolean', { value: JSON.stringify(value) }), { collection });
		} else if (kind.kind === 'integer') {
			// INT-5: integer columns (keys, references, counts) within what every database stores.
			// Only a reference may be given as its related item ({ id } or a nested create); a plain column takes a number.
			const item = kind.relation && isPlainObject(value) ? value : null;
			if (item && item['id'] === undefined) continue;
			const id = item ? item['id'] : value;
			const text = typeof id === 'number' || typeof id === 'string' ? String(id).trim() : '';
			if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > MAX_ID) throw ruleViolation('INT-5', field, msg('int.not_integer', { value: JSON.stringify(value) }), { collection });
		} else if (kind.kind === 'uuid') {
			const item = kind.relation && isPlainObject(value) ? value : null;
			if (item && item['id'] === undefined) continue;
			const id = item ? item['id'] : value;
			if (typeof id !== 'string' || !UUID.test(id)) throw ruleViolation('INT-5', field, msg('int.not_user_or_file', { value: JSON.stringify(value) }), { collection });
		} else if (kind.kind === 'date') out[field] = parseStrictDate(value, field);
		else if (kind.kind === 'instant') out[field] = parseStrictInstant(value, field).toISOString();
		else if (kind.kind === 'money') {
			// INT-4: the ceiling itself is not held to its current value, or once lowered it could never be raised again.
			const ceiling = collection === 'service_settings' && field === 'max_line_amount' ? MAX_STORABLE_FEN : maxLineFen;
			parseBoundedMoney(value, field, { maxFen: ceiling, nonNegative: !(collection === 'dealer_ledger' && field === 'amount') });
		} else if (field === 'quantity') {
			const milli = typeof value === 'string' || typeof value === 'number' ? parseScaledDecimal(value, 3) : null;
			if (milli === null || milli <= 0n || milli > MAX_QUANTITY_MILLI) throw ruleViolation('INT-4', field, msg('int.not_quantity', { value: JSON.stringify(value) }), { collection });
		} else {
			const scaled = typeof value === 'string' || typeof value === 'number' ? parseScaledDecimal(value, kind.scale) : null;
			if (scaled === null) throw ruleViolation('INT-4', field, msg('int.not_decimal', { value: JSON.stringify(value), scale: kind.scale }), { collection });
		}
	}
	return out;
}

/** INT-4: whether the payload carries an amount the ceiling (`max_line_amount`) applies to. */
export function sendsMoney(collection: string, payload: Payload): boolean {
	const kinds = FIELD_KINDS.get(collection);
	if (!kinds) return false;
	for (const field of Object.keys(payload)) if (kinds.get(field)?.kind === 'money' && payload[field] !== null) return true;
	return false;
}

async function checkTimes(knex: Knex, collection: string, payload: Payload, keys: (string | number)[] | null, now: Date) {
	const rules = TIME_RULES[collection];
	if (!rules || !rules.past.concat(rules.pairs.flat()).some((f) => f in payload)) return;
	const fields = [...new Set([...rules.past, ...rules.pairs.flat()])];
	const read = (row: Payload) => Object.fromEntries(fields.map((f) => [f, f in payload ? (payload[f] === null ? null : toInstant(payload[f])) : toInstant(row[f])]));
	if (!keys) {
		assertPlausibleTimes(read({}), rules, now);
		return;
	}
	const rows: Payload[] = await knex(collection).whereIn('id', keys).select(fields);
	// A past instant already stored is not the client's doing: only what this request sends must be plausible.
	const sentPast = rules.past.filter((f) => f in payload);
	for (const row of rows) assertPlausibleTimes(read(row), { pairs: rules.pairs, past: sentPast }, now);
}


/** FUP-2: the second follow-up window saved (or left stored) must not end before it starts; the rule would otherwise drop both days for their defaults. */
function checkSecondCallOrder(payload: Payload, stored: Record<string, unknown>) {
	if (!('second_follow_up_from_days' in payload) && !('second_follow_up_until_days' in payload)) return;
	const day = (name: string) => {
		const value = name in payload ? payload[name] : stored[name];
		const n = value === null || value === undefined || value === '' ? NaN : Number(value);
		return Number.isInteger(n) ? n : null;
	};
	const from = day('second_follow_up_from_days');
	const until = day('second_follow_up_until_days');
	// A day out of range is named by its own check (api/settings), not as an order problem.
	const inRange = (name: 'second_follow_up_from_days' | 'second_follow_up_until_days', n: number) => FollowUpRulesSchema.shape[name].safeParse(n).success;
	if (from === null || until === null || from <= until || !inRange('second_follow_up_from_days', from) || !inRange('second_follow_up_until_days', until)) return;
	throw ruleViolation('FUP-2', 'second_follow_up_until_days', msg('settings.second_call_order', { from, until }), { collection: 'service_settings' });
}

/** CAL-1, INT-2: the business calendar is parsed on save; a bad date names its place (calendar.holidays.3). */
function checkSettings(payload: Payload) {
	// WTY-2, REQ-8: the day counts the warranty rules read must be usable numbers.
	for (const name of ['card_deadline_days', 'repeat_repair_window_days'] as const) {
		if (!(name in payload) || payload[name] === null) continue;
		const value = typeof payload[name] === 'string' && /^\d+$/.test(payload[name] as string) ? Number(payload[name]) : payload[name];
		const parsed = WarrantySettingsSchema.shape[name].safeParse(value);
		if (!parsed.success || (value as number) > 3650) throw ruleViolation(name === 'card_deadline_days' ? 'WTY-2' : 'REQ-8', name, msg('settings.whole_days', { value: JSON.stringify(payload[name]), min: name === 'card_deadline_days' ? 0 : 1 }), { collection: 'service_settings' });
	}
	if (!('calendar' in payload) || payload['calendar'] === null) return;
	try {
		parseCalendar(toJson(payload['calendar']));
	} catch (error) {
		if (error instanceof DomainRuleError) {
			const field = `calendar${error.field ? `.${error.field}` : ''}`;
			throw new DomainRuleError(error.rule, field, error.message.replace(/^CAL-1: [^:]+: /, ''), { collection: 'service_settings', ...(error.text ? { text: error.text } : {}) });
		}
		if (error instanceof SyntaxError) throw ruleViolation('CAL-1', 'calendar', msg('int.not_json'), { collection: 'service_settings' });
		throw error;
	}
}

export function registerIntegrityHooks(register: Register, ctx: PackContext) {
	for (const collection of PACK_COLLECTIONS) {
		for (const event of ['create', 'update'] as const) {
			register.filter(`${collection}.items.${event}`, async (payload: Payload, meta: { keys?: (string | number)[] }, hook: HookContext) => {
				try {
					// Internal writes (the sweep, install, seed, the pack's endpoints as the system) are trusted.
					if (!hook.accountability) return payload;
					if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw ruleViolation('INT-5', null, msg('int.not_object'));
					if (event === 'update') assertKeys(meta.keys);
					const nul = findNul(payload, '');
					if (nul) throw ruleViolation('INT-5', nul, msg('int.nul'), { collection });
					const owned = findSystemOwnedField(collection, payload);
					if (owned) throw ruleViolation('INT-3', owned, msg('int.system_only'), { collection });
					const log = IMMUTABLE_LOGS[collection];
					if (log) throw conflict(log, null, msg('int.append_only', { collection: collectionOf(collection), verb: msg(event === 'create' ? 'int.append_only_written' : 'int.append_only_changed') }));
					const derived = DERIVED[collection];
					if (derived) throw conflict(derived, null, msg('int.derived', { collection: collectionOf(collection) }));
					if (collection === 'service_settings') checkSettings(payload);
					// INT-4, FUP-2: the settings row is read only when a rule of this payload needs it (an amount
					// held to max_line_amount, a settings edit); a complaint or a call without amounts reads nothing.
					const settings = collection === 'service_settings' || sendsMoney(collection, payload) ? await loadSettings(hook.database) : null;
					if (collection === 'service_settings') checkSecondCallOrder(payload, settings!.raw);
					checkRelationalLists(collection, payload);
					const checked = checkFieldValues(collection, payload, settings?.maxLineFen ?? DEFAULT_MAX_LINE_FEN);
					await checkTimes(hook.database, collection, checked, event === 'update' ? (meta.keys ?? []) : null, new Date());
					return checked;
				} catch (error) {
					throw toDirectusError(error, collection);
				}
			});
		}
		register.filter(`${collection}.items.query`, async (query: { filter?: unknown }) => {
			try {
				checkFilter(collection, query?.filter ?? null);
				return query;
			} catch (error) {
				throw toDirectusError(error);
			}
		});
		register.filter(`${collection}.items.delete`, async (keys: (string | number)[], _meta: unknown, hook: HookContext) => {
			try {
				const log = IMMUTABLE_LOGS[collection] ?? (collection === 'dealer_ledger' ? 'WTY-8' : null);
				if (log) throw conflict(log, null, msg('int.append_only_delete', { collection: collectionOf(collection) }));
				if (hook.accountability && DERIVED[collection]) throw conflict(DERIVED[collection]!, null, msg('int.derived_delete', { collection: collectionOf(collection) }));
				if (!Array.isArray(keys) || keys.length === 0) return keys;
				assertKeys(keys);
				for (const ref of BLOCKING_REFERENCES.get(collection) ?? []) {
					const used = await hook.database(ref.collection).whereIn(ref.field, keys).first(ref.field);
					if (used) {
						throw conflict('INT-5', ref.field, `${collection} ${String(used[ref.field])} is referenced by ${ref.collection}.${ref.field}; records with history are not deleted`, { collection: ref.collection, text: msg('int.referenced', { id: String(used[ref.field]), by: fieldOf(ref.collection, ref.field) }) });
					}
				}
				return keys;
			} catch (error) {
				throw toDirectusError(error);
			}
		});
	}
	// INT-5: a user who recorded complaints (a required reference) is not deleted from under them.
	register.filter('users.delete', async (keys: (string | number)[], _meta: unknown, hook: HookContext) => {
		try {
			for (const ref of BLOCKING_REFERENCES.get('directus_users') ?? []) {
				const used = await hook.database(ref.collection).whereIn(ref.field, keys).first(ref.field);
				if (used) throw conflict('INT-5', ref.field, `the user is referenced by ${ref.collection}.${ref.field}; suspend the user instead of deleting them`, { collection: ref.collection, text: msg('int.user_referenced', { by: fieldOf(ref.collection, ref.field) }) });
			}
			return keys;
		} catch (error) {
			throw toDirectusError(error);
		}
	});
	void ctx;
}
