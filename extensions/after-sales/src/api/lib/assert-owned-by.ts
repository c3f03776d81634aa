// ARC-4, DLR-1: the one scope check for every id a dealer or technician passes. A missing id and
// another dealer's id get the same 403, so probing ids tells nobody what exists.
import type { Knex } from 'knex';
import type { Caller } from './caller';
import { forbidden } from './errors';
import { parseIdOrThrow, parseUuidOrThrow } from './ids';
import { msg, type MessageKey } from '../../domain/messages';

export type OwnedKind = 'service_request' | 'unit' | 'repair' | 'claim' | 'parts_return' | 'file';

/** The folder the pack stores customer signatures in (WTY-5); files elsewhere are never a portal user's. */
export const SIGNATURE_FOLDER = 'a5a1e5a1-0000-4000-8000-00000000f001';

const LABELS: Record<OwnedKind | 'notification' | 'task', MessageKey> = {
	notification: 'owned.notification', task: 'owned.task', service_request: 'owned.service_request', unit: 'owned.unit', repair: 'owned.repair', claim: 'owned.claim', parts_return: 'owned.parts_return', file: 'owned.file',
};

export function forbiddenOrMissing(what: keyof typeof LABELS, rule = 'DLR-1') {
	return forbidden(rule, msg('scope.not_yours', { what: msg(LABELS[what]), rule }));
}

type Scope = { dealer: number } | { technician: string };

function scopeOf(caller: Caller): Scope | null {
	if (caller.staff || caller.admin) return null;
	if (caller.roles.includes('dealer') && caller.dealer !== null) return { dealer: caller.dealer };
	if (caller.roles.includes('technician') && caller.user) return { technician: caller.user };
	throw forbidden('DLR-1', msg('scope.portal_users'));
}

async function owns(knex: Knex, scope: Scope, kind: OwnedKind, id: number | string): Promise<boolean> {
	const dealer = 'dealer' in scope ? scope.dealer : null;
	const tech = 'technician' in scope ? scope.technician : null;
	switch (kind) {
		case 'service_request': {
			const row = await knex('service_requests').where({ id }).first('dealer', 'assignee');
			return Boolean(row) && (dealer !== null ? Number(row.dealer) === dealer : row.assignee === tech);
		}
		case 'unit': {
			if (dealer !== null) return Boolean(await knex('units').where({ id, dealer }).first('id'));
			const viaRequest = await knex('service_requests').where({ unit: id, assignee: tech }).first('id');
			return Boolean(viaRequest) || Boolean(await knex('repair_records').where({ unit: id, technician: tech }).first('id'));
		}
		case 'repair':
			return Boolean(await knex('repair_records').where(dealer !== null ? { id, dealer } : { id, technician: tech }).first('id'));
		case 'claim':
			return dealer !== null && Boolean(await knex('warranty_claims').where({ id, dealer }).first('id'));
		case 'parts_return':
			return dealer !== null && Boolean(await knex('parts_returns').where({ id, dealer }).first('id'));
		case 'file': {
			const file = await knex('directus_files').where({ id }).first('uploaded_by', 'folder');
			if (!file || file.folder !== SIGNATURE_FOLDER) return false;
			if (tech !== null) {
				if (file.uploaded_by === tech) return true;
				return Boolean(await knex('repair_records').where({ customer_signature: id, technician: tech }).first('id'));
			}
			const uploader = file.uploaded_by ? await knex('directus_users').where({ id: file.uploaded_by }).first('dealer', 'id') : null;
			if (uploader && Number(uploader.dealer) === dealer) return true;
			return Boolean(await knex('repair_records').where({ customer_signature: id, dealer }).first('id'));
		}
	}
}

/**
 * ARC-4, DLR-1: refuses (403) unless `id` is the caller's own: the dealer's records, or the
 * technician's assigned requests and own repairs. Staff pass. Returns the parsed id.
 */
export async function assertOwnedBy<K extends OwnedKind>(knex: Knex, caller: Caller, kind: K, id: unknown, field: string = kind): Promise<K extends 'file' ? string : number> {
	const parsed = kind === 'file' ? parseUuidOrThrow(id, field, 'DLR-1') : parseIdOrThrow(id, field, 'DLR-1');
	const scope = scopeOf(caller);
	if (scope && !(await owns(knex, scope, kind, parsed))) throw forbiddenOrMissing(kind);
	return parsed as never;
}
