import { defineInterface } from '@directus/extensions-sdk';
import InterfaceDayList from './interface-day-list.vue';
import { t } from '../../studio-strings';

// WTY-6: old-part return deadlines (MM-DD) and reminder days (numbers) as chips, in the JSON type the rules read.
export default defineInterface({
	id: 'after-sales-day-list',
	name: '日期/天数列表',
	icon: 'event_repeat',
	description: 'Day list: month-days (MM-DD) or of whole numbers of days, e.g. the old-part return deadlines and reminder days (WTY-6).',
	component: InterfaceDayList,
	types: ['json'],
	group: 'other',
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{
			field: 'kind', name: t('kind'), type: 'string',
			meta: { width: 'full', interface: 'select-dropdown', options: { choices: [{ text: t('day_list_days'), value: 'days' }, { text: t('day_list_month_days'), value: 'month_days' }] } },
			schema: { default_value: 'days' },
		},
	],
});
