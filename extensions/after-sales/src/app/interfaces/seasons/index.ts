import { defineInterface } from '@directus/extensions-sdk';
import InterfaceSeasons from './interface-seasons.vue';
import { t } from '../../studio-strings';

// WTY-11, DLR-3, FUP-5: month-day season lists as rows instead of raw JSON.
export default defineInterface({
	id: 'after-sales-seasons',
	name: '季节列表',
	icon: 'date_range',
	description: 'Season list: month-day ranges as rows, busy seasons (WTY-11), sales seasons (DLR-3) or key-account visit windows (FUP-5).',
	component: InterfaceSeasons,
	types: ['json'],
	group: 'other',
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{
			field: 'kind', name: t('kind'), type: 'string',
			meta: { width: 'full', interface: 'select-dropdown', options: { choices: [{ text: t('seasons_busy'), value: 'busy' }, { text: t('seasons_sales'), value: 'sales' }, { text: t('seasons_visit'), value: 'visit' }] } },
			schema: { default_value: 'busy' },
		},
	],
});
