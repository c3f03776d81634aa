import type { EscalationLevel } from './schemas';

/**
 * ESC-2: a breach always raises the record one level (capped at L3, company leadership); a
 * milestone may demand more, e.g. DLR-2's clerk check goes straight to L3. So the target is
 * max(min(current + 1, 3), escalate_to_level).
 */
export function computeBreachLevel(current: EscalationLevel, escalateTo: EscalationLevel): EscalationLevel {
	return Math.max(Math.min(current + 1, 3), escalateTo) as EscalationLevel;
}
