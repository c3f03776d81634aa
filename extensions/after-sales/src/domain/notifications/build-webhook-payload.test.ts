import { describe, expect, test } from 'vitest';
import { buildWebhookPayload } from './build-webhook-payload';
import { computeDingTalkSignedUrl } from './compute-ding-talk-signed-url';
import { notice, warning } from './test-fixtures';
import type { Digest } from './types';

const digest: Digest = { recipient: 'group', channel: 'webhook:ops', escalations: [warning, notice()] };

describe('buildWebhookPayload', () => {
	test('ESC-2: when the hook is DingTalk, then a markdown robot message lists breaches first with local due times', () => {
		const payload = buildWebhookPayload('dingtalk', digest) as { msgtype: string; markdown: { title: string; text: string } };

		expect(payload.msgtype).toBe('markdown');
		expect(payload.markdown.title).toBe('售后时限提醒：1 项超时，1 项预警 / After-sales deadlines: 1 breached, 1 warning');
		expect(payload.markdown.text.split('\n')).toEqual([
			`### ${payload.markdown.title}`,
			'',
			'- 【超时 Breach → L2】投诉 complaint #42 · 首次响应（1小时） / First response (1 h) · 截止 due 2026-09-21 11:00',
			'- 【预警 Warning L1】[报修 service request #7](https://service.example.com/admin/content/service_requests/7) · 受理答复（1小时） / Answer the customer (1 h) · 截止 due 2026-09-22 00:30',
		]);
	});

	test('ESC-2: when the hook is WeCom, then the content is markdown', () => {
		const payload = buildWebhookPayload('wecom', digest) as { msgtype: string; markdown: { content: string } };
		expect(payload.msgtype).toBe('markdown');
		expect(payload.markdown.content).toContain('### 售后时限提醒');
		expect(payload.markdown.content).toContain('【超时 Breach → L2】投诉 complaint #42');
	});

	test('ESC-2: when a WeCom digest is too long, then whole lines are dropped and counted under the 4096-byte limit', () => {
		const many: Digest = {
			...digest,
			escalations: Array.from({ length: 200 }, (_, index) => notice({ key: `complaints:${index}:reply:L2:breach`, item_id: index })),
		};
		const { markdown } = buildWebhookPayload('wecom', many) as { markdown: { content: string } };

		expect(new TextEncoder().encode(markdown.content).length).toBeLessThanOrEqual(4096);
		expect(markdown.content).toMatch(/… 另有 \d+ 项 \/ \d+ more$/);
		expect(markdown.content.split('\n').filter((line) => line.startsWith('- ')).every((line) => line.endsWith('11:00'))).toBe(true);
	});

	test('ESC-2: when the hook is Feishu, then a text message without markdown is built', () => {
		const payload = buildWebhookPayload('feishu', digest) as { msg_type: string; content: { text: string } };

		expect(payload.msg_type).toBe('text');
		expect(payload.content.text.split('\n')).toEqual([
			'售后时限提醒：1 项超时，1 项预警 / After-sales deadlines: 1 breached, 1 warning',
			'【超时 Breach → L2】投诉 complaint #42 · 首次响应（1小时） / First response (1 h) · 截止 due 2026-09-21 11:00',
			'【预警 Warning L1】报修 service request #7 · 受理答复（1小时） / Answer the customer (1 h) · 截止 due 2026-09-22 00:30 https://service.example.com/admin/content/service_requests/7',
		]);
	});

	test('ESC-2: when the hook wants plain JSON, then the structured escalations are sent with ISO instants', () => {
		expect(buildWebhookPayload('json', digest)).toEqual({
			event: 'after_sales.escalations',
			idempotency_key: null,
			recipient: 'group',
			channel: 'webhook:ops',
			count: 2,
			escalations: [
				{ ...warning, due_at: '2026-09-21T16:30:00.000Z' },
				{ ...notice(), due_at: '2026-09-21T03:00:00.000Z' },
			],
		});
	});

	test('NTF-3: when the digest has a key, then the JSON body carries it beside each notice\'s delivery key', () => {
		const keyed = { ...digest, key: 'k1', escalations: digest.escalations.map((e, i) => ({ ...e, delivery_key: `d${i}` })) };
		const payload = buildWebhookPayload('json', keyed) as { idempotency_key: string; escalations: { delivery_key: string }[] };
		expect(payload.idempotency_key).toBe('k1');
		expect(payload.escalations.map((e) => e.delivery_key)).toEqual(['d0', 'd1']);
	});

	test.each([
		['Asia/Shanghai', '2026-09-21 11:00'],
		['Europe/Berlin', '2026-09-21 05:00'],
		['UTC', '2026-09-21 03:00'],
	])('CAL-3: when the calendar zone is %s, then the due time reads %s', (timeZone, shown) => {
		const payload = buildWebhookPayload('feishu', { ...digest, escalations: [notice()] }, { timeZone }) as { content: { text: string } };
		expect(payload.content.text).toContain(`截止 due ${shown}`);
	});

	test('ESC-2: when a notice has no deadline or English label, then the line still reads well', () => {
		const bare = notice({ due_at: null, milestone_label_en: null, record_label: '张三农机站' });
		const payload = buildWebhookPayload('feishu', { ...digest, escalations: [bare] }) as { content: { text: string } };
		expect(payload.content.text.split('\n')[1]).toBe('【超时 Breach → L2】投诉 complaint #42 张三农机站 · 首次响应（1小时）');
	});
});

describe('computeDingTalkSignedUrl', () => {
	test.each([
		[
			'a robot URL with an access token',
			'https://oapi.dingtalk.com/robot/send?access_token=abc',
			'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D',
		],
		[
			'a URL without a query',
			'https://oapi.dingtalk.com/robot/send',
			'https://oapi.dingtalk.com/robot/send?timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D',
		],
	])('ESC-2: when signing %s, then timestamp and url-encoded HMAC-SHA256 sign are appended', (_label, url, expected) => {
		// Reference sign computed independently with Python's hmac/base64/urllib for the same inputs.
		expect(computeDingTalkSignedUrl(url, 'SEC0123456789abcdef', 1_700_000_000_000)).toBe(expected);
	});
});
