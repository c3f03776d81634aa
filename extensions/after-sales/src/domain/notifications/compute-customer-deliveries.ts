import type { NotificationChannels } from './schemas';
import type { Delivery } from './types';

/**
 * REQ-7, FUP-6, NTF-3: the channels a customer message goes by: SMS to the customer's phone when a
 * gateway is configured, e-mail when the customer has an address and customer e-mail is on. Each
 * delivery's key is stable (`<follow_up_key>|<channel>`), so a gateway can drop a repeat. None =
 * nobody can be texted, and an agent phones from the call list.
 */
export function computeCustomerDeliveries(key: string, customer: number, contact: { phone: string | null; email: string | null }, channels: NotificationChannels, at: Date): Delivery[] {
	const pending = (channel: string): Delivery => ({ key: `${key}|${channel}`, channel, recipient: `customer:${customer}`, status: 'pending', attempts: 0, next_at: at.toISOString(), sent_at: null, error: null });
	const out: Delivery[] = [];
	if (channels.customer_sms && contact.phone && /\d{5,}/.test(contact.phone)) out.push(pending('sms'));
	if (channels.customer_email && contact.email && contact.email.includes('@')) out.push(pending('email'));
	return out;
}
