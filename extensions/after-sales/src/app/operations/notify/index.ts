// Flow operation after-sales-notify (售后通知 / notify), Studio side. Option and overview texts are
// `$t:` keys (studio-strings.ts); the name is Chinese, the description English.
import { defineOperationApp } from '@directus/extensions-sdk';
import { type StudioString, t } from '../../studio-strings';

const ROLES = ['service_agent', 'service_manager', 'leadership', 'technical_dept', 'finance', 'sales_rep', 'technician', 'dealer'];
const onlyForRobots = [{ rule: { channel: { _neq: 'webhook' } }, hidden: true }];

export default defineOperationApp({
	id: 'after-sales-notify',
	name: '售后通知',
	icon: 'notifications_active',
	description: 'Notify: users or a role in-app, by e-mail or via a group robot with @-mentions (NTF-2)',
	overview: ({ channel, webhook, role, subject }) => [
		{ label: t('notify_channel'), text: channel === 'webhook' ? t('notify_robot') : channel === 'email' ? t('channel_email') : t('channel_in_app_short') },
		...(channel === 'webhook' && webhook ? [{ label: t('notify_robot'), text: String(webhook) }] : []),
		...(role ? [{ label: t('notify_role'), text: ROLES.includes(role) ? t(`role_${role}` as StudioString) : role }] : []),
		{ label: t('notify_subject'), text: subject ?? '' },
	],
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{
			field: 'channel', name: t('notify_channel'), type: 'string', schema: { default_value: 'in_app' },
			meta: { width: 'half', interface: 'select-dropdown', options: { choices: [
				{ value: 'in_app', text: t('channel_in_app') }, { value: 'email', text: t('channel_email') }, { value: 'webhook', text: t('channel_webhook') },
			] } },
		},
		{ field: 'webhook', name: t('notify_webhook'), type: 'string', meta: { width: 'half', interface: 'input', note: t('notify_webhook_note'), conditions: onlyForRobots } },
		{ field: 'users', name: t('notify_users'), type: 'csv', meta: { width: 'full', interface: 'tags', options: { placeholder: '{{$trigger.body.user}}' }, note: t('notify_users_note') } },
		{
			field: 'role', name: t('notify_role'), type: 'string',
			meta: { width: 'half', interface: 'select-dropdown', options: { allowNone: true, allowOther: true, choices: ROLES.map((value) => ({ value, text: t(`role_${value}` as StudioString) })) } },
		},
		{ field: 'mobiles', name: t('notify_mobiles'), type: 'csv', meta: { width: 'half', interface: 'tags', conditions: onlyForRobots } },
		{ field: 'mention_all', name: t('notify_mention_all'), type: 'boolean', meta: { width: 'half', interface: 'boolean', conditions: onlyForRobots } },
		{ field: 'subject', name: t('notify_subject'), type: 'string', meta: { width: 'full', interface: 'input', required: true } },
		{ field: 'message', name: t('notify_message'), type: 'text', meta: { width: 'full', interface: 'input-multiline', required: true } },
		{ field: 'collection', name: t('notify_collection'), type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '{{$trigger.collection}}' } } },
		{ field: 'item', name: t('notify_item'), type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '{{$trigger.key}}' } } },
	],
});
