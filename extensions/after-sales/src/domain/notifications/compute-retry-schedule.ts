import { DomainRuleError } from '../errors';
import type { DeliveryRetry } from './schemas';
import type { RetryDecision } from './types';

/** ESC-4's defaults (`delivery_retry` in the settings). */
export const DEFAULT_DELIVERY_RETRY: DeliveryRetry = { max_attempts: 8, max_delay_minutes: 60 };

/**
 * ESC-4: a failed delivery is retried after 1, 2, 4, 8 … minutes (at most `max_delay_minutes`) and
 * abandoned after the `max_attempts`th failed attempt; the escalation itself stays logged either
 * way. `attempt` is the number of the attempt that just failed, starting at 1.
 */
export function computeRetrySchedule(attempt: number, now: Date, policy: DeliveryRetry = DEFAULT_DELIVERY_RETRY): RetryDecision {
	if (!Number.isInteger(attempt) || attempt < 1) {
		throw new DomainRuleError('ESC-4', 'attempt', `ESC-4: attempt must be a whole number from 1, got ${attempt}`);
	}

	if (attempt >= policy.max_attempts) return { give_up: true, retry_at: null, delay_minutes: null };

	const delayMinutes = Math.min(2 ** (attempt - 1), policy.max_delay_minutes);
	return { give_up: false, retry_at: new Date(now.getTime() + delayMinutes * 60_000), delay_minutes: delayMinutes };
}
