export { buildWebhookPayload, type WebhookPayloadOptions } from './build-webhook-payload';
export { computeDigestLines, type DigestTextOptions } from './compute-digest-lines';
export { computeDeliveries, computeDeliveryKey } from './compute-deliveries';
export { computeDeliveryAfterAttempt } from './compute-delivery-after-attempt';
export { computeDigestKey } from './compute-digest-key';
export { computeDigests } from './compute-digests';
export { computeDingTalkSignedUrl } from './compute-ding-talk-signed-url';
export { computeRetrySchedule, DEFAULT_DELIVERY_RETRY } from './compute-retry-schedule';
export { computeWebhookDigest } from './compute-webhook-digest';
export { isHttpUrl } from './is-http-url';
export { parseNotificationChannels } from './parse-notification-channels';
export { shouldDeliverToWebhook } from './should-deliver-to-webhook';
export {
	DeliveryRetrySchema,
	type DeliveryRetry,
	NoticeKindSchema,
	NotificationChannelsSchema,
	WebhookFormatSchema,
	WebhookSchema,
	type NoticeKind,
	type NotificationChannels,
	type Webhook,
	type WebhookFormat,
} from './schemas';
export type { Delivery, Digest, EscalationNotice, NotificationChannel, NotificationEvent, RetryDecision } from './types';
export { computeRobotRefusal } from './compute-robot-refusal';
export { computeJobNotice, computeNoticeDeliveries, computeNoticeKey, type JobFacts, type JobNotice, type JobNoticeKind } from './compute-job-notice';
export { computeNextDeliveryAt, isDeliveryOpen } from './compute-next-delivery-at';
export { computeCustomerDeliveries } from './compute-customer-deliveries';
export { catalogNotice, line, noticeInEachLanguage, type LocalNoticeText, type NoticeText } from './local-notice';
