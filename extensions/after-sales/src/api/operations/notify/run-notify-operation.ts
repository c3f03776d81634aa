// NTF-1, NTF-2: a Flow tells people something through the pack's channels: the in-app inbox
// (directus_notifications, which the portal shows to dealers and technicians), e-mail through
// Directus's mailer, or a group robot of service_settings.notification_channels with @-mentions.
import { createHash } from 'node:crypto';
import { parseNotificationChannels, type Webhook } from '../../../domain/notifications';
import { mobilesOf, postToRobot } from '../../lib/post-to-robot';
import { ROLE_BY_KEY, type RoleKey } from '../../install/roles';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../../lib/context';
import { toJson } from '../../lib/db-values';
import { parseOrThrow, ruleViolation } from '../../lib/errors';
import { loadSettings } from '../../services/settings';
import { dropBlank } from '../lib/flow-input';
import { buildRobotMessage } from './build-robot-message';
import { NotifyOperationOptionsSchema, type NotifyOperationOptions } from './notify-options';
import { msg } from '../../../domain/messages';

export type NotifyResult = {
	channel: NotifyOperationOptions['channel'];
	key: string;
	recipients: string[];
	sent: number;
	skipped: { user: string; reason: string }[];
	webhook: string | null;
	mentioned: string[];
};

export async function runNotifyOperation(ctx: PackContext, rawOptions: unknown): Promise<NotifyResult> {
	const options = parseOrThrow(NotifyOperationOptionsSchema, dropBlank(rawOptions), 'NTF-1');
	const knex = ctx.database;
	const recipients = await resolveRecipients(ctx, options);
	if (options.channel !== 'webhook' && recipients.length === 0) throw ruleViolation('NTF-1', options.role ? 'role' : 'users', msg('notify.nobody'));
	const publicUrl = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/$/, '');
	const url = options.collection && options.item !== undefined && publicUrl && publicUrl !== '/' ? `${publicUrl}/admin/content/${options.collection}/${options.item}` : null;
	// NTF-3: the same notice (text, people, record) always carries the same key.
	const key = createHash('sha256').update(JSON.stringify([options.subject, options.message, recipients, options.collection ?? null, options.item ?? null])).digest('hex').slice(0, 32);
	const result: NotifyResult = { channel: options.channel, key, recipients, sent: 0, skipped: [], webhook: null, mentioned: [] };
	const schema = await ctx.getSchema({ database: knex });

	if (options.channel === 'in_app') {
		// ItemsService, not NotificationsService: the latter would also e-mail, and e-mail is its own channel.
		const notifications = new ctx.services.ItemsService('directus_notifications', { knex, schema, accountability: SYSTEM_ACCOUNTABILITY });
		for (const recipient of recipients) {
			await notifications.createOne({
				recipient, sender: null, status: 'inbox', subject: options.subject, message: options.message,
				collection: options.collection ?? null, item: options.item === undefined ? null : String(options.item),
			});
			result.sent++;
		}
		return result;
	}

	if (options.channel === 'email') {
		const users: { id: string; email: string | null }[] = await knex('directus_users').whereIn('id', recipients).select('id', 'email');
		const mail = new ctx.services.MailService({ schema, knex });
		for (const user of users) {
			if (!user.email) {
				result.skipped.push({ user: user.id, reason: 'no e-mail address' });
				continue;
			}
			await mail.send({ to: user.email, subject: options.subject, text: [options.message, ...(url ? ['', url] : [])].join('\n') });
			result.sent++;
		}
		return result;
	}

	const webhook = await findWebhook(ctx, options.webhook!);
	const mobiles = [...new Set([...(await mobilesOf(ctx.database, recipients)), ...(options.mobiles ?? [])])];
	const payload = buildRobotMessage(webhook.format, { subject: options.subject, message: options.message, mobiles, mention_all: options.mention_all, url, key });
	await postToRobot(webhook, payload, key);
	return { ...result, sent: 1, webhook: webhook.name, mentioned: mobiles };
}

async function resolveRecipients(ctx: PackContext, options: NotifyOperationOptions): Promise<string[]> {
	const people = new Set<string>();
	if (options.users?.length) {
		const active = await ctx.database('directus_users').whereIn('id', options.users).andWhere({ status: 'active' }).select('id');
		for (const u of active) people.add(String(u.id));
	}
	if (options.role) {
		const roleId = ROLE_BY_KEY.get(options.role as RoleKey)?.id ?? options.role;
		const members = await ctx.database('directus_users').where({ role: roleId, status: 'active' }).select('id');
		for (const u of members) people.add(String(u.id));
	}
	return [...people].sort();
}

async function findWebhook(ctx: PackContext, name: string): Promise<Webhook> {
	const settings = await loadSettings(ctx.database);
	const raw = settings.raw['notification_channels'];
	const channels = parseNotificationChannels(raw === null || raw === undefined ? {} : toJson(raw));
	const webhook = channels.webhooks.find((w) => w.name === name);
	if (!webhook) throw ruleViolation('NTF-2', 'webhook', msg('notify.no_webhook', { name, names: channels.webhooks.length ? channels.webhooks.map((w) => w.name).join(', ') : msg('notify.none_configured') }));
	return webhook;
}
