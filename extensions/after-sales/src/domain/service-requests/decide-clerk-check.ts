import { z } from 'zod';
import { DomainRuleError } from '../errors';
import { msg, state } from '../messages';
import { FINAL_REQUEST_STATUSES, type HistoryEntry, type RequestStatus } from './schemas';

const C = 'service_requests';

/** DLR-2: what the sales clerk (销售内勤) finds when checking a dealer task. */
export const CLERK_CHECK_RESULTS = ['in_hand', 'not_in_hand'] as const;
export type ClerkCheckResult = (typeof CLERK_CHECK_RESULTS)[number];

/** DLR-2: the body of `POST /after-sales/dealer-tasks/:id/clerk-check`. */
export const ClerkCheckInputSchema = z.strictObject({
	result: z.enum(CLERK_CHECK_RESULTS),
	note: z.string().trim().min(1).max(2000).optional(),
	responsible_person: z.string().trim().min(1).max(255).optional(),
});
export type ClerkCheckInput = z.input<typeof ClerkCheckInputSchema>;

/** The stored task as the clerk check sees it. */
export interface ClerkCheckFacts {
	id: number;
	status: RequestStatus;
	dealer: number | null;
	responsible_person: string | null;
	history: unknown[];
}

/** Who records the check: `clerk` is the service desk (Service Agent = 销售内勤, managers, leadership, an admin). */
export interface ClerkCheckActor {
	user: string | null;
	clerk: boolean;
}

export interface ClerkCheckPlan {
	columns: Record<string, unknown>;
	/** Not in hand: escalated to company leadership at once, naming `responsible`. */
	escalate: boolean;
	responsible: string | null;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * DLR-2: the sales clerk checks a dealer task within 4 h of dispatch. Recording the result stamps
 * who and when (which meets the `clerk_check` milestone) and appends to the history; a task found
 * not in hand is escalated to company leadership and needs the person responsible. Refuses
 * (DomainRuleError naming the field) a non-dealer task, a closed one, an unknown result, a missing
 * person responsible, and anyone who is not the service desk (403).
 */
export function decideClerkCheck(facts: ClerkCheckFacts, input: { result?: unknown; note?: unknown; responsible_person?: unknown }, actor: ClerkCheckActor | null, now: Date): ClerkCheckPlan {
	if (actor && !actor.clerk) throw new ClerkCheckForbiddenError();
	if (facts.dealer === null) throw new DomainRuleError('DLR-2', 'clerk_check_result', msg('clerk_check.not_dealer_task', { id: facts.id }), { collection: C });
	if (FINAL_REQUEST_STATUSES.includes(facts.status)) {
		throw new DomainRuleError('DLR-2', 'clerk_check_result', msg('clerk_check.final', { id: facts.id, status: state(C, 'status', facts.status) }), { collection: C });
	}
	const result = input.result;
	if (typeof result !== 'string' || !(CLERK_CHECK_RESULTS as readonly string[]).includes(result)) {
		throw new DomainRuleError('DLR-2', 'clerk_check_result', msg('clerk_check.result', { value: String(result) }), { collection: C });
	}
	const note = blank(input.note) ? null : String(input.note).trim();
	const given = blank(input.responsible_person) ? null : String(input.responsible_person).trim();
	const responsible = given ?? (blank(facts.responsible_person) ? null : String(facts.responsible_person));
	const escalate = result === 'not_in_hand';
	if (escalate && responsible === null) throw new DomainRuleError('DLR-2', 'responsible_person', msg('clerk_check.needs_responsible'), { collection: C });
	const at = now.toISOString();
	const summary = escalate ? `clerk check: not in hand, escalated to leadership; responsible: ${responsible} (DLR-2)` : 'clerk check: in hand (DLR-2)';
	const entry: HistoryEntry = { at, by: actor?.user ?? null, from: facts.status, to: facts.status, summary, ...(note ? { note } : {}) };
	const columns: Record<string, unknown> = {
		clerk_check_result: result, clerk_checked_at: at, clerk_checked_by: actor?.user ?? null, history: [...facts.history, entry],
		...(note !== null || 'note' in input ? { clerk_check_note: note } : {}),
		...(given !== null ? { responsible_person: given } : {}),
	};
	return { columns, escalate, responsible };
}

/** DLR-2: only the service desk records the clerk's check (403). */
export class ClerkCheckForbiddenError extends DomainRuleError {
	readonly status = 403;
	constructor() {
		super('DLR-2', 'clerk_check_result', msg('clerk_check.role'), { collection: C });
		this.name = 'ClerkCheckForbiddenError';
	}
}
