// Flow operation after-sales-deadline (计算时限 / business deadline), Studio side.
import { defineOperationApp } from '@directus/extensions-sdk';

export default defineOperationApp({
	id: 'after-sales-deadline',
	name: '计算时限 / Business deadline',
	icon: 'event_upcoming',
	description: '开始时间 + 时长，按售后设置的工作日历计算截止时间 / Start + duration in the business calendar (CAL-1)',
	overview: ({ start, duration, unit, clock }) => [
		{ label: '开始 / Start', text: start || '现在 / now' },
		{ label: '时长 / Duration', text: `${duration ?? ''} ${unit ?? 'hours'}` },
		{ label: '计时 / Clock', text: clock === '24x7' ? '24×7' : '工作时间 / business' },
	],
	options: [
		{ field: 'start', name: '开始时间 / Start', type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '{{$trigger.body.received_at}}' }, note: 'ISO 时间；空 = 现在 / ISO date-time; empty = now' } },
		{ field: 'duration', name: '时长 / Duration', type: 'string', meta: { width: 'half', interface: 'input', required: true, options: { placeholder: '3' } } },
		{
			field: 'unit', name: '单位 / Unit', type: 'string', schema: { default_value: 'hours' },
			meta: { width: 'half', interface: 'select-dropdown', options: { choices: [
				{ value: 'minutes', text: '分钟 / Minutes' }, { value: 'hours', text: '小时 / Hours' }, { value: 'business_days', text: '工作日（8 小时）/ Business days (8 h)' }, { value: 'working_days', text: '工作日（按日历，至当日下班）/ Working days (calendar, to closing time)' },
			] } },
		},
		{
			field: 'clock', name: '计时方式 / Clock', type: 'string', schema: { default_value: 'business' },
			meta: { width: 'half', interface: 'select-dropdown', options: { choices: [
				{ value: 'business', text: '工作时间（跳过节假日与非工作时段）/ Business time' }, { value: '24x7', text: '全天候 24×7 / Around the clock' },
			] } },
		},
	],
});
