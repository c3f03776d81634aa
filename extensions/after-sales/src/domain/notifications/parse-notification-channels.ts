import { formatZodIssues } from '../errors';
import { NotificationChannelsSchema, type NotificationChannels } from './schemas';

/** ESC-2: the channel settings are parsed before a sweep notifies anyone; errors name e.g. `webhooks.0.url`. */
export function parseNotificationChannels(input: unknown): NotificationChannels {
	const result = NotificationChannelsSchema.safeParse(input ?? {});
	if (!result.success) throw formatZodIssues(result.error, 'ESC-2');
	return result.data;
}
