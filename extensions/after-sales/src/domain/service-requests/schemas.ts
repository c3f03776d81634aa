import { z } from 'zod';

/** REQ-1..3: the states of a service request (repair call, enquiry, dealer task). */
export const REQUEST_STATUSES = [
	'new', 'answered', 'reported', 'dispatched', 'scheduled', 'on_site', 'waiting_customer', 'waiting_parts', 'resolved', 'closed', 'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);

/** Final states: nothing moves out of them. */
export const FINAL_REQUEST_STATUSES: readonly RequestStatus[] = ['closed', 'cancelled'];

/** ESC-1: the clocks of a request stand still while it waits for the customer or for parts. */
export const PAUSING_REQUEST_STATUSES: readonly RequestStatus[] = ['waiting_customer', 'waiting_parts'];

/** The statuses a technician sets from the portal (`POST /technician/requests/:id/status`). */
export const FIELD_STATUSES = ['on_site', 'waiting_parts', 'waiting_customer', 'resolved'] as const;

/** What the rules need to know about a stored request. */
export interface RequestFacts {
	id: number;
	type: string;
	status: RequestStatus;
	assignee: string | null;
	dealer: number | null;
	plan: string | null;
	first_response_at: string | null;
	dispatched_at: string | null;
	plan_told_at: string | null;
	accepted_at: string | null;
	arrived_at: string | null;
	resolved_at: string | null;
	history: unknown[];
}

/**
 * Who acts: `desk` is the service desk (agents, managers, leadership, an administrator); `field`
 * is the person the job is with — its technician or its dealer — acting on their own job.
 * The system (no user: the sweep, the demo seed) is neither and is not checked.
 */
export interface RequestActor {
	user: string | null;
	desk: boolean;
	field: boolean;
	/** Role keys, for the message only. */
	roles: readonly string[];
}

/** A history entry, as every pack workflow writes them. */
export interface HistoryEntry {
	at: string;
	by: string | null;
	from: string | null;
	to: string;
	summary: string;
	note?: string;
	/** On an assignment entry: the technician or dealer the job went to. */
	assignee?: string | null;
	dealer?: number | null;
	/** NTF-1: whom this step tells; each (entry, person) becomes one notice, once. */
	notify?: RequestNotice[];
}

/** A person the change must tell at once (NTF-1). */
export type RequestNotice =
	| { kind: 'assignment' | 'reassignment'; user: string }
	| { kind: 'dealer_task'; dealer: number };
