import { definePanel } from '@directus/extensions-sdk';
import PanelOverview from './panel-overview.vue';

export default definePanel({
	id: 'after-sales-overview',
	name: '售后概况',
	icon: 'support_agent',
	description: 'After-sales overview: open service requests, complaints, warranty claims and deadline states (from /after-sales/overview).',
	component: PanelOverview,
	options: [],
	minWidth: 12,
	minHeight: 6,
});
