import { computeDigestLines } from './compute-digest-lines';
import type { WebhookFormat } from './schemas';
import type { Digest } from './types';

/** WeCom group robots refuse markdown content over 4096 bytes. */
const WECOM_MAX_BYTES = 4096;

export interface WebhookPayloadOptions {
	/** Zone in which deadlines are shown; the calendar's (CAL-3). Default Asia/Shanghai. */
	timeZone?: string;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** Keeps whole lines and says how many were left out, rather than cutting a line in half. */
function fitLines(head: string, lines: readonly string[], maxBytes: number): string {
	let text = head;

	for (const [index, line] of lines.entries()) {
		const remaining = lines.length - index - 1;
		const candidate = `${text}\n${line}`;
		const tail = remaining > 0 ? `\n… 另有 ${remaining} 项 / ${remaining} more` : '';

		if (byteLength(candidate + tail) > maxBytes) {
			return `${text}\n… 另有 ${lines.length - index} 项 / ${lines.length - index} more`;
		}

		text = candidate;
	}

	return text;
}

/**
 * ESC-2: the body a webhook receives, in the robot formats documented by each vendor:
 * DingTalk `{ msgtype: 'markdown', markdown: { title, text } }`, WeCom
 * `{ msgtype: 'markdown', markdown: { content } }`, Feishu `{ msg_type: 'text', content: { text } }`,
 * or plain JSON with the structured escalations for integrators.
 */
export function buildWebhookPayload(format: WebhookFormat, digest: Digest, options: WebhookPayloadOptions = {}): unknown {
	const timeZone = options.timeZone ?? 'Asia/Shanghai';

	switch (format) {
		case 'dingtalk': {
			const { title, lines } = computeDigestLines(digest.escalations, { timeZone, markdown: true });
			return { msgtype: 'markdown', markdown: { title, text: [`### ${title}`, '', ...lines].join('\n') } };
		}

		case 'wecom': {
			const { title, lines } = computeDigestLines(digest.escalations, { timeZone, markdown: true });
			return { msgtype: 'markdown', markdown: { content: fitLines(`### ${title}\n`, lines, WECOM_MAX_BYTES) } };
		}

		case 'feishu': {
			const { title, lines } = computeDigestLines(digest.escalations, { timeZone, markdown: false });
			return { msg_type: 'text', content: { text: [title, ...lines].join('\n') } };
		}

		case 'json':
			return {
				event: 'after_sales.escalations',
				idempotency_key: digest.key ?? null,
				recipient: digest.recipient,
				channel: digest.channel,
				count: digest.escalations.length,
				escalations: digest.escalations.map((escalation) => ({
					...escalation,
					due_at: escalation.due_at?.toISOString() ?? null,
				})),
			};
	}
}
