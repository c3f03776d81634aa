import { defineDisplay } from '@directus/extensions-sdk';
import DisplayHistory from './display-history.vue';

// CONTRACT.md: display `after-sales-history`. In lists it shows the latest step; forms use the
// `after-sales-timeline` interface for the whole timeline.
export default defineDisplay({
	id: 'after-sales-history',
	name: '变更记录时间线 / History timeline',
	icon: 'timeline',
	description: 'A history JSON field (at, by, from, to, summary) as a timeline: when, who, status labels, summary.',
	component: DisplayHistory,
	options: [
		{
			field: 'full', name: 'Whole timeline / 完整时间线', type: 'boolean',
			meta: { interface: 'boolean', width: 'half', note: 'Otherwise only the latest step, for table rows / 否则仅显示最近一步（适合表格行）' },
			schema: { default_value: false },
		},
	],
	types: ['json'],
});
