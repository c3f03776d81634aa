import { defineInterface } from '@directus/extensions-sdk';
import InterfaceAcknowledge from './interface-acknowledge.vue';

// ESC-4: the acknowledge button on an escalation's form (an alias field that stores nothing).
export default defineInterface({
	id: 'after-sales-acknowledge',
	name: '确认升级',
	icon: 'task_alt',
	description: 'Acknowledge escalation: a button that acknowledges an escalation through POST /after-sales/escalations/:id/acknowledge (ESC-4).',
	component: InterfaceAcknowledge,
	types: ['alias'],
	localTypes: ['presentation'],
	group: 'presentation',
	options: null,
	hideLabel: true,
});
