// ARC-2, ARC-3, ARC-5: the customer archive is created the same day a call or complaint names a
// new customer, keeps the history of its own fields, and carries an overview of the customer.
import type { Knex } from 'knex';
import { computeCustomerMatch, normalizePhone } from '../../domain/archive';
import type { Accountability, PackContext } from '../lib/context';
import { toDirectusError } from '../lib/errors';
import { fromInstant, toJsonArray } from '../lib/db-values';

type Register = { filter: (event: string, handler: (...args: any[]) => unknown) => void; action: (event: string, handler: (...args: any[]) => unknown) => void };
type HookContext = { database: Knex; accountability: Accountability | null; schema: unknown };

/** Fields whose changes are kept in the archive's history (ARC-3). */
const TRACKED = ['name', 'type', 'contact_person', 'phone', 'region', 'address', 'key_account', 'dealer', 'responsible_staff', 'status', 'credit_notes', 'relationship_notes'];

export function registerArchiveHooks(register: Register, ctx: PackContext) {
	for (const collection of ['service_requests', 'complaints']) {
		register.filter(`${collection}.items.create`, async (payload: Record<string, unknown>, _meta: unknown, hook: HookContext) => {
			try {
				return await attachCustomer(payload, hook.database, hook.accountability);
			} catch (error) {
				throw toDirectusError(error);
			}
		});
	}

	register.filter('customers.items.update', async (payload: Record<string, unknown>, meta: { keys: (string | number)[] }, hook: HookContext) => {
		const changed = TRACKED.filter((field) => field in payload);
		if (changed.length === 0) return payload;
		const rows = await hook.database('customers').whereIn('id', meta.keys).select(['id', 'history', ...changed]);
		if (rows.length !== 1) return payload; // batch edits get one entry each through the action below
		const row = rows[0];
		const entry = historyEntry(row, payload, changed, hook.accountability);
		if (!entry) return payload;
		return { ...payload, history: [...toJsonArray(row.history), entry] };
	});

	// Keep the overview (ARC-5) current whenever something about a customer changes.
	for (const collection of ['units', 'service_requests', 'complaints', 'follow_ups', 'repair_records']) {
		for (const event of ['create', 'update', 'delete']) {
			register.action(`${collection}.items.${event}`, async (meta: { key?: unknown; keys?: unknown[]; payload?: Record<string, unknown> }) => {
				try {
					await refreshOverviewFor(ctx.database, collection, meta, event);
				} catch (error) {
					ctx.logger.warn(`[after-sales] ARC-5 overview refresh failed: ${(error as Error).message}`);
				}
			});
		}
	}
}

/** ARC-2: match the caller to an archive by phone, then name; otherwise create it today. */
export async function attachCustomer(payload: Record<string, unknown>, knex: Knex, accountability: Accountability | null) {
	if (payload['customer'] || (!payload['caller_name'] && !payload['caller_phone'])) return payload;
	const name = String(payload['caller_name'] ?? '').trim();
	const phone = String(payload['caller_phone'] ?? '').trim();
	const digits = normalizePhone(phone);
	const candidates = await knex('customers')
		.where((q) => {
			if (name) q.orWhere('name', name);
			if (digits) q.orWhere('phone', 'like', `%${digits.slice(-8)}%`);
		})
		.select('id', 'name', 'phone')
		.limit(50);
	const matched = computeCustomerMatch({ name, phone }, candidates);
	if (matched !== null) return { ...payload, customer: matched };
	if (!name) return payload; // a bare number is not enough to open an archive
	const at = new Date();
	const now = at.toISOString();
	const [created] = await knex('customers')
		.insert({
			name, phone: phone || null, type: 'individual', status: 'active', key_account: false,
			units_owned: 0, open_requests: 0, open_complaints: 0, date_created: fromInstant(at, knex),
			user_created: accountability?.user ?? null,
			history: JSON.stringify([{ at: now, by: accountability?.user ?? null, summary: 'created from an inbound request (ARC-2)', changes: {} }]),
		})
		.returning('id');
	const id = typeof created === 'object' ? (created as { id: number }).id : created;
	return { ...payload, customer: id };
}

function historyEntry(row: Record<string, unknown>, payload: Record<string, unknown>, changed: string[], accountability: Accountability | null) {
	const changes: Record<string, { from: unknown; to: unknown }> = {};
	for (const field of changed) {
		const before = row[field] ?? null;
		const after = payload[field] ?? null;
		if (String(before) !== String(after)) changes[field] = { from: before, to: after };
	}
	if (Object.keys(changes).length === 0) return null;
	return { at: new Date().toISOString(), by: accountability?.user ?? null, summary: Object.keys(changes).join(', '), changes };
}

async function refreshOverviewFor(knex: Knex, collection: string, meta: { key?: unknown; keys?: unknown[]; payload?: Record<string, unknown> }, event: string) {
	const keys = (meta.keys ?? (meta.key !== undefined ? [meta.key] : [])).filter((k) => k !== undefined && k !== null);
	const customerIds = new Set<number>();
	const direct = meta.payload?.['customer'];
	if (typeof direct === 'number' || typeof direct === 'string') customerIds.add(Number(direct));
	// A new call or complaint has the customer its payload gave it (the column has no default): only a
	// nested new customer ({ name … }) has an id to read back. Repairs name theirs through the unit.
	const created = event === 'create' && meta.payload !== undefined && collection !== 'repair_records' && (direct === undefined || direct === null || typeof direct !== 'object');
	if (keys.length && !created) {
		if (collection === 'repair_records') {
			const rows = await knex('repair_records').join('units', 'units.id', 'repair_records.unit').whereIn('repair_records.id', keys as number[]).select('units.customer');
			rows.forEach((r: { customer: number | null }) => r.customer && customerIds.add(r.customer));
		} else {
			const rows = await knex(collection).whereIn('id', keys as number[]).select('customer');
			rows.forEach((r: { customer: number | null }) => r.customer && customerIds.add(r.customer));
		}
	}
	if (customerIds.size) await refreshCustomerOverview(knex, [...customerIds]);
}

const OPEN_REQUEST_STATES = ['resolved', 'closed', 'cancelled'];
const OPEN_COMPLAINT_STATES = ['closed', 'rejected'];

/** ARC-5: units owned, open requests and complaints, last service, average satisfaction. */
export async function refreshCustomerOverview(knex: Knex, customerIds: number[]) {
	for (const id of customerIds) {
		const [units] = await knex('units').where({ customer: id }).count({ n: '*' });
		const [requests] = await knex('service_requests').where({ customer: id }).whereNotIn('status', OPEN_REQUEST_STATES).count({ n: '*' });
		const [complaints] = await knex('complaints').where({ customer: id }).whereNotIn('status', OPEN_COMPLAINT_STATES).count({ n: '*' });
		const [last] = await knex('repair_records').join('units', 'units.id', 'repair_records.unit').where('units.customer', id).max({ at: 'repair_records.completed_at' });
		const [sat] = await knex('follow_ups').where({ customer: id }).whereNotNull('satisfaction').avg({ avg: 'satisfaction' });
		await knex('customers').where({ id }).update({
			units_owned: Number(units?.n ?? 0),
			open_requests: Number(requests?.n ?? 0),
			open_complaints: Number(complaints?.n ?? 0),
			last_service_at: last?.at ?? null,
			avg_satisfaction: sat?.avg === null || sat?.avg === undefined ? null : Math.round(Number(sat.avg) * 100) / 100,
		});
	}
}
