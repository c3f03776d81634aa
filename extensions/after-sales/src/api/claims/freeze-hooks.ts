// INT-1: a submitted claim freezes the repair it claims on every path through the items service
// (REST /items single, batch and by query, GraphQL, flows, the pack's own endpoints). The audit
// steps keep writing what they own; everything else is a 409 naming the field.
import type { Knex } from 'knex';
import { assertRepairEditable, type ClaimStatus } from '../../domain/claims';
import type { Accountability, PackContext } from '../lib/context';
import { toDirectusError } from '../lib/errors';
import { MAX_ID, refId } from '../lib/ids';
import type { Register } from '../warranty/register';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

async function claimStatusesOfRepairs(knex: Knex, repairIds: unknown[]): Promise<ClaimStatus[]> {
	const ids = repairIds.filter((id) => /^\d{1,10}$/.test(String(id)) && Number(id) <= MAX_ID);
	if (!ids.length) return [];
	const rows = await knex('warranty_claims').whereIn('repair_record', ids as never[]).select('status');
	return rows.map((r: { status: ClaimStatus }) => r.status);
}

async function claimStatusesOfParts(knex: Knex, partIds: unknown[]): Promise<ClaimStatus[]> {
	const ids = partIds.filter((id) => /^\d{1,10}$/.test(String(id)) && Number(id) <= MAX_ID);
	if (!ids.length) return [];
	const rows = await knex('warranty_claims as c').join('repair_parts as p', 'p.repair_record', 'c.repair_record').whereIn('p.id', ids as never[]).select('c.status');
	return rows.map((r: { status: ClaimStatus }) => r.status);
}


export function registerFreezeHooks(register: Register, _ctx: PackContext) {
	const check = (collection: 'repair_records' | 'repair_parts', action: 'create' | 'update' | 'delete', fields: string[], statuses: ClaimStatus[]) => {
		for (const claim_status of statuses) assertRepairEditable({ collection, action, fields, claim_status });
	};
	const guarded = (handler: (input: unknown, meta: { keys?: (string | number)[] }, hook: HookContext) => Promise<unknown>) =>
		async (input: unknown, meta: { keys?: (string | number)[] }, hook: HookContext) => {
			try {
				// The pack's own internal writes (costs, batches, settlement) run without accountability.
				if (!hook.accountability) return input;
				return await handler(input, meta, hook);
			} catch (error) {
				throw toDirectusError(error);
			}
		};

	register.filter('repair_records.items.update', guarded(async (payload, meta, hook) => {
		check('repair_records', 'update', Object.keys(payload as Payload), await claimStatusesOfRepairs(hook.database, meta.keys ?? []));
		return payload;
	}));
	register.filter('repair_records.items.delete', guarded(async (keys, _meta, hook) => {
		check('repair_records', 'delete', [], await claimStatusesOfRepairs(hook.database, keys as unknown[]));
		return keys;
	}));
	register.filter('repair_parts.items.create', guarded(async (payload, _meta, hook) => {
		const repair = refId((payload as Payload)['repair_record']);
		if (repair !== undefined && repair !== null) check('repair_parts', 'create', [], await claimStatusesOfRepairs(hook.database, [repair]));
		return payload;
	}));
	register.filter('repair_parts.items.update', guarded(async (payload, meta, hook) => {
		const p = payload as Payload;
		check('repair_parts', 'update', Object.keys(p), await claimStatusesOfParts(hook.database, meta.keys ?? []));
		// Moving a line onto a claimed repair is adding a line to it.
		const target = refId(p['repair_record']);
		if (target !== undefined && target !== null) check('repair_parts', 'create', [], await claimStatusesOfRepairs(hook.database, [target]));
		return payload;
	}));
	register.filter('repair_parts.items.delete', guarded(async (keys, _meta, hook) => {
		check('repair_parts', 'delete', [], await claimStatusesOfParts(hook.database, keys as unknown[]));
		return keys;
	}));
}
