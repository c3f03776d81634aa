import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { computeEscalationKey } from '../sla/compute-escalation-key';
import type { EscalationLevel } from '../sla/schemas';

/** DLR-2: the milestone whose breach takes a dealer task to company leadership. */
export const CLERK_CHECK_MILESTONE = 'clerk_check';

/**
 * DLR-2: whether an escalation needs the person responsible before it is acknowledged: a breach
 * of a dealer task's clerk check (the task still not in hand went to leadership).
 */
export function isResponsibleRequired(escalation: { collection: string; milestone: string; kind: string }): boolean {
	return escalation.collection === 'service_requests' && escalation.milestone === CLERK_CHECK_MILESTONE && escalation.kind === 'breach';
}

/** DLR-2: the escalation text with the person responsible named (Chinese, then English), as the notice shows it. */
export function computeResponsibleMessage(message: string, responsible: string | null): string {
	if (!responsible) return message;
	return `${message}；责任人 / responsible: ${responsible}`;
}

/** DLR-2: the escalation the clerk's "not in hand" raises at once, keyed as the sweep's own breach would be (ESC-4: once). */
export function computeClerkEscalation(id: number, responsible: string, now: Date): { key: string; level: EscalationLevel; message: string; milestone: string; occurred_at: Date } {
	const level: EscalationLevel = 3;
	const base = `内勤核查未落实，升级至 L${level}: 销售内勤核查 / clerk check: not in hand, escalated to L${level} (service_requests #${id})`;
	return { key: computeEscalationKey('service_requests', id, CLERK_CHECK_MILESTONE, level, 'breach'), level, milestone: CLERK_CHECK_MILESTONE, message: computeResponsibleMessage(base, responsible), occurred_at: now };
}

/**
 * DLR-2: the person responsible an acknowledgement records: the escalation's own, else the one
 * given, else the task's. An escalation of a dealer task to leadership naming nobody is refused
 * (400 naming `responsible`); any other escalation needs none.
 */
export function computeAcknowledgeResponsible(
	escalation: { collection: string; milestone: string; kind: string; responsible?: string | null },
	taskResponsible: string | null,
	given: string | null,
): string | null {
	const clean = (v: string | null | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : null);
	const responsible = clean(escalation.responsible) ?? clean(given) ?? clean(taskResponsible);
	if (responsible === null && isResponsibleRequired(escalation)) throw new DomainRuleError('DLR-2', 'responsible', msg('escalation.needs_responsible'), { collection: 'escalations' });
	return responsible;
}
