import { HANDLER_ROLES } from '../complaints';
import type { RequestStatus } from './schemas';

/** REQ-1..3: the service desk: the roles that register, dispatch and close requests (the same people handle complaints, CMP-1). */
export const DESK_ROLES = HANDLER_ROLES;

export type RequestStamp = 'first_response_at' | 'dispatched_at' | 'plan_told_at' | 'accepted_at' | 'arrived_at' | 'resolved_at';

export interface RequestTransition {
	from: RequestStatus;
	to: RequestStatus;
	/** `desk`: the service desk; `field`: the job's own technician or dealer (the desk may always act for them). */
	by: 'desk' | 'field';
	/** The field that must hold a value for the move (dispatch needs a technician or a dealer). */
	requires?: 'assignee_or_dealer' | 'plan' | 'cancel_reason';
	/** Moments the move means; kept when already set. */
	stamps?: readonly RequestStamp[];
}

const OPEN: readonly RequestStatus[] = ['new', 'answered', 'reported', 'dispatched', 'scheduled', 'on_site', 'waiting_customer', 'waiting_parts'];
const WORKING: readonly RequestStatus[] = ['on_site', 'waiting_customer', 'waiting_parts'];

/**
 * REQ-1..3: the only moves a service request makes. The desk answers (REQ-2: within 1 h), closes
 * what it answered on the spot, reports what it cannot solve to the engineering manager and tells
 * the customer the plan, or dispatches a technician or a dealer. The job's technician or dealer
 * accepts (schedules), arrives, pauses while waiting for the customer or parts (ESC-1 pauses the
 * clocks) and resolves; the desk closes after the follow-up, or reopens. Cancelling needs a reason.
 */
export const REQUEST_TRANSITIONS: readonly RequestTransition[] = [
	{ from: 'new', to: 'answered', by: 'desk', stamps: ['first_response_at'] },
	{ from: 'new', to: 'reported', by: 'desk', stamps: ['first_response_at'] },
	{ from: 'new', to: 'dispatched', by: 'desk', requires: 'assignee_or_dealer', stamps: ['first_response_at', 'dispatched_at'] },
	{ from: 'answered', to: 'closed', by: 'desk' },
	{ from: 'answered', to: 'reported', by: 'desk' },
	{ from: 'answered', to: 'dispatched', by: 'desk', requires: 'assignee_or_dealer', stamps: ['dispatched_at'] },
	{ from: 'reported', to: 'answered', by: 'desk', requires: 'plan', stamps: ['plan_told_at'] },
	{ from: 'reported', to: 'dispatched', by: 'desk', requires: 'assignee_or_dealer', stamps: ['plan_told_at', 'dispatched_at'] },
	{ from: 'dispatched', to: 'scheduled', by: 'field', stamps: ['accepted_at'] },
	{ from: 'dispatched', to: 'on_site', by: 'field', stamps: ['accepted_at', 'arrived_at'] },
	{ from: 'scheduled', to: 'on_site', by: 'field', stamps: ['arrived_at'] },
	{ from: 'scheduled', to: 'dispatched', by: 'desk' },
	...WORKING.flatMap((from) => WORKING.filter((to) => to !== from).map((to): RequestTransition => ({ from, to, by: 'field' }))),
	...WORKING.map((from): RequestTransition => ({ from, to: 'resolved', by: 'field', stamps: ['resolved_at'] })),
	{ from: 'resolved', to: 'closed', by: 'desk' },
	{ from: 'resolved', to: 'on_site', by: 'desk' },
	...OPEN.map((from): RequestTransition => ({ from, to: 'cancelled', by: 'desk', requires: 'cancel_reason' })),
];

/** The states a request may be registered in (REQ-1): new, answered on the spot, or dispatched at once. */
export const INITIAL_REQUEST_STATUSES: readonly RequestStatus[] = ['new', 'answered', 'dispatched'];

export const findRequestTransition = (from: RequestStatus, to: RequestStatus) => REQUEST_TRANSITIONS.find((t) => t.from === from && t.to === to) ?? null;
