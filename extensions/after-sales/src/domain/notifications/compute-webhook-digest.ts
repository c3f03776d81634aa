import type { Webhook } from './schemas';
import { shouldDeliverToWebhook } from './should-deliver-to-webhook';
import type { Digest } from './types';

/** ESC-2: the part of a digest a webhook wants, or null when nothing is left to send. */
export function computeWebhookDigest(digest: Digest, webhook: Webhook): Digest | null {
	const escalations = digest.escalations.filter((escalation) => shouldDeliverToWebhook(webhook, escalation.kind));
	return escalations.length > 0 ? { ...digest, escalations } : null;
}
