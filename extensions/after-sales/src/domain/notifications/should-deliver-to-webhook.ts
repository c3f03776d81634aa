import type { NoticeKind, Webhook } from './schemas';

/** ESC-2: a hook that lists `events` only hears those (e.g. a leadership group chat only hears breaches). */
export function shouldDeliverToWebhook(webhook: Webhook, kind: NoticeKind): boolean {
	return webhook.events === undefined || webhook.events.includes(kind);
}
