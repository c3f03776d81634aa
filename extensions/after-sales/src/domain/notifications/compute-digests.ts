import type { Digest, NotificationEvent } from './types';

/**
 * ESC-2, ESC-4: one message per recipient and channel per sweep, so a manager with twenty late
 * records gets one digest, not twenty pings. An escalation listed twice (it reached the same
 * person through two roles) appears once.
 */
export function computeDigests(events: readonly NotificationEvent[]): Digest[] {
	const digests = new Map<string, { digest: Digest; listed: Set<string> }>();

	for (const { recipient, channel, escalation } of events) {
		const id = JSON.stringify([recipient, channel]);
		let entry = digests.get(id);

		if (!entry) {
			entry = { digest: { recipient, channel, escalations: [] }, listed: new Set() };
			digests.set(id, entry);
		}

		// A set, not a scan of the list: a burst of 20,000 escalations to one manager stays linear.
		if (entry.listed.has(escalation.key)) continue;
		entry.listed.add(escalation.key);
		entry.digest.escalations.push(escalation);
	}

	return [...digests.values()].map((entry) => entry.digest);
}
