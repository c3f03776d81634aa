// Flow operation after-sales-deadline (计算时限 / business deadline), Studio side. Option and
// overview texts are `$t:` keys (studio-strings.ts); the name is Chinese, the description English.
import { defineOperationApp } from '@directus/extensions-sdk';
import { t } from '../../studio-strings';

export default defineOperationApp({
	id: 'after-sales-deadline',
	name: '计算时限',
	icon: 'event_upcoming',
	description: 'Business deadline: start + duration in the business calendar of After-sales settings (CAL-1)',
	overview: ({ start, duration, unit, clock }) => [
		{ label: t('deadline_start'), text: start || t('now') },
		{ label: t('deadline_duration'), text: `${duration ?? ''} ${unit ?? 'hours'}` },
		{ label: t('deadline_clock'), text: clock === '24x7' ? '24×7' : t('clock_business_short') },
	],
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{ field: 'start', name: t('deadline_start'), type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '{{$trigger.body.received_at}}' }, note: t('deadline_start_note') } },
		{ field: 'duration', name: t('deadline_duration'), type: 'string', meta: { width: 'half', interface: 'input', required: true, options: { placeholder: '3' } } },
		{
			field: 'unit', name: t('deadline_unit'), type: 'string', schema: { default_value: 'hours' },
			meta: { width: 'half', interface: 'select-dropdown', options: { choices: [
				{ value: 'minutes', text: t('unit_minutes') }, { value: 'hours', text: t('unit_hours') }, { value: 'business_days', text: t('unit_business_days') }, { value: 'working_days', text: t('unit_working_days') },
			] } },
		},
		{
			field: 'clock', name: t('deadline_clock'), type: 'string', schema: { default_value: 'business' },
			meta: { width: 'half', interface: 'select-dropdown', options: { choices: [
				{ value: 'business', text: t('clock_business') }, { value: '24x7', text: t('clock_24x7') },
			] } },
		},
	],
});
