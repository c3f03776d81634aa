import { createHmac } from 'node:crypto';

/**
 * ESC-2: DingTalk robots with 加签 security accept a message only on a URL carrying
 * `timestamp` (ms, within an hour of their clock) and `sign` = urlencode(base64(HMAC-SHA256 of
 * "timestamp\nsecret" keyed with the secret)). The timestamp is a parameter: the adapter reads the clock.
 */
export function computeDingTalkSignedUrl(webhookUrl: string, secret: string, timestamp: number): string {
	const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
	const separator = webhookUrl.includes('?') ? '&' : '?';

	return `${webhookUrl}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}
