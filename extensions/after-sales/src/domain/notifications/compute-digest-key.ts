import { createHash } from 'node:crypto';

/**
 * NTF-3: the idempotency key of one digest: the same notices give the same key, so a digest
 * re-sent after a crash carries the key of the first attempt (`X-Idempotency-Key`) and a receiver
 * drops the repeat. Each listed escalation also carries its own delivery key.
 */
export function computeDigestKey(deliveryKeys: readonly string[]): string {
	return createHash('sha256').update([...deliveryKeys].sort().join('\n')).digest('hex').slice(0, 40);
}
