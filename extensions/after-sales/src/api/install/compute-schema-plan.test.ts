import { describe, expect, test } from 'vitest';
import { computeDropOrder } from './compute-drop-order';
import { adoptUnrecordedInstall, computeSchemaPlan, mergeMeta, type Snapshot } from './compute-schema-plan';
import { computeLimitBreaches } from './check-licence-limits';
import { formatClash, formatLimit } from './format-install-report';
import { hashValue } from './install-record';

const pack: Snapshot = {
	version: 2, directus: '12.4.0', vendor: 'sqlite', systemFields: [],
	collections: [
		{ collection: 'after_sales', meta: { icon: 'support_agent', group: null } },
		{ collection: 'customers', meta: { icon: 'contacts', note: 'pack', group: 'after_sales' }, schema: { name: 'customers' } },
	],
	fields: [
		{ collection: 'customers', field: 'name', type: 'string', meta: { note: 'pack note', width: 'half' }, schema: {} },
		{ collection: 'customers', field: 'phone', type: 'string', meta: { note: null }, schema: {} },
		{ collection: 'directus_users', field: 'mobile', type: 'string', meta: { note: 'mobile' }, schema: {} },
	],
	relations: [{ collection: 'directus_users', field: 'dealer', related_collection: 'dealers', meta: { one_field: null }, schema: {} }],
};
const empty: Snapshot = { ...pack, collections: [], fields: [], relations: [] };
const hashes = (meta: Record<string, unknown>) => Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, hashValue(v)]));

describe('install: clashes (issue 13, item 1)', () => {
	test('a fresh project: no clash, everything new, the record names every item', () => {
		const plan = computeSchemaPlan(empty, pack);
		expect(plan.clashes).toEqual([]);
		expect(plan.newCollections).toEqual(['customers']);
		expect(Object.keys(plan.owned.fields)).toEqual(['customers.name', 'customers.phone', 'directus_users.mobile']);
	});

	test('a customers collection the pack did not create is one clash naming its type conflicts; its fields are not listed again', () => {
		const current: Snapshot = { ...empty, collections: [{ collection: 'customers', meta: { icon: 'box' }, schema: { name: 'customers' } }], fields: [{ collection: 'customers', field: 'phone', type: 'integer', meta: {} }] };
		const plan = computeSchemaPlan(current, pack);
		expect(plan.clashes).toEqual([{ kind: 'collection', name: 'customers', unmanaged: false, typeConflicts: [{ field: 'phone', theirs: 'integer', ours: 'string' }] }]);
		expect(formatClash({ ...plan.clashes[0]!, rows: 2 } as never)).toContain('collection "customers" exists and was not created by the pack (2 rows; field phone is integer, the pack needs string)');
	});

	test.each([
		['a field of the admin on a system collection', { fields: [{ collection: 'directus_users', field: 'mobile', type: 'integer', meta: {} }] }, {}, 'field', 'directus_users.mobile'],
		['a table Directus does not manage', {}, { customers: ['id', 'name'] }, 'collection', 'customers'],
		['a column Directus does not manage', {}, { directus_users: ['id', 'mobile'] }, 'field', 'directus_users.mobile'],
		['a relation the pack did not create', { relations: [{ collection: 'directus_users', field: 'dealer', related_collection: 'shops', meta: {} }] }, {}, 'relation', 'directus_users.dealer'],
	])('%s is a clash', (_title, currentParts, tables, kind, name) => {
		const plan = computeSchemaPlan({ ...empty, ...currentParts } as Snapshot, pack, undefined, tables);
		expect(plan.clashes.map((c) => [c.kind, c.name])).toEqual([[kind, name]]);
	});

	test('what the record names is the pack’s: no clash', () => {
		const first = computeSchemaPlan(empty, pack);
		const plan = computeSchemaPlan({ ...empty, collections: pack.collections, fields: pack.fields }, pack, first.owned);
		expect(plan.clashes).toEqual([]);
		expect(plan.kept).toEqual([]);
	});

	test('an install made before installs were recorded is adopted (collections in the pack folder, the pack’s system fields)', () => {
		const owned = adoptUnrecordedInstall({ ...empty, collections: pack.collections, fields: pack.fields }, pack);
		expect(Object.keys(owned.collections)).toEqual(['after_sales', 'customers']);
		expect(Object.keys(owned.fields)).toEqual(['customers.name', 'customers.phone', 'directus_users.mobile']);
		const foreign = adoptUnrecordedInstall({ ...empty, collections: [{ collection: 'customers', meta: { group: null }, schema: {} }] }, pack);
		expect(foreign.collections).toEqual({});
	});

	test.each([
		[{ key: 'collections' as const, limit: 25, usage: 10, adding: 16 }, true],
		[{ key: 'collections' as const, limit: 25, usage: 9, adding: 16 }, false],
		[{ key: 'collections' as const, limit: -1, usage: 90, adding: 16 }, false],
		[{ key: 'seats' as const, limit: 3, usage: 3, adding: 2 }, true],
		[{ key: 'seats' as const, limit: 3, usage: 3, adding: 0 }, false],
	])('licence limit %o exceeded: %s', (use, exceeded) => {
		expect(computeLimitBreaches([use]).length > 0).toBe(exceeded);
	});

	test('a limit reads as usage + adding = total, limit', () => {
		expect(formatLimit({ key: 'collections', limit: 25, usage: 10, adding: 16 })).toContain('collections over the licence limit: 10 in use + 16 from the pack = 26, limit 25');
	});
});

describe('upgrade keeps the admin’s work (issue 13, item 2)', () => {
	test.each([
		['unchanged since the pack wrote it: the new value', 'old', 'old', 'new', 'new', false],
		['already the new value', 'new', 'old', 'new', 'new', false],
		['changed by an admin: kept and reported', 'admin', 'old', 'new', 'admin', true],
		['not recorded before: the new value', 'anything', undefined, 'new', 'new', false],
	])('%s', (_title, current, last, shipped, expected, kept) => {
		const result = mergeMeta({ note: current, width: 'half' }, { note: shipped }, last === undefined ? {} : { note: hashValue(last) });
		expect(result.meta).toEqual({ note: expected, width: 'half' });
		expect(result.kept).toEqual(kept ? ['note'] : []);
		// A kept value stays "changed by an admin" on the next upgrade too.
		expect(result.written['note']).toBe(kept ? hashValue(last) : hashValue(shipped));
	});

	test('the plan keeps an admin’s note, reports it, and adds a new field', () => {
		const owned = { collections: { customers: hashes(pack.collections[1]!.meta!) }, fields: { 'customers.name': hashes({ note: 'pack note', width: 'half' }) }, relations: {} };
		const current: Snapshot = { ...empty, collections: [pack.collections[1]!], fields: [{ ...pack.fields[0]!, meta: { note: 'admin note', width: 'half' } }] };
		const plan = computeSchemaPlan(current, pack, owned);
		expect(plan.clashes).toEqual([]);
		expect(plan.kept).toEqual([{ kind: 'field', name: 'customers.name', property: 'note' }]);
		expect(plan.snapshot.fields.find((f) => f.field === 'name')!.meta).toEqual({ note: 'admin note', width: 'half' });
		expect(plan.snapshot.fields.find((f) => f.field === 'phone')).toEqual(pack.fields[1]);
	});
});

describe('uninstall (issue 13, item 3)', () => {
	test('tables that point at others go first; self-references do not block', () => {
		const relations = [
			{ collection: 'units', related_collection: 'customers' }, { collection: 'customers', related_collection: 'dealers' },
			{ collection: 'dealer_ledger', related_collection: 'dealer_ledger' }, { collection: 'dealer_ledger', related_collection: 'dealers' },
		];
		expect(computeDropOrder(['customers', 'dealer_ledger', 'dealers', 'units'], relations)).toEqual(['dealer_ledger', 'units', 'customers', 'dealers']);
	});
});
