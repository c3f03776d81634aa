import { z } from 'zod';
import { isHttpUrl } from './is-http-url';

export const WebhookFormatSchema = z.enum(['json', 'dingtalk', 'wecom', 'feishu']);
export type WebhookFormat = z.infer<typeof WebhookFormatSchema>;

/**
 * ESC-3 warnings, ESC-2 breaches (a missed follow-up is one too), and NTF-1 notices of who must act
 * (a job assigned, a task sent to a dealer, a low survey score: negative feedback, FUP-6; the
 * customer's consent to additional work, REQ-5).
 */
export const NoticeKindSchema = z.enum(['warning', 'breach', 'assignment', 'reassignment', 'dealer_task', 'negative_feedback', 'consent', 'report']);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

export const WebhookSchema = z.strictObject({
	name: z.string().trim().min(1),
	url: z.string().refine(isHttpUrl, 'only http:// and https:// URLs are allowed'),
	format: WebhookFormatSchema.default('json'),
	/** DingTalk robot signing secret (加签); the URL is signed per request. */
	secret: z.string().min(1).optional(),
	/** Which notices this hook wants; absent = all. */
	events: z.array(NoticeKindSchema).min(1).optional(),
});
export type Webhook = z.output<typeof WebhookSchema>;

/** REQ-7, FUP-6: a customer SMS gateway: a webhook that takes {key, to, text, kind} and sends the text to `to`. */
export const CustomerSmsSchema = z.strictObject({
	url: z.string().refine(isHttpUrl, 'only http:// and https:// URLs are allowed'),
	/** Sent as `Authorization: Bearer …` when set. */
	token: z.string().min(1).optional(),
});
export type CustomerSms = z.output<typeof CustomerSmsSchema>;

/** ESC-2: `service_settings.notification_channels`. */
export const NotificationChannelsSchema = z
	.strictObject({
		in_app: z.boolean().default(true),
		email: z.boolean().default(false),
		webhooks: z.array(WebhookSchema).default(() => []),
		/** REQ-7, FUP-6: the SMS gateway customers are texted through (POST JSON {key, to, text}); absent = no SMS. */
		customer_sms: CustomerSmsSchema.optional(),
		/** REQ-7, FUP-6: customers with an e-mail address are also written to, through Directus's mailer. */
		customer_email: z.boolean().default(true),
	})
	.superRefine((channels, ctx) => {
		const names = new Set<string>();

		channels.webhooks.forEach((webhook, index) => {
			// The name is the channel key in the escalation log, so it must be unique.
			if (names.has(webhook.name)) {
				ctx.addIssue({ code: 'custom', message: `webhook name '${webhook.name}' is used twice`, path: ['webhooks', index, 'name'] });
			}

			names.add(webhook.name);
		});
	});
export type NotificationChannels = z.output<typeof NotificationChannelsSchema>;

/** ESC-4, NTF-3: how often a failed e-mail, robot or SMS delivery is tried again. */
export const DeliveryRetrySchema = z.strictObject({
	max_attempts: z.number().int().min(1).max(50),
	max_delay_minutes: z.number().int().min(1).max(1440),
});
export type DeliveryRetry = z.output<typeof DeliveryRetrySchema>;
