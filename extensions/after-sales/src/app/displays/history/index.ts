import { defineDisplay } from '@directus/extensions-sdk';
import DisplayHistory from './display-history.vue';
import { t } from '../../studio-strings';

// CONTRACT.md: display `after-sales-history`. In lists it shows the latest step; forms use the
// `after-sales-timeline` interface for the whole timeline.
export default defineDisplay({
	id: 'after-sales-history',
	name: '变更记录时间线',
	icon: 'timeline',
	description: 'History timeline: a history JSON field (at, by, from, to, summary) as a timeline: when, who, status labels, summary.',
	component: DisplayHistory,
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{
			field: 'full', name: t('history_full'), type: 'boolean',
			meta: { interface: 'boolean', width: 'half', note: t('history_full_note') },
			schema: { default_value: false },
		},
	],
	types: ['json'],
});
