// Generators of bad and hostile input (fast-check): wrong types, missing and extra fields, huge
// strings, impossible dates, bad amounts, foreign / unknown / unreadable ids, system-owned keys,
// level and severity changes, status jumps. Field-aware values come from the live Directus schema.
import fc from 'fast-check';

export type FieldInfo = {
	field: string;
	type: string;
	nullable: boolean;
	primary: boolean;
	fk: string | null;
	choices: unknown[];
	special: string[];
};

const HUGE = 'x'.repeat(70_000);

/** Values that are wrong for nearly every field. */
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0.01, 2147483648, '9007199254740993', '', ' ', 'NaN', 'Infinity', '-Infinity', '1e30', 'null', 'undefined', '[object Object]') },
	{ weight: 4, arbitrary: fc.constantFrom<unknown>([], {}, [1, 2], { a: 1 }, [[[]]], { _eq: 1 }, { id: 1 }, ['a', null]) },
	{ weight: 4, arbitrary: fc.constantFrom<unknown>("' or 1=1 --", "'); drop table units; --", '"; select * from directus_users; --', '\u0000', '\uD800', '🚜'.repeat(300), '<script>alert(1)</script>', '../../../../etc/passwd', '%00', '${7*7}', '{{7*7}}') },
	{ weight: 1, arbitrary: fc.constant<unknown>(HUGE) },
	{ weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.double({ noDefaultInfinity: false }) },
	{ weight: 2, arbitrary: fc.integer() },
);

export const impossibleDates = ['2026-11-31', '2026-02-30', '2026-02-29', '2025-13-01', '2026-00-10', '0000-00-00', '99999-01-01', '+099999-01-01', '-000001-01-01', '2026-1-1', '20261130', '2026/11/30', '30.11.2026', 'today'];
export const validDates = ['2026-11-30', '2026-01-01', '1999-12-31', '2100-01-01', '2024-02-29'];
export const impossibleInstants = [
	'2026-11-31T10:00:00Z', '2026-02-30T08:00:00+08:00', '0000-00-00T00:00:00Z', '+275760-09-13T00:00:01Z', '99999-01-01T00:00:00Z', '2026-11-20T25:00:00Z',
	'2026-11-20T10:61:00Z', '2026-11-20T10:00:00+25:00', '2026-11-20 10:00', 'yesterday', '1e12', 'T10:00:00Z',
];
export const oddInstants = (now = Date.now()) => [
	new Date(now + 365 * 86_400_000).toISOString(), new Date(now + 86_400_000).toISOString(), '1900-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2038-01-19T03:14:08Z', '2100-01-01T00:00:00Z',
	new Date(now - 3600_000).toISOString(), new Date(now).toISOString(), now, now / 1000,
];
export const badMoney = ['-1.00', '-0.01', '1.005', '12.345', '1e30', '1e-3', 'NaN', 'Infinity', '99999999999999999999.99', '10000000.01', '1,000.00', '¥100', '0x10', ' 12 ', '١٢٣', 1.005, -5, 1e30, 12.3456];
export const goodMoney = ['0', '0.00', '12.34', '9999999.99', 145, '0.01'];

export const SYSTEM_KEYS: Record<string, string[]> = {
	dealer_ledger: ['idempotency_key'],
	escalations: ['escalation_key'],
	follow_ups: ['follow_up_key', 'survey_url'],
	quality_alerts: ['alert_key'],
	sla_timers: ['timer_key'],
	parts_returns: ['batch_key'],
	warranty_claims: ['claim_no', 'writeoff_notice_no'],
};

/** Pools of ids the generators pick from: the suite's own fixtures per collection (mine and another dealer's). */
export type Pools = {
	ids: Record<string, (number | string)[]>;
	files: string[];
	users: string[];
	claims: number[];
};

export const unreadableIds: (number | string)[] = [99999999, 0, -1, 'abc', '1e3', '1.5', '%20', 2147483648, '00000000-0000-0000-0000-000000000000'];

export function idArb(pool: (number | string)[]): fc.Arbitrary<number | string> {
	return pool.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.constantFrom(...unreadableIds) }) : fc.constantFrom(...unreadableIds);
}

/** A value for one field: mostly plausible-but-wrong for its type, sometimes anything hostile. */
export function valueFor(collection: string, f: FieldInfo, pools: Pools): fc.Arbitrary<unknown> {
	const typed: fc.Arbitrary<unknown>[] = [];
	if (f.fk) {
		const pool = f.fk === 'directus_files' ? pools.files : f.fk === 'directus_users' ? pools.users : (pools.ids[f.fk] ?? []);
		typed.push(idArb(pool));
	}
	switch (f.type) {
		case 'date': typed.push(fc.constantFrom(...impossibleDates, ...validDates)); break;
		case 'timestamp': case 'dateTime': typed.push(fc.constantFrom<unknown>(...impossibleInstants, ...oddInstants())); break;
		case 'decimal': case 'float': typed.push(fc.constantFrom<unknown>(...badMoney, ...goodMoney)); break;
		case 'integer': case 'bigInteger':
			if (!f.fk) typed.push(fc.constantFrom<unknown>(-1, 0, 1, 2, 3, 4, 5, 6, 99, 1.5, '2', 2147483648, -2147483649)); break;
		case 'boolean': typed.push(fc.constantFrom<unknown>(true, false, 'yes', 1, 0, 'true')); break;
		case 'json': case 'csv': typed.push(fc.constantFrom<unknown>([], {}, 'not json', '[', [{}], ['over_scope'], ['bogus_reason'], [null], { milestones: 'x' }, Array.from({ length: 2000 }, (_, i) => i))); break;
		case 'alias':
			// o2m (a repair's parts): nested creates, updates and deletes ride along with the parent.
			typed.push(fc.constantFrom<unknown>(
				[{ part_no: 'FZ-N', quantity: '1', unit_price: '88888.00' }],
				{ create: [{ part_no: 'FZ-N', quantity: 1, unit_price: 99999 }], update: [], delete: [] },
				{ create: [], update: (pools.ids['repair_parts'] ?? []).slice(0, 2).map((id) => ({ id, quantity: '77' })), delete: [] },
				{ create: [], update: [], delete: (pools.ids['repair_parts'] ?? []).slice(0, 2) },
				[], 'x',
			));
			break;
		case 'uuid': if (!f.fk) typed.push(fc.constantFrom<unknown>(...pools.files, ...pools.users, 'not-a-uuid')); break;
		default: break;
	}
	if (f.choices.length) typed.push(fc.constantFrom<unknown>(...f.choices, 'bogus', 'APPROVED', ''));
	if (f.field === 'handling_level' || f.field === 'level') typed.push(fc.constantFrom<unknown>(1, 2, 3, 0, 4, -1));
	if (f.field === 'severity') typed.push(fc.constantFrom<unknown>('normal', 'serious', 'critical'));
	if ((SYSTEM_KEYS[collection] ?? []).includes(f.field)) {
		typed.push(fc.constantFrom<unknown>(...pools.claims.map((c) => `claim:${c}:credit`), 'WC2026-R000001', 'HX2026-000001', `complaints:1:first_response:L1:warning`, 'fz-key'));
	}
	if (typed.length === 0) typed.push(fc.string({ maxLength: 30 }));
	return fc.oneof({ weight: 3, arbitrary: fc.oneof(...typed) }, { weight: 1, arbitrary: hostileScalar });
}

/** A payload: 1–5 of the collection's fields with generated values, sometimes an unknown field or a system-owned key. */
export function payloadFor(collection: string, fields: FieldInfo[], pools: Pools): fc.Arbitrary<Record<string, unknown>> {
	const writable = fields.filter((f) => !f.primary);
	const keys = (SYSTEM_KEYS[collection] ?? []).map((k) => writable.find((f) => f.field === k)).filter((f): f is FieldInfo => Boolean(f));
	const base = fc.subarray(writable, { minLength: 1, maxLength: Math.min(5, writable.length) }).chain((chosen) =>
		fc.tuple(...chosen.map((f) => valueFor(collection, f, pools))).map((values) => Object.fromEntries(chosen.map((f, i) => [f.field, values[i]]))),
	);
	return fc.tuple(
		base,
		fc.option(fc.constantFrom('fz_extra', '__proto__', 'constructor', 'id', '$where'), { freq: 5 }),
		keys.length ? fc.option(fc.constantFrom(...keys), { freq: 3 }) : fc.constant(null),
		keys.length ? fc.option(valueFor(collection, keys[0]!, pools), { freq: 1 }) : fc.constant(null),
	).map(([payload, extra, key, keyValue]) => {
		const out: Record<string, unknown> = { ...payload };
		if (extra) out[extra] = extra === 'id' ? 99999999 : 'x';
		if (key && keyValue !== null) out[key.field] = keyValue;
		// A generated policy must never go live: it would re-time every record of the other test files.
		if (collection === 'sla_policies') out['active'] = false;
		return out;
	});
}

/** A body that is not an object at all. */
export const wrongShapeBody: fc.Arbitrary<unknown> = fc.constantFrom<unknown>('"a string"', '42', 'null', '[]', '[1,2,3]', '{"a":', 'true', '{"data":{"keys":[]}}', '[[{}]]');

export type ItemsOp =
	| { kind: 'create'; body: unknown }
	| { kind: 'update'; key: number | string; body: unknown }
	| { kind: 'update-keys'; keys: (number | string)[]; body: unknown }
	| { kind: 'update-query'; ids: (number | string)[]; body: unknown }
	| { kind: 'delete'; key: number | string }
	| { kind: 'delete-keys'; keys: (number | string)[] }
	| { kind: 'delete-query'; ids: (number | string)[] }
	| { kind: 'singleton'; body: unknown }
	| { kind: 'graphql-update'; key: number | string; body: Record<string, unknown> }
	| { kind: 'graphql-delete'; key: number | string };

export function itemsOpArb(collection: string, fields: FieldInfo[], pools: Pools, options: { singleton: boolean; graphql: boolean }): fc.Arbitrary<ItemsOp> {
	const payload = payloadFor(collection, fields, pools);
	const body = fc.oneof({ weight: 8, arbitrary: payload as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.array(payload, { minLength: 1, maxLength: 2 }) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongShapeBody });
	if (options.singleton) return body.map((b) => ({ kind: 'singleton', body: b }) as ItemsOp);
	const pool = pools.ids[collection] ?? [];
	const key = idArb(pool);
	const keys = fc.array(key, { minLength: 1, maxLength: 3 });
	const ops: fc.Arbitrary<ItemsOp>[] = [
		body.map((b) => ({ kind: 'create', body: b }) as ItemsOp),
		fc.tuple(key, body).map(([k, b]) => ({ kind: 'update', key: k, body: b }) as ItemsOp),
		fc.tuple(keys, payload).map(([ks, b]) => ({ kind: 'update-keys', keys: ks, body: b }) as ItemsOp),
		fc.tuple(keys, payload).map(([ks, b]) => ({ kind: 'update-query', ids: ks, body: b }) as ItemsOp),
		key.map((k) => ({ kind: 'delete', key: k }) as ItemsOp),
		keys.map((ks) => ({ kind: 'delete-keys', keys: ks }) as ItemsOp),
		keys.map((ks) => ({ kind: 'delete-query', ids: ks }) as ItemsOp),
	];
	if (options.graphql) {
		ops.push(fc.tuple(key, payload).map(([k, b]) => ({ kind: 'graphql-update', key: k, body: b }) as ItemsOp));
		ops.push(key.map((k) => ({ kind: 'graphql-delete', key: k }) as ItemsOp));
	}
	return fc.oneof(...ops);
}

/** A GraphQL input literal of the payload's scalars (objects and arrays are left out: they are the REST generators' job). */
export function graphqlLiteral(body: Record<string, unknown>): string {
	const parts: string[] = [];
	for (const [k, v] of Object.entries(body)) {
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) continue;
		if (typeof v === 'string') parts.push(`${k}: ${JSON.stringify(v.slice(0, 2000))}`);
		else if (typeof v === 'number' && Number.isFinite(v)) parts.push(`${k}: ${v}`);
		else if (typeof v === 'boolean' || v === null) parts.push(`${k}: ${String(v)}`);
	}
	return `{ ${parts.join(', ')} }`;
}
