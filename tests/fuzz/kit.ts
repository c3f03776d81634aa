// What the fuzz suite and the hole tests of issue 8 share: a session per demo role, raw requests
// (status and body as a client sees them), direct read-only access to the test database for row
// counts and fingerprints, the money invariants (INT-1, INT-4, WTY-8) and fixtures built through
// the public API only (the dealer API, /items as admin), so they follow the product as it changes.
import { createHash } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { baseUrl, call, json, loginAdmin, session, type CallResult } from '../helpers';

export const DEMO_PASSWORD = 'service-demo';
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const PACK_TABLES = [
	'service_settings', 'dealers', 'customers', 'products', 'units', 'service_requests', 'complaints', 'repair_records', 'repair_parts',
	'parts_returns', 'warranty_claims', 'dealer_ledger', 'follow_ups', 'sla_policies', 'sla_timers', 'escalations', 'quality_alerts',
] as const;
export type PackTable = (typeof PACK_TABLES)[number];

/**
 * Tables whose every column is compared before and after a refused request: the money path, the
 * logs and the rules' configuration. The large archive tables (units, customers, requests,
 * follow-ups) and sla_timers (which move with the clock) are compared by row count and last update.
 */
const FINGERPRINTED: string[] = [
	'service_settings', 'dealers', 'products', 'complaints', 'repair_records', 'repair_parts', 'parts_returns', 'warranty_claims', 'dealer_ledger',
	'sla_policies', 'escalations', 'quality_alerts',
];
const STAMPED: string[] = ['customers', 'units', 'service_requests', 'follow_ups', 'directus_files'];

// ---------------------------------------------------------------------------------------------
// Who calls

export type ActorKey = 'admin' | 'manager' | 'agent' | 'dealer1' | 'dealer2' | 'dealer3' | 'tech1' | 'tech2' | 'tech3';
export const ACTORS: ActorKey[] = ['admin', 'manager', 'agent', 'dealer1', 'dealer2', 'dealer3', 'tech1', 'tech2', 'tech3'];
export const STAFF: ActorKey[] = ['admin', 'manager', 'agent'];
export const DEALERS: ActorKey[] = ['dealer1', 'dealer2', 'dealer3'];
export const TECHS: ActorKey[] = ['tech1', 'tech2', 'tech3'];

export type Actor = { key: ActorKey; token: string; id: string; call: (path: string, init?: RequestInit) => Promise<CallResult> };

const actorCache = new Map<ActorKey, Promise<Actor>>();

export function actor(key: ActorKey): Promise<Actor> {
	if (!actorCache.has(key)) {
		actorCache.set(key, (async () => {
			const s = key === 'admin' ? await loginAdmin() : await session(`${key === 'manager' || key === 'agent' ? key : key}@example.com`, DEMO_PASSWORD);
			const me = await s.call('/users/me?fields=id');
			if (me.status !== 200) throw new Error(`${key}: /users/me ${me.status} ${JSON.stringify(me.body)}`);
			return { key, token: s.token, id: me.body.data.id as string, call: s.call };
		})());
	}
	return actorCache.get(key)!;
}

export const allActors = async () => Object.fromEntries(await Promise.all(ACTORS.map(async (k) => [k, await actor(k)] as const))) as Record<ActorKey, Actor>;

/** One request as a client sends it: any method, a JSON body (or raw text), an optional token. */
export async function send(who: Actor | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<CallResult & { headers?: Headers }> {
	const init: RequestInit = { method, headers };
	if (body !== undefined) init.body = typeof body === 'string' ? body : json(body);
	if (body !== undefined && typeof body === 'string') init.headers = { 'content-type': 'application/json', ...headers };
	return call(path, who?.token ?? null, init);
}

export async function raw(who: Actor | null, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
	const res = await fetch(`${baseUrl()}${path}`, { headers: who ? { authorization: `Bearer ${who.token}` } : {} });
	return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export const post = (who: Actor, path: string, body: unknown = {}) => send(who, 'POST', path, body);
export const patch = (who: Actor, path: string, body: unknown) => send(who, 'PATCH', path, body);
export const del = (who: Actor, path: string, body?: unknown) => send(who, 'DELETE', path, body);
export const get = (who: Actor, path: string) => send(who, 'GET', path);

export async function gql(who: Actor, query: string, variables: Record<string, unknown> = {}) {
	return send(who, 'POST', '/graphql', { query, variables });
}

/** The first error of a Directus error body, flattened for assertions. */
export function firstError(body: any): { code?: string; field?: string | null; rule?: string; message?: string } {
	const e = body?.errors?.[0];
	return { code: e?.extensions?.code, field: e?.extensions?.field, rule: e?.extensions?.rule, message: e?.message };
}

/** SQL or driver text a client must never see (INT-5). */
export const SQL_TEXT = /insert into|delete from|update [`"]|select .{0,200} from [`"]|violates (foreign key|unique|not-null|check)|SQLITE_[A-Z]+|duplicate key value|syntax error at|\bER_[A-Z_]{4,}|constraint failed|knex:|sqlite3|pg_catalog/i;

export function leaksSql(body: unknown): string | null {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	const m = SQL_TEXT.exec(text);
	return m ? text.slice(Math.max(0, m.index - 80), m.index + 120) : null;
}

// ---------------------------------------------------------------------------------------------
// The test database, read directly (read-only: every write goes through the API)

let instance: Knex | null = null;

export function db(): Knex {
	if (instance) return instance;
	const env = process.env;
	const server = { host: env['DB_HOST'], port: Number(env['DB_PORT']), user: env['DB_USER'], password: env['DB_PASSWORD'], database: env['DB_DATABASE'] };
	instance = env['DB_CLIENT'] === 'pg'
		? knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 2 } })
		: isMysql()
			? knexFactory({ client: 'mysql2', connection: server, pool: { min: 0, max: 2 } })
			: knexFactory({ client: 'sqlite3', connection: { filename: env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
	return instance;
}

export async function closeDb() {
	await instance?.destroy();
	instance = null;
}

export const isPg = () => process.env['DB_CLIENT'] === 'pg';
export const isMysql = () => process.env['DB_CLIENT'] === 'mysql';

/** A table name quoted for this vendor (MariaDB / MySQL quote with backticks). */
const quoted = (t: string) => (isMysql() ? `\`${t}\`` : `"${t}"`);

/** The rows of a raw select, whatever the driver: pg `{ rows }`, mysql2 `[rows, fields]`, sqlite3 `rows`. */
const rawRows = (result: any): any[] => (isPg() ? result.rows : isMysql() ? result[0] : result);

/** An instant as Directus stores it: epoch milliseconds in SQLite, timestamptz in PostgreSQL, the UTC wall clock (whole seconds) in MySQL. */
export const storedNow = (): Date | number | string => (isPg() ? new Date() : isMysql() ? new Date().toISOString().slice(0, 19).replace('T', ' ') : Date.now());

export type Fingerprint = { counts: Record<string, number>; hashes: Record<string, string> };

const stable = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x instanceof Date ? x.toISOString() : x));

/** Row counts of every pack table (and files, folders), the last update of the large ones and a hash of every row of the others. */
export async function fingerprint(countsOnly = false): Promise<Fingerprint> {
	const k = db();
	const tables = [...PACK_TABLES, 'directus_files', 'directus_folders'];
	const countRows = await k.raw(tables.map((t) => `select '${t}' as t, count(*) as n from ${quoted(t)}`).join(' union all '));
	const counts: Record<string, number> = {};
	for (const r of rawRows(countRows) as { t: string; n: number | string }[]) counts[r.t] = Number(r.n);
	const hashes: Record<string, string> = {};
	if (countsOnly) return { counts, hashes };
	const stamps = await k.raw(STAMPED.map((t) => `select '${t}' as t, max(${t === 'directus_files' ? 'modified_on' : 'date_updated'}) as u, ${t === 'directus_files' ? 'count(*)' : 'max(id)'} as m from ${quoted(t)}`).join(' union all '));
	for (const r of rawRows(stamps) as { t: string; u: unknown; m: unknown }[]) hashes[r.t] = stable([r.u, r.m]);
	if (isPg()) {
		// One round trip: PostgreSQL hashes each table's rows itself.
		const res = await k.raw(FINGERPRINTED.map((t) => `select '${t}' as t, md5(coalesce(string_agg(r::text, '|' order by r.id), '')) as h from "${t}" r`).join(' union all '));
		for (const r of res.rows as { t: string; h: string }[]) hashes[r.t] = r.h;
		return { counts, hashes };
	}
	for (const t of FINGERPRINTED) {
		const rows = await k(t).select('*').orderBy('id');
		hashes[t] = createHash('sha1').update(stable(rows)).digest('hex');
	}
	return { counts, hashes };
}

export function diffFingerprints(a: Fingerprint, b: Fingerprint): string[] {
	const out: string[] = [];
	for (const t of Object.keys(a.counts)) if (a.counts[t] !== b.counts[t]) out.push(`${t}: ${a.counts[t]} → ${b.counts[t]} rows`);
	for (const t of Object.keys(a.hashes)) if (a.hashes[t] !== b.hashes[t] && a.counts[t] === b.counts[t]) out.push(`${t}: rows changed`);
	return out;
}

/**
 * Action hooks (costs, timers, warranty) run after a successful write's response: wait until the
 * state has not changed for `quietMs` (MariaDB may start an after-commit sync 100 ms late) before
 * taking the state a refused request is compared with.
 */
export async function settledFingerprint(timeoutMs = 4000, quietMs = 250): Promise<Fingerprint> {
	const until = Date.now() + timeoutMs;
	let last = await fingerprint();
	let stableSince = Date.now();
	for (;;) {
		await new Promise((r) => setTimeout(r, 50));
		const next = await fingerprint();
		if (diffFingerprints(last, next).length > 0) stableSince = Date.now();
		if (Date.now() - stableSince >= quietMs || Date.now() > until) return next;
		last = next;
	}
}

/** An exact scaled integer (6 places) from what either vendor returns for a decimal column (number on SQLite, string on PostgreSQL). */
export function fen(value: unknown): bigint | null {
	if (value === null || value === undefined || value === '') return null;
	let s: string;
	if (typeof value === 'number') s = Math.abs(value) >= 1e21 ? BigInt(Math.trunc(value)).toString() : value.toFixed(6);
	else s = String(value).trim();
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
	if (!m) throw new Error(`not a decimal: ${s}`);
	return BigInt(`${m[1]}${m[2]}${(m[3] ?? '').padEnd(6, '0').slice(0, 6)}`);
}

// ---------------------------------------------------------------------------------------------
// Invariants that hold after every request, whoever sent what

export type AppendOnlySnapshot = { ledger: Map<number, string>; escalations: Map<number, string> };

const ESCALATION_IDENTITY = ['id', 'escalation_key', 'kind', 'collection', 'item', 'milestone', 'level', 'timer', 'due_at', 'occurred_at'];

export async function appendOnlySnapshot(): Promise<AppendOnlySnapshot> {
	const ledger = new Map<number, string>();
	for (const r of await db()('dealer_ledger').select('*')) ledger.set(Number(r.id), stable(r));
	const escalations = new Map<number, string>();
	for (const r of await db()('escalations').select(ESCALATION_IDENTITY)) escalations.set(Number(r.id), stable(r));
	return { ledger, escalations };
}

/** INT-1, INT-4, WTY-8, ESC-4: returns what is broken, empty when all holds. */
export async function invariantViolations(snapshot: AppendOnlySnapshot | null): Promise<string[]> {
	const out: string[] = [];
	const k = db();
	const claims = await k('warranty_claims').select('id', 'status', 'claimed_amount', 'approved_amount', 'labour_claimed', 'labour_approved', 'travel_claimed', 'travel_approved', 'repair_record');
	for (const c of claims) {
		const claimed = fen(c.claimed_amount);
		const approved = fen(c.approved_amount);
		if (approved !== null && (claimed === null || approved > claimed)) out.push(`claim ${c.id}: approved_amount ${c.approved_amount} > claimed_amount ${c.claimed_amount}`);
		for (const f of ['labour', 'travel']) {
			const a = fen(c[`${f}_approved`]);
			const cl = fen(c[`${f}_claimed`]);
			if (a !== null && cl !== null && a > cl) out.push(`claim ${c.id}: ${f}_approved ${c[`${f}_approved`]} > ${f}_claimed ${c[`${f}_claimed`]}`);
		}
	}
	const parts = await k('repair_parts').whereNotNull('approved_amount').select('id', 'amount', 'approved_amount');
	for (const p of parts) {
		const a = fen(p.approved_amount)!;
		const amount = fen(p.amount);
		if (amount === null || a > amount) out.push(`repair_parts ${p.id}: approved_amount ${p.approved_amount} > amount ${p.amount}`);
	}
	const credits = await k('dealer_ledger').where({ entry_type: 'warranty_credit' }).select('id', 'claim', 'amount', 'dealer');
	const byClaim = new Map<string, any[]>();
	for (const e of credits) byClaim.set(String(e.claim), [...(byClaim.get(String(e.claim)) ?? []), e]);
	for (const c of claims) {
		const n = byClaim.get(String(c.id))?.length ?? 0;
		if (c.status === 'settled' && n !== 1) out.push(`settled claim ${c.id} has ${n} warranty_credit entries`);
		if (c.status !== 'settled' && n !== 0) out.push(`${c.status} claim ${c.id} has ${n} warranty_credit entries`);
	}
	for (const [claim, list] of byClaim) if (!claims.some((c: any) => String(c.id) === claim)) out.push(`warranty_credit ${list.map((e) => e.id).join(',')} names no existing claim (${claim})`);
	if (snapshot) {
		const now = new Map<number, string>();
		for (const r of await k('dealer_ledger').select('*')) now.set(Number(r.id), stable(r));
		for (const [id, row] of snapshot.ledger) {
			if (!now.has(id)) out.push(`dealer_ledger ${id} was deleted`);
			else if (now.get(id) !== row) out.push(`dealer_ledger ${id} was changed: ${row} → ${now.get(id)}`);
		}
		const esc = new Map<number, string>();
		for (const r of await k('escalations').select(ESCALATION_IDENTITY)) esc.set(Number(r.id), stable(r));
		for (const [id, row] of snapshot.escalations) {
			if (!esc.has(id)) out.push(`escalation ${id} was deleted`);
			else if (esc.get(id) !== row) out.push(`escalation ${id} was changed`);
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Fixtures through the public API

export const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
export const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
let serial = 0;

const dealerIds = new Map<number, number>();
export async function dealerId(n: number): Promise<number> {
	if (!dealerIds.has(n)) {
		const admin = await actor('admin');
		const res = await admin.call(`/items/dealers?filter[code][_eq]=D00${n}&fields=id`);
		dealerIds.set(n, res.body.data[0].id);
	}
	return dealerIds.get(n)!;
}

export async function createUnit(dealer: number, soldDaysAgo = 40, cardDay: number | null = 10): Promise<{ id: number; serial_no: string }> {
	const admin = await actor('admin');
	const product = (await admin.call('/items/products?limit=1&sort=id&fields=id')).body.data[0].id;
	const serial_no = `FZ-${process.pid}-${Date.now().toString(36)}-${++serial}`;
	const res = await post(admin, '/items/units', {
		serial_no, product, dealer: await dealerId(dealer), sold_on: dayOffset(-soldDaysAgo), card_received_on: cardDay === null ? null : dayOffset(-soldDaysAgo + cardDay),
	});
	if (res.status !== 200) throw new Error(`unit: ${JSON.stringify(res.body)}`);
	return { id: res.body.data.id, serial_no };
}

export async function uploadSignature(dealer: Actor, data = `data:image/png;base64,${PNG_1PX}`): Promise<string> {
	const res = await post(dealer, '/after-sales/dealer/signatures', { data, signer_name: '王师傅' });
	if (res.status !== 200) throw new Error(`signature: ${JSON.stringify(res.body)}`);
	return res.body.data.id as string;
}

export function repairBody(unit: string, signature: string | null, extra: Record<string, unknown> = {}) {
	return {
		unit, fault_category: 'hydraulic', fault_scope: 'whole_machine', fault_description: '液压泵异响，提升无力', work_done: '更换液压泵',
		labour_cost: '100.00', travel_cost: '20.00',
		received_at: hoursFromNow(-30), completed_at: hoursFromNow(-26),
		parts: [{ part_no: 'SL-10', part_name: '密封圈', quantity: '1', unit_price: '25.00', old_part_serial: `OLD-FZ-${process.pid}-${Date.now().toString(36)}-${++serial}` }],
		...(signature ? { customer_signature: signature, signer_name: '王师傅', signed_at: hoursFromNow(-26) } : {}),
		...extra,
	};
}

export type ClaimStatus = 'draft' | 'submitted' | 'audited' | 'inspected' | 'approved' | 'settled' | 'rejected';
export type ClaimFixture = { id: number; status: ClaimStatus; dealer: number; repair: number; parts: number[]; unit: { id: number; serial_no: string }; signature: string; claim_no: string | null };

const ORDER: ClaimStatus[] = ['draft', 'submitted', 'audited', 'inspected', 'approved', 'settled'];

/** A claim of dealer n (1..3) brought to `status` through the workflow (admin may make every step). */
export async function createClaim(n: number, status: ClaimStatus, signature?: string): Promise<ClaimFixture> {
	const dealer = await actor(`dealer${n}` as ActorKey);
	const admin = await actor('admin');
	const unit = await createUnit(n);
	const sig = signature ?? (await uploadSignature(dealer));
	const repair = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, sig));
	if (repair.status !== 200) throw new Error(`repair: ${JSON.stringify(repair.body)}`);
	const claim = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.body.data.id, submit: status !== 'draft' });
	if (claim.status !== 200) throw new Error(`claim: ${JSON.stringify(claim.body)}`);
	const id = claim.body.data.id as number;
	const parts = (repair.body.data.parts as any[]).map((p) => p.id as number);
	const step = async (body: Record<string, unknown>) => {
		const res = await patch(admin, `/items/warranty_claims/${id}`, body);
		if (res.status !== 200) throw new Error(`claim ${id} → ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
	};
	if (status === 'rejected') await step({ status: 'rejected', rejection_reasons: ['over_scope'] });
	const target = ORDER.indexOf(status);
	if (target >= 2) await step({ status: 'audited' });
	if (target >= 3) {
		for (const p of parts) {
			const res = await patch(admin, `/items/repair_parts/${p}`, { old_part_status: 'reusable' });
			if (res.status !== 200) throw new Error(`part ${p}: ${JSON.stringify(res.body)}`);
		}
		await step({ status: 'inspected' });
	}
	if (target >= 4) await step({ status: 'approved' });
	if (target >= 5) {
		const res = await post(dealer, `/after-sales/dealer/claims/${id}/confirm-writeoff`);
		if (res.status !== 200) throw new Error(`settle ${id}: ${JSON.stringify(res.body)}`);
	}
	return { id, status, dealer: await dealerId(n), repair: repair.body.data.id, parts, unit, signature: sig, claim_no: claim.body.data.claim_no ?? null };
}

export async function claimRow(id: number) {
	return db()('warranty_claims').where({ id }).first();
}

/** The rows a claim depends on, for "unchanged" assertions: the claim, its repair and its lines. */
export async function claimState(id: number) {
	const claim = await db()('warranty_claims').where({ id }).first();
	const repair = claim ? await db()('repair_records').where({ id: claim.repair_record }).first() : null;
	const parts = repair ? await db()('repair_parts').where({ repair_record: repair.id }).orderBy('id') : [];
	return stable({ claim, repair, parts });
}

/** A service request for a technician (assigned) or a dealer task (dispatched), as admin. */
export async function createServiceRequest(fields: Record<string, unknown>): Promise<number> {
	const admin = await actor('admin');
	const customer = (await admin.call('/items/customers?limit=1&sort=id&fields=id')).body.data[0].id;
	const res = await post(admin, '/items/service_requests', {
		type: 'repair', channel: 'phone', received_at: hoursFromNow(-3), recorder: admin.id, customer, problem: '发动机无法启动', status: 'new', ...fields,
	});
	if (res.status !== 200) throw new Error(`service request: ${JSON.stringify(res.body)}`);
	return res.body.data.id as number;
}

/** A complaint through the CMP-3 workflow as admin, up to `status`. */
export async function createComplaint(severity: 'normal' | 'serious' | 'critical', status: 'received' | 'contacting' | 'analysing' | 'proposed' = 'received', extra: Record<string, unknown> = {}): Promise<number> {
	const admin = await actor('admin');
	const res = await post(admin, '/items/complaints', {
		received_at: hoursFromNow(-2), channel: 'phone', recorder: admin.id, category: 'quality', severity, description: '收割机液压系统漏油', ...extra,
	});
	if (res.status !== 200) throw new Error(`complaint: ${JSON.stringify(res.body)}`);
	const id = res.body.data.id as number;
	for (const s of ['contacting', 'analysing', 'proposed'] as const) {
		if (['received', 'contacting', 'analysing', 'proposed'].indexOf(status) < ['received', 'contacting', 'analysing', 'proposed'].indexOf(s)) break;
		const step = await patch(admin, `/items/complaints/${id}`, { status: s, ...(s === 'proposed' ? { analysis: '密封件老化', proposal: '更换密封件' } : {}) });
		if (step.status !== 200) throw new Error(`complaint ${id} → ${s}: ${JSON.stringify(step.body)}`);
	}
	return id;
}

export { json };
