import { defineInterface } from '@directus/extensions-sdk';
import InterfaceDayList from './interface-day-list.vue';

// WTY-6: old-part return deadlines (MM-DD) and reminder days (numbers) as chips, in the JSON type the rules read.
export default defineInterface({
	id: 'after-sales-day-list',
	name: '日期/天数列表 / Day list',
	icon: 'event_repeat',
	description: 'A list of month-days (MM-DD) or of whole numbers of days, e.g. the old-part return deadlines and reminder days (WTY-6).',
	component: InterfaceDayList,
	types: ['json'],
	group: 'other',
	options: [
		{
			field: 'kind', name: 'Kind', type: 'string',
			meta: { width: 'full', interface: 'select-dropdown', options: { choices: [{ text: 'Days 天数', value: 'days' }, { text: 'Month-days 月-日 (MM-DD)', value: 'month_days' }] } },
			schema: { default_value: 'days' },
		},
	],
});
