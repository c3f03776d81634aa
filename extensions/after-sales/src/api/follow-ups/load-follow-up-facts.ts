import type { Knex } from 'knex';
import type { FollowUpFacts, FollowUpRecordKind, FollowUpStatus, FollowUpSubject } from '../../domain/follow-ups';
import { toInstant } from '../lib/db-values';

const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

/** FUP-1..3: a service request or a repair record as the follow-up rules see it (the customer: the request's, else the unit's). */
export async function loadFollowUpSubject(knex: Knex, collection: FollowUpSubject['collection'], id: number): Promise<FollowUpSubject | null> {
	if (collection === 'service_requests') {
		const r = await knex('service_requests as s').leftJoin('units as u', 'u.id', 's.unit').where('s.id', id)
			.first('s.id', 's.status', 's.customer', 'u.customer as unit_customer', 's.dispatched_at', 's.resolved_at');
		if (!r) return null;
		return {
			collection, id: Number(r.id), status: String(r.status), customer: num(r.customer) ?? num(r.unit_customer), service_request: Number(r.id),
			dispatched_at: toInstant(r.dispatched_at, knex), done_at: toInstant(r.resolved_at, knex),
		};
	}
	const r = await knex('repair_records as r').leftJoin('units as u', 'u.id', 'r.unit').leftJoin('service_requests as s', 's.id', 'r.service_request').where('r.id', id)
		.first('r.id', 'r.status', 'r.service_request', 'r.completed_at', 's.customer as request_customer', 'u.customer as unit_customer');
	if (!r) return null;
	return {
		collection, id: Number(r.id), status: String(r.status), customer: num(r.request_customer) ?? num(r.unit_customer), service_request: num(r.service_request),
		dispatched_at: null, done_at: toInstant(r.completed_at, knex),
	};
}

/** FUP-3, FUP-6: a stored follow-up with the technician who did the work (the request's assignee, else the repair's technician). */
export async function loadFollowUpFacts(knex: Knex, id: number): Promise<FollowUpFacts | null> {
	const r = await knex('follow_ups as f').leftJoin('service_requests as s', 's.id', 'f.service_request').leftJoin('repair_records as rr', 'rr.id', 'f.repair_record')
		.where('f.id', id).first('f.id', 'f.kind', 'f.status', 'f.customer', 'f.service_request', 'f.repair_record', 'f.notes', 'f.event_name', 'f.event_on', 's.assignee', 'rr.technician');
	if (!r) return null;
	return {
		id: Number(r.id), kind: String(r.kind) as FollowUpRecordKind, status: String(r.status) as FollowUpStatus, customer: Number(r.customer),
		service_request: num(r.service_request), repair_record: num(r.repair_record), notes: (r.notes as string | null) ?? null,
		technician: (r.assignee as string | null) ?? (r.technician as string | null) ?? null,
		event_name: (r.event_name as string | null) ?? null, event_on: toDay(r.event_on),
	};
}

/** A date column as YYYY-MM-DD, whatever the vendor returns (a Date at local midnight, text). */
function toDay(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (value instanceof Date) return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
	return String(value).slice(0, 10);
}
