import type { NoticeKind } from './schemas';

/** One logged escalation (ESC-4) as the people notified see it. */
export interface EscalationNotice {
	/** `computeEscalationKey(...)`: the same escalation is never listed twice. */
	key: string;
	collection: string;
	item_id: string | number;
	milestone: string;
	milestone_label: string;
	milestone_label_en?: string | null;
	kind: NoticeKind;
	level: 1 | 2 | 3;
	due_at: Date | null;
	/** What people recognise the record by: a complaint number, a customer name. */
	record_label?: string | null;
	/** Link to the item in the Studio or portal. */
	url?: string | null;
	/** NTF-3: the key of this notice to this recipient on this channel; a receiver drops a repeat by it. */
	delivery_key?: string | null;
}

/** Channel keys: 'in_app', 'email', or 'webhook:<name>'. */
export type NotificationChannel = string;

export interface NotificationEvent {
	recipient: string;
	channel: NotificationChannel;
	escalation: EscalationNotice;
}

export interface Digest {
	/** NTF-3: `computeDigestKey` of the notices it carries; sent as `X-Idempotency-Key`. */
	key?: string;
	recipient: string;
	channel: NotificationChannel;
	escalations: EscalationNotice[];
}

export type RetryDecision =
	| { give_up: false; retry_at: Date; delay_minutes: number }
	| { give_up: true; retry_at: null; delay_minutes: null };

/** One notice owed by an escalation, kept in `escalations.deliveries` (NTF-3). */
export interface Delivery {
	/** `computeDeliveryKey(...)`: stable across retries and crashes; sent as `X-Idempotency-Key`. */
	key?: string;
	channel: string;
	recipient: string;
	status: 'pending' | 'sent' | 'failed' | 'abandoned';
	attempts: number;
	next_at: string | null;
	sent_at: string | null;
	error: string | null;
}
