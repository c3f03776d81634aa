import type { NotificationChannels } from './schemas';
import type { Delivery } from './types';

/** NTF-3: the stable key of one notice (escalation × channel × recipient); receivers drop a repeat by it. */
export function computeDeliveryKey(escalationKey: string, channel: string, recipient: string): string {
	return `${escalationKey}|${channel}|${recipient}`;
}

/**
 * ESC-2, NTF-2: the notices one escalation owes: in-app and e-mail to each recipient, and each
 * webhook that listens to its kind, all pending until `deliverAt`.
 */
export function computeDeliveries(escalationKey: string, kind: 'warning' | 'breach', recipients: readonly string[], channels: NotificationChannels, deliverAt: Date): Delivery[] {
	const pending = (channel: string, recipient: string): Delivery => ({
		key: computeDeliveryKey(escalationKey, channel, recipient), channel, recipient, status: 'pending', attempts: 0, next_at: deliverAt.toISOString(), sent_at: null, error: null,
	});
	const deliveries: Delivery[] = [];
	if (channels.in_app) deliveries.push(...recipients.map((r) => pending('in_app', r)));
	if (channels.email) deliveries.push(...recipients.map((r) => pending('email', r)));
	for (const webhook of channels.webhooks) {
		if (!webhook.events || webhook.events.includes(kind)) deliveries.push(pending(`webhook:${webhook.name}`, '*'));
	}
	return deliveries;
}
