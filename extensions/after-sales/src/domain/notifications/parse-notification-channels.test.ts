import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { parseNotificationChannels } from './parse-notification-channels';

const hook = (overrides: Record<string, unknown> = {}) => ({ name: 'ops', url: 'https://example.com/hook', ...overrides });

describe('parseNotificationChannels', () => {
	test('ESC-2: when nothing is configured, then in-app notices are on, staff e-mail, webhooks and customer SMS off, and customers with an address are e-mailed', () => {
		expect(parseNotificationChannels(undefined)).toEqual({ in_app: true, email: false, webhooks: [], customer_email: true });
	});

	test('ESC-2: when a webhook leaves out its format, then plain JSON is sent', () => {
		expect(parseNotificationChannels({ webhooks: [hook()] }).webhooks[0]).toEqual({ ...hook(), format: 'json' });
	});

	test.each([
		['a DingTalk robot with a secret', hook({ format: 'dingtalk', secret: 'SEC1', events: ['breach'] })],
		['a plain http endpoint', hook({ url: 'http://10.0.0.5:8080/alerts' })],
		['a Feishu bot', hook({ format: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc' })],
	])('ESC-2: when configuring %s, then it is accepted', (_label, webhook) => {
		expect(() => parseNotificationChannels({ webhooks: [webhook] })).not.toThrow();
	});

	test.each([
		['a file URL', { webhooks: [hook(), hook({ name: 'b', url: 'file:///etc/passwd' })] }, 'webhooks.1.url'],
		['a javascript URL', { webhooks: [hook({ url: 'javascript:alert(1)' })] }, 'webhooks.0.url'],
		['no URL scheme', { webhooks: [hook({ url: 'example.com/hook' })] }, 'webhooks.0.url'],
		['an ftp URL', { webhooks: [hook({ url: 'ftp://example.com/hook' })] }, 'webhooks.0.url'],
		['an unknown format', { webhooks: [hook({ format: 'slack' })] }, 'webhooks.0.format'],
		['an unknown event', { webhooks: [hook({ events: ['resolved'] })] }, 'webhooks.0.events.0'],
		['an empty event list', { webhooks: [hook({ events: [] })] }, 'webhooks.0.events'],
		['a duplicate name', { webhooks: [hook(), hook()] }, 'webhooks.1.name'],
		['no name', { webhooks: [hook({ name: ' ' })] }, 'webhooks.0.name'],
		['email as text', { email: 'yes' }, 'email'],
		['a misspelt key', { webhook: [] }, 'webhook'],
	])('ESC-2: when the settings have %s, then the ESC-2 error names %s', (_label, input, field) => {
		const attempt = () => parseNotificationChannels(input);
		expect(attempt).toThrow(DomainRuleError);
		expect(attempt).toThrow(expect.objectContaining({ rule: 'ESC-2', field }));
	});
});
