// NTF-2: the one way the pack posts to a group robot (DingTalk / WeCom / Feishu / JSON): signed
// per request where DingTalk asks for it, bounded in time, and a robot's own "200 with an error
// code" answer counts as a failure (computeRobotRefusal), so a retry follows.
import { computeDingTalkSignedUrl, computeRobotRefusal, type Webhook } from '../../domain/notifications';

/** How long a robot has to answer; a delivery under a shorter lease gives it less (sla/deliver.ts). */
export const WEBHOOK_TIMEOUT_MS = 5_000;

export async function postToRobot(webhook: Webhook, payload: unknown, idempotencyKey: string | null = null, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<void> {
	const url = webhook.format === 'dingtalk' && webhook.secret ? computeDingTalkSignedUrl(webhook.url, webhook.secret, Date.now()) : webhook.url;
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'x-idempotency-key': idempotencyKey } : {}) },
		body: JSON.stringify(payload),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${webhook.name}: HTTP ${response.status}: ${text.slice(0, 200)}`);
	const refusal = computeRobotRefusal(webhook.format, text);
	if (refusal) throw new Error(`${webhook.name}: robot refused: ${refusal}`);
}

/** NTF-2: people are @-mentioned by `directus_users.mobile`. */
export async function mobilesOf(knex: import('knex').Knex, users: string[]): Promise<string[]> {
	if (!users.length) return [];
	const rows: { mobile: string | null }[] = await knex('directus_users').whereIn('id', users).whereNotNull('mobile').select('mobile');
	return rows.map((r) => String(r.mobile).trim()).filter(Boolean);
}
