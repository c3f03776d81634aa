import { DomainRuleError } from '../errors';
import type { RetryDecision } from './types';

const MAX_ATTEMPTS = 8;
const MAX_DELAY_MINUTES = 60;

/**
 * ESC-4: a failed delivery is retried after 1, 2, 4, 8 … minutes (at most 60) and abandoned after
 * the 8th failed attempt; the escalation itself stays logged either way. `attempt` is the number
 * of the attempt that just failed, starting at 1.
 */
export function computeRetrySchedule(attempt: number, now: Date): RetryDecision {
	if (!Number.isInteger(attempt) || attempt < 1) {
		throw new DomainRuleError('ESC-4', 'attempt', `ESC-4: attempt must be a whole number from 1, got ${attempt}`);
	}

	if (attempt >= MAX_ATTEMPTS) return { give_up: true, retry_at: null, delay_minutes: null };

	const delayMinutes = Math.min(2 ** (attempt - 1), MAX_DELAY_MINUTES);
	return { give_up: false, retry_at: new Date(now.getTime() + delayMinutes * 60_000), delay_minutes: delayMinutes };
}
