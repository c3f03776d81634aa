import type { Knex } from 'knex';
import type { RequestFacts, RequestStatus } from '../../domain/service-requests';
import { toInstant, toJsonArray } from '../lib/db-values';

const COLUMNS = ['id', 'type', 'status', 'assignee', 'dealer', 'plan', 'first_response_at', 'dispatched_at', 'plan_told_at', 'accepted_at', 'arrived_at', 'resolved_at', 'history'] as const;

const iso = (v: unknown, knex: Knex) => toInstant(v, knex)?.toISOString() ?? null;

/** REQ-1..3: the stored requests as the workflow sees them. */
export async function loadRequestFacts(knex: Knex, ids: readonly (string | number)[]): Promise<RequestFacts[]> {
	if (!ids.length) return [];
	const rows: Record<string, unknown>[] = await knex('service_requests').whereIn('id', ids as (string | number)[]).select(...COLUMNS);
	return rows.map((r) => ({
		id: Number(r['id']), type: String(r['type']), status: String(r['status']) as RequestStatus,
		assignee: (r['assignee'] as string | null) ?? null, dealer: r['dealer'] === null || r['dealer'] === undefined ? null : Number(r['dealer']),
		plan: (r['plan'] as string | null) ?? null,
		first_response_at: iso(r['first_response_at'], knex), dispatched_at: iso(r['dispatched_at'], knex), plan_told_at: iso(r['plan_told_at'], knex),
		accepted_at: iso(r['accepted_at'], knex), arrived_at: iso(r['arrived_at'], knex), resolved_at: iso(r['resolved_at'], knex),
		history: toJsonArray(r['history']),
	}));
}
