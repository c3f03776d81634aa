// ESC-1, ESC-2: the SLA board panel's definition (tested without mounting the component).
import { t } from '../../studio-strings';

export const slaBoardDefinition = {
	id: 'after-sales-sla-board',
	name: '时限看板',
	icon: 'timer',
	description: 'SLA board: open milestones by state and level, the most overdue linked into the Studio',
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{
			field: 'collection', name: t('sla_collection'), type: 'string' as const,
			meta: { interface: 'select-dropdown', width: 'half' as const, options: { allowNone: true, choices: [
				{ text: t('sla_complaints'), value: 'complaints' }, { text: t('sla_service_requests'), value: 'service_requests' },
				{ text: t('sla_repair_records'), value: 'repair_records' }, { text: t('sla_warranty_claims'), value: 'warranty_claims' },
			] } },
		},
	],
	minWidth: 12,
	minHeight: 8,
};
