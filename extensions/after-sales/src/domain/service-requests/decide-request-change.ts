import { anyOf, listOf, msg, roleOf, state } from '../messages';
import { DomainRuleError } from '../errors';
import { findRequestTransition, INITIAL_REQUEST_STATUSES, REQUEST_TRANSITIONS, type RequestStamp } from './request-transitions';
import {
	FINAL_REQUEST_STATUSES, REQUEST_STATUSES,
	type HistoryEntry, type RequestActor, type RequestFacts, type RequestNotice, type RequestStatus,
} from './schemas';

const C = 'service_requests';
const state_ = (value: string) => state(C, 'status', value);

/** What a client asks to change; only the keys present count. */
export interface RequestChange {
	status?: unknown;
	assignee?: unknown;
	dealer?: unknown;
	plan?: unknown;
	cancel_reason?: unknown;
	/** A free note for the history entry (the technician's status note). */
	note?: string | null;
	/** Check-in location text, kept with the arrival. */
	arrival_location?: unknown;
}

export interface RequestPlan {
	/** Columns to write besides what the client sent. */
	columns: Record<string, unknown>;
	notices: RequestNotice[];
}

/** States in which a job is with its technician or dealer: an assignment made now is told at once (NTF-1). */
const WITH_FIELD: readonly RequestStatus[] = ['dispatched', 'scheduled', 'on_site', 'waiting_customer', 'waiting_parts'];

const isStatus = (v: unknown): v is RequestStatus => typeof v === 'string' && (REQUEST_STATUSES as readonly string[]).includes(v);
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** REQ-2 covers answering, reporting and telling the plan; REQ-3 the on-site work; REQ-1 the register itself. */
export function computeRequestRule(from: RequestStatus | null, to: RequestStatus): 'REQ-1' | 'REQ-2' | 'REQ-3' {
	if (to === 'cancelled' || from === null) return 'REQ-1';
	return from === 'new' || from === 'answered' || from === 'reported' ? 'REQ-2' : 'REQ-3';
}

function nextSteps(from: RequestStatus) {
	const next = REQUEST_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
	return next.length ? msg('workflow.next_steps', { from: state_(from), next: anyOf([...new Set(next)].map(state_)) }) : msg('workflow.final', { from: state_(from) });
}

/**
 * REQ-1..3, NTF-1: checks one change of a stored request and returns what the system writes with
 * it: the moments the move means (first response, dispatch, plan told, acceptance, arrival,
 * resolution — kept when already set), one history entry per move or assignment, and the people
 * to tell. Throws a DomainRuleError naming the field and the rule for an illegal move, a move by
 * someone who may not make it, or a move missing what it needs.
 */
export function decideRequestUpdate(facts: RequestFacts, change: RequestChange, actor: RequestActor | null, now: Date): RequestPlan {
	const from = facts.status;
	const to = change.status === undefined ? from : change.status;
	if (!isStatus(to)) throw new DomainRuleError('REQ-1', 'status', msg('request.not_status', { value: String(to) }), { collection: C });
	const at = now.toISOString();
	const columns: Record<string, unknown> = {};
	const entries: HistoryEntry[] = [];
	const merged = {
		assignee: 'assignee' in change ? (change.assignee as string | null) : facts.assignee,
		dealer: 'dealer' in change ? (change.dealer as number | null) : facts.dealer,
		plan: 'plan' in change ? change.plan : facts.plan,
		cancel_reason: change.cancel_reason,
	};

	if (to !== from) {
		const rule = computeRequestRule(from, to);
		if (FINAL_REQUEST_STATUSES.includes(from)) throw new DomainRuleError(rule, 'status', msg('request.final', { from: state_(from) }), { collection: C });
		const move = findRequestTransition(from, to);
		if (!move) throw new DomainRuleError(rule, 'status', msg('request.transition', { from: state_(from), to: state_(to), hint: nextSteps(from) }), { collection: C });
		if (actor && !actor.desk && !(move.by === 'field' && actor.field)) {
			const who = msg(move.by === 'desk' ? 'request.by_desk' : 'request.by_field');
			const roles = actor.roles.length ? listOf(actor.roles.map(roleOf)) : msg('workflow.this_user');
			throw new DomainRuleError(rule, 'status', msg('request.role', { roles, from: state_(from), to: state_(to), who }), { collection: C });
		}
		if (move.requires === 'assignee_or_dealer' && blank(merged.assignee) && blank(merged.dealer)) {
			throw new DomainRuleError('REQ-3', 'assignee', msg('request.needs_assignee'), { collection: C });
		}
		if (move.requires === 'plan' && blank(merged.plan)) throw new DomainRuleError('REQ-2', 'plan', msg('request.needs_plan', { from: state_(from), to: state_(to) }), { collection: C });
		if (move.requires === 'cancel_reason' && blank(merged.cancel_reason)) throw new DomainRuleError('REQ-1', 'cancel_reason', msg('request.needs_cancel_reason'), { collection: C });
		stamp(columns, facts, move.stamps ?? [], at);
		if (to === 'on_site' && !blank(change.arrival_location)) columns['arrival_location'] = change.arrival_location;
		entries.push({ at, by: actor?.user ?? null, from, to, summary: `${from} → ${to} (${rule})`, ...(change.note ? { note: change.note } : {}) });
	} else if (change.note) {
		entries.push({ at, by: actor?.user ?? null, from, to, summary: `note (REQ-3)`, note: change.note });
	}

	const assigneeChanged = 'assignee' in change && (change.assignee ?? null) !== facts.assignee;
	const dealerChanged = 'dealer' in change && (change.dealer ?? null) !== facts.dealer;
	// DLR-2: dealers may not push warranty customers back to the company: a dealer clears or moves no task.
	if ((assigneeChanged || dealerChanged) && actor && !actor.desk && actor.roles.includes('dealer')) {
		throw new DomainRuleError('DLR-2', dealerChanged ? 'dealer' : 'assignee', msg('dealer_task.no_hand_back'), { collection: C });
	}
	if ((assigneeChanged || dealerChanged) && actor && !actor.desk) {
		throw new DomainRuleError('REQ-3', assigneeChanged ? 'assignee' : 'dealer', msg('request.desk_assigns'), { collection: C });
	}
	if (FINAL_REQUEST_STATUSES.includes(from) && (assigneeChanged || dealerChanged)) {
		throw new DomainRuleError('REQ-3', assigneeChanged ? 'assignee' : 'dealer', msg('request.final_not_reassigned', { from: state_(from) }), { collection: C });
	}
	if (assigneeChanged) entries.push({ at, by: actor?.user ?? null, from: to, to, summary: merged.assignee ? 'assigned to a technician (NTF-1)' : 'technician removed (REQ-3)', assignee: merged.assignee ?? null });
	if (dealerChanged) entries.push({ at, by: actor?.user ?? null, from: to, to, summary: merged.dealer ? 'task sent to a dealer (DLR-2)' : 'dealer removed (REQ-3)', dealer: merged.dealer === null || merged.dealer === undefined ? null : Number(merged.dealer) });

	const notices: RequestNotice[] = [];
	const justDispatched = to === 'dispatched' && from !== 'dispatched';
	if (WITH_FIELD.includes(to)) {
		if (merged.assignee && (assigneeChanged || justDispatched)) {
			notices.push({ kind: facts.assignee && facts.assignee !== merged.assignee ? 'reassignment' : 'assignment', user: String(merged.assignee) });
		}
		if (merged.dealer && (dealerChanged || justDispatched)) notices.push({ kind: 'dealer_task', dealer: Number(merged.dealer) });
	}
	// The step's last entry carries whom it tells (NTF-1), so the notice is derived from the log once.
	if (notices.length && entries.length) entries[entries.length - 1]!.notify = notices;
	if (entries.length) columns['history'] = [...facts.history, ...entries];
	return { columns, notices };
}

/**
 * REQ-1: a new request is registered as new, answered on the spot, or dispatched at once; the
 * recorder is whoever registers it unless the desk names another. The system (demo data,
 * imports) may register a request in any state.
 */
export function decideRequestCreate(payload: Record<string, unknown>, actor: RequestActor | null, now: Date): RequestPlan {
	const status = payload['status'] === undefined || payload['status'] === null ? 'new' : payload['status'];
	if (!isStatus(status)) throw new DomainRuleError('REQ-1', 'status', msg('request.not_status', { value: String(status) }), { collection: C });
	if (actor && !INITIAL_REQUEST_STATUSES.includes(status)) {
		throw new DomainRuleError('REQ-1', 'status', msg('request.initial_status', { allowed: listOf(INITIAL_REQUEST_STATUSES.map(state_)), status: state_(status) }), { collection: C });
	}
	if (status === 'dispatched' && blank(payload['assignee']) && blank(payload['dealer'])) {
		throw new DomainRuleError('REQ-3', 'assignee', msg('request.needs_assignee'), { collection: C });
	}
	const at = now.toISOString();
	const columns: Record<string, unknown> = { status };
	if (blank(payload['recorder']) && actor?.user) columns['recorder'] = actor.user;
	const given = (f: string) => !blank(payload[f]);
	if (status !== 'new' && !given('first_response_at')) columns['first_response_at'] = at;
	if (status === 'dispatched' && !given('dispatched_at')) columns['dispatched_at'] = at;
	const notices: RequestNotice[] = [];
	if (WITH_FIELD.includes(status)) {
		if (!blank(payload['assignee'])) notices.push({ kind: 'assignment', user: String(payload['assignee']) });
		if (!blank(payload['dealer'])) notices.push({ kind: 'dealer_task', dealer: Number(payload['dealer']) });
	}
	const entry: HistoryEntry = { at, by: actor?.user ?? null, from: null, to: status, summary: `registered as ${status} (REQ-1)`, ...(notices.length ? { notify: notices } : {}) };
	columns['history'] = [entry];
	return { columns, notices };
}

function stamp(columns: Record<string, unknown>, facts: RequestFacts, stamps: readonly RequestStamp[], at: string) {
	for (const field of stamps) if (!facts[field]) columns[field] = at;
}
