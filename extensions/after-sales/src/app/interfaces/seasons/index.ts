import { defineInterface } from '@directus/extensions-sdk';
import InterfaceSeasons from './interface-seasons.vue';

// WTY-11, DLR-3, FUP-5: month-day season lists as rows instead of raw JSON.
export default defineInterface({
	id: 'after-sales-seasons',
	name: '季节列表 / Season list',
	icon: 'date_range',
	description: 'Month-day ranges as rows: busy seasons (WTY-11), sales seasons (DLR-3) or key-account visit windows (FUP-5).',
	component: InterfaceSeasons,
	types: ['json'],
	group: 'other',
	options: [
		{
			field: 'kind', name: 'Kind', type: 'string',
			meta: { width: 'full', interface: 'select-dropdown', options: { choices: [{ text: 'Busy seasons 农忙季节 (WTY-11)', value: 'busy' }, { text: 'Sales seasons 销售季节 (DLR-3)', value: 'sales' }, { text: 'Key-account visit windows 走访季节 (FUP-5)', value: 'visit' }] } },
			schema: { default_value: 'busy' },
		},
	],
});
