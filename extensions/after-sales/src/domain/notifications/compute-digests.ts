import type { Digest, NotificationEvent } from './types';

/**
 * ESC-2, ESC-4: one message per recipient and channel per sweep, so a manager with twenty late
 * records gets one digest, not twenty pings. An escalation listed twice (it reached the same
 * person through two roles) appears once.
 */
export function computeDigests(events: readonly NotificationEvent[]): Digest[] {
	const digests = new Map<string, Digest>();

	for (const { recipient, channel, escalation } of events) {
		const id = JSON.stringify([recipient, channel]);
		let digest = digests.get(id);

		if (!digest) {
			digest = { recipient, channel, escalations: [] };
			digests.set(id, digest);
		}

		if (!digest.escalations.some((listed) => listed.key === escalation.key)) digest.escalations.push(escalation);
	}

	return [...digests.values()];
}
