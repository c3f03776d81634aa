// NTF-1, NTF-2: the options of the 售后通知 / notify operation.
import { z } from 'zod';
import { ROLES } from '../../install/roles';
import { flag, listOf } from '../lib/flow-input';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be user ids (uuid)');

export const NOTIFY_CHANNELS = ['in_app', 'email', 'webhook'] as const;

export const NotifyOperationOptionsSchema = z
	.object({
		channel: z.enum(NOTIFY_CHANNELS, { message: 'must be in_app, email or webhook' }).default('in_app'),
		/** The robot: a webhook name of service_settings.notification_channels. */
		webhook: z.string().trim().min(1).optional(),
		users: listOf(uuid).optional(),
		/** A pack role key (service_manager …) or any Directus role id: its active users. */
		role: z.union([z.enum(ROLES.map((r) => r.key) as [string, ...string[]]), uuid], { message: `must be a role key (${ROLES.map((r) => r.key).join(', ')}) or a role id` }).optional(),
		/** More people to @-mention on a robot. */
		mobiles: listOf(z.string().regex(/^\+?\d[\d-]{5,19}$/, 'must be mobile numbers')).optional(),
		mention_all: flag.default(false),
		subject: z.string().trim().min(1, 'a subject is required').max(255),
		message: z.string().trim().min(1, 'a message is required').max(4000),
		collection: z.string().trim().max(64).optional(),
		item: z.union([z.string().trim().max(64), z.number()]).optional(),
	})
	.superRefine((o, ctx) => {
		if (o.channel === 'webhook' && !o.webhook) ctx.addIssue({ code: 'custom', path: ['webhook'], message: 'name the robot (a webhook of the notification channels)' });
		if (o.channel !== 'webhook' && !o.users?.length && !o.role) ctx.addIssue({ code: 'custom', path: ['users'], message: 'name the users or a role to notify' });
	});
export type NotifyOperationOptions = z.output<typeof NotifyOperationOptionsSchema>;
