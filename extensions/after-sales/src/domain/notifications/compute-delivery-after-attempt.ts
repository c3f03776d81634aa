import { computeRetrySchedule } from './compute-retry-schedule';
import type { DeliveryRetry } from './schemas';
import type { Delivery } from './types';

/**
 * ESC-4, NTF-3: a delivery after one attempt: sent; abandoned when the channel says it never can
 * be (`abandon: …`, e.g. a user without an e-mail address) or after the last retry; otherwise
 * failed with the next retry time (backoff).
 */
export function computeDeliveryAfterAttempt(delivery: Delivery, error: string | null, now: Date, policy?: DeliveryRetry): Delivery {
	const attempts = delivery.attempts + 1;
	if (error === null) return { ...delivery, attempts, status: 'sent', sent_at: now.toISOString(), next_at: null, error: null };
	if (error.startsWith('abandon:')) return { ...delivery, attempts, status: 'abandoned', next_at: null, error: error.slice('abandon:'.length).trim() };
	const retry = computeRetrySchedule(attempts, now, policy);
	return retry.give_up
		? { ...delivery, attempts, status: 'abandoned', next_at: null, error }
		: { ...delivery, attempts, status: 'failed', next_at: retry.retry_at.toISOString(), error };
}
