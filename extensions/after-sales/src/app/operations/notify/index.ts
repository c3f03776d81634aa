// Flow operation after-sales-notify (售后通知 / notify), Studio side.
import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
	id: 'after-sales-notify',
	name: '售后通知 / Notify',
	icon: 'notifications_active',
	description: '经站内通知、邮件或群机器人（@手机号）通知用户或角色 / Notify users or a role in-app, by e-mail or via a group robot with @-mentions (NTF-2)',
	overview: ({ channel, webhook, role, subject }) => [
		{ label: '渠道 / Channel', text: channel === 'webhook' ? `机器人 / robot ${webhook ?? ''}` : channel === 'email' ? '邮件 / e-mail' : '站内通知 / in-app' },
		...(role ? [{ label: '角色 / Role', text: role }] : []),
		{ label: '标题 / Subject', text: subject ?? '' },
	],
	options: [
		{
			field: 'channel', name: '渠道 / Channel', type: 'string', schema: { default_value: 'in_app' },
			meta: { width: 'half', interface: 'select-dropdown', options: { choices: [
				{ value: 'in_app', text: '站内通知（门户收件箱）/ In-app (portal inbox)' }, { value: 'email', text: '邮件 / E-mail' },
				{ value: 'webhook', text: '群机器人（钉钉/企业微信/飞书）/ Group robot' },
			] } },
		},
		{ field: 'webhook', name: '机器人名称 / Robot (webhook name)', type: 'string', meta: { width: 'half', interface: 'input', note: '售后设置 → 通知渠道中的名称 / a webhook name in After-sales settings', conditions: [{ rule: { channel: { _neq: 'webhook' } }, hidden: true }] } },
		{ field: 'users', name: '用户 / Users', type: 'csv', meta: { width: 'full', interface: 'tags', options: { placeholder: '{{$trigger.body.user}}' }, note: '用户 ID；机器人渠道中按其手机号 @ / user ids; @-mentioned by mobile on a robot' } },
		{
			field: 'role', name: '角色 / Role', type: 'string',
			meta: { width: 'half', interface: 'select-dropdown', options: { allowNone: true, allowOther: true, choices: [
				{ value: 'service_agent', text: '客服专员 / Service Agent' }, { value: 'service_manager', text: '售后服务部主管 / Service Manager' },
				{ value: 'leadership', text: '公司领导 / Leadership' }, { value: 'technical_dept', text: '技术部 / Technical Dept' },
				{ value: 'finance', text: '财务部 / Finance' }, { value: 'sales_rep', text: '销售业务员 / Sales Rep' },
				{ value: 'technician', text: '技术员 / Technician' }, { value: 'dealer', text: '经销商 / Dealer' },
			] } },
		},
		{ field: 'mobiles', name: '另行 @ 的手机号 / Also @-mention (mobiles)', type: 'csv', meta: { width: 'half', interface: 'tags', conditions: [{ rule: { channel: { _neq: 'webhook' } }, hidden: true }] } },
		{ field: 'mention_all', name: '@所有人 / @all', type: 'boolean', meta: { width: 'half', interface: 'boolean', conditions: [{ rule: { channel: { _neq: 'webhook' } }, hidden: true }] } },
		{ field: 'subject', name: '标题 / Subject', type: 'string', meta: { width: 'full', interface: 'input', required: true } },
		{ field: 'message', name: '内容 / Message', type: 'text', meta: { width: 'full', interface: 'input-multiline', required: true } },
		{ field: 'collection', name: '关联集合 / Collection', type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '{{$trigger.collection}}' } } },
		{ field: 'item', name: '关联记录 / Item', type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '{{$trigger.key}}' } } },
	],
});
