import { defineInterface } from '@directus/extensions-sdk';
import InterfaceConditions from './interface-conditions.vue';

// ESC-1: an SLA policy's condition built from ticks instead of raw JSON (sla_policies.condition).
export default defineInterface({
	id: 'after-sales-conditions',
	name: '时限策略条件',
	icon: 'rule',
	description: 'SLA condition: the condition builder of an SLA policy: severity, category, key account, dealer tier, dealer task, coverage, busy season, fault scope (ESC-1).',
	component: InterfaceConditions,
	types: ['json'],
	group: 'other',
	options: null,
});
