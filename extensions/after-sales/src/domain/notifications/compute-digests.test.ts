import { describe, expect, test } from 'vitest';
import { computeDigests } from './compute-digests';
import { computeWebhookDigest } from './compute-webhook-digest';
import { parseNotificationChannels } from './parse-notification-channels';
import { shouldDeliverToWebhook } from './should-deliver-to-webhook';
import { notice, warning } from './test-fixtures';

describe('computeDigests', () => {
	test('ESC-2: when one sweep raises several notices, then each recipient gets one digest per channel', () => {
		const other = notice({ key: 'complaints:43:reply:L2:breach', item_id: 43 });
		const digests = computeDigests([
			{ recipient: 'manager', channel: 'in_app', escalation: notice() },
			{ recipient: 'manager', channel: 'email', escalation: notice() },
			{ recipient: 'manager', channel: 'in_app', escalation: other },
			{ recipient: 'agent', channel: 'in_app', escalation: warning },
			{ recipient: 'manager', channel: 'in_app', escalation: warning },
		]);

		expect(digests.map((digest) => [digest.recipient, digest.channel, digest.escalations.map((escalation) => escalation.key)])).toEqual([
			['manager', 'in_app', [notice().key, other.key, warning.key]],
			['manager', 'email', [notice().key]],
			['agent', 'in_app', [warning.key]],
		]);
	});

	test('ESC-4: when the same escalation reaches a person through two roles, then it is listed once', () => {
		const digests = computeDigests([
			{ recipient: 'boss', channel: 'in_app', escalation: notice() },
			{ recipient: 'boss', channel: 'in_app', escalation: notice() },
		]);
		expect(digests).toHaveLength(1);
		expect(digests[0]?.escalations).toHaveLength(1);
	});

	test('ESC-4: when a burst of 20,000 escalations reaches one manager twice over, then one digest lists each once, in order', () => {
		const burst = Array.from({ length: 20_000 }, (_, i) => notice({ key: `complaints:${i}:reply:L2:breach`, item_id: i }));
		const events = [...burst, ...burst].map((escalation) => ({ recipient: 'manager', channel: 'in_app', escalation }));
		const digests = computeDigests(events);
		expect(digests).toHaveLength(1);
		expect(digests[0]!.escalations.map((e) => e.key)).toEqual(burst.map((e) => e.key));
	});

	test('ESC-2: when nothing happened, then there are no digests', () => {
		expect(computeDigests([])).toEqual([]);
	});

	test('ESC-2: when recipient and channel names contain separators, then they are not confused', () => {
		const digests = computeDigests([
			{ recipient: 'a:b', channel: 'c', escalation: notice() },
			{ recipient: 'a', channel: 'b:c', escalation: notice() },
		]);
		expect(digests).toHaveLength(2);
	});
});

describe('webhook event filters', () => {
	const { webhooks } = parseNotificationChannels({
		webhooks: [
			{ name: 'leaders', url: 'https://oapi.dingtalk.com/robot/send?access_token=x', format: 'dingtalk', events: ['breach'] },
			{ name: 'all', url: 'https://example.com/hook' },
		],
	});
	const [leaders, all] = [webhooks[0]!, webhooks[1]!];

	test.each([
		['a breach to a breach-only hook', leaders, 'breach', true],
		['a warning to a breach-only hook', leaders, 'warning', false],
		['a warning to a hook without filter', all, 'warning', true],
	] as const)('ESC-2: when sending %s, then delivery is %s', (_label, webhook, kind, expected) => {
		expect(shouldDeliverToWebhook(webhook, kind)).toBe(expected);
	});

	test('ESC-2: when a digest is cut for a hook, then only the wanted notices remain', () => {
		const digest = { recipient: 'webhook', channel: 'webhook:leaders', escalations: [notice(), warning] };
		expect(computeWebhookDigest(digest, leaders)?.escalations).toEqual([notice()]);
		expect(computeWebhookDigest({ ...digest, escalations: [warning] }, leaders)).toBeNull();
		expect(computeWebhookDigest(digest, all)).toEqual(digest);
	});
});
