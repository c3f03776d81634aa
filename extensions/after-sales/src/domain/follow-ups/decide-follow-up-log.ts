import { formatLocalInstant } from '../calendar';
import { DomainRuleError } from '../errors';
import { computeFollowUpKey } from './compute-follow-up-key';
import { computeSecondCallWindow, type PlannedFollowUp } from './decide-follow-ups';
import { decideEventLetter } from './decide-event-follow-ups';
import { OPEN_FOLLOW_UP_STATUSES, type FollowUpFacts } from './follow-up-facts';
import { FollowUpStateError } from './follow-up-errors';
import type { FollowUpLog, FollowUpRules } from './schemas';
import { msg, state } from '../messages';

export interface FollowUpLogPlan {
	/** Columns of the logged follow-up. */
	columns: Record<string, unknown>;
	/** FUP-2: the second follow-up moves to count from the day the first call was really made. */
	reschedule: { follow_up_key: string; due_at: Date; due_until: Date } | null;
	/** FUP-4: a made event call is followed by the letter, within `event_letter_within_days`. */
	follow_on: PlannedFollowUp | null;
}

/**
 * FUP-1..4 (every call and letter is logged): an agent's call on a follow-up. Reached → done, with
 * when, by whom, the channel, the notes and (1–5) the satisfaction; unreachable → the attempt is
 * appended to the notes and the follow-up stays open. A follow-up already done or cancelled is a
 * 409. Logging the first call moves a still-planned second call to count from today (FUP-2);
 * logging an event call plans its letter (FUP-4).
 */
export function decideFollowUpLog(facts: FollowUpFacts, log: FollowUpLog, user: string | null, settings: { rules: FollowUpRules; timeZone: string }, now: Date): FollowUpLogPlan {
	if (!OPEN_FOLLOW_UP_STATUSES.includes(facts.status)) {
		throw new FollowUpStateError('FUP-3', 'status', msg('follow_up.not_open', { id: facts.id, status: state('follow_ups', 'status', facts.status) }), { collection: 'follow_ups' });
	}
	const stamp = formatLocalInstant(now, settings.timeZone);
	if (log.outcome === 'unreachable') {
		if (log.satisfaction !== undefined && log.satisfaction !== null) {
			throw new DomainRuleError('FUP-3', 'satisfaction', msg('follow_up.unreachable'), { collection: 'follow_ups' });
		}
		const line = `[${stamp}] 未接通 / unreachable (${log.channel})${log.notes ? `: ${log.notes}` : ''}`;
		return { columns: { notes: appendNote(facts.notes, line) }, reschedule: null, follow_on: null };
	}
	const columns: Record<string, unknown> = {
		status: 'done', done_at: now, done_by: user, channel: log.channel,
		notes: log.notes ? appendNote(facts.notes, log.notes) : facts.notes,
	};
	if (log.satisfaction !== undefined && log.satisfaction !== null) columns['satisfaction'] = log.satisfaction;
	const reschedule = facts.kind === 'first_call' && facts.service_request !== null
		? { follow_up_key: computeFollowUpKey({ collection: 'service_requests', id: facts.service_request }, 'second_call'), ...computeSecondCallWindow(now, settings.rules, settings.timeZone) }
		: null;
	const follow_on = facts.kind === 'event_call' ? decideEventLetter({ id: facts.id, customer: facts.customer, event_name: facts.event_name ?? null, event_on: facts.event_on ?? null }, settings.rules, settings.timeZone, now) : null;
	return { columns, reschedule, follow_on };
}

function appendNote(existing: string | null, line: string): string {
	return existing ? `${existing}\n${line}` : line;
}
