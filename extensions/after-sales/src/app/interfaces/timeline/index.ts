import { defineInterface } from '@directus/extensions-sdk';
import InterfaceTimeline from './interface-timeline.vue';

// The form side of a history field: the whole timeline, read-only, never the raw JSON.
export default defineInterface({
	id: 'after-sales-timeline',
	name: '变更记录时间线',
	icon: 'timeline',
	description: 'History timeline: the read-only timeline of a history JSON field (ARC-3, CMP-3, WTY-7): when, who, from → to, summary.',
	component: InterfaceTimeline,
	types: ['json'],
	group: 'other',
	options: null,
});
