// RPT-4, RPT-5: the quality alerts panel's definition (tested without mounting the component).
import { t } from '../../studio-strings';

export const qualityAlertsDefinition = {
	id: 'after-sales-quality-alerts',
	name: '质量预警',
	icon: 'warning',
	description: 'Quality alerts: recurring-problem alerts and this month’s top faults',
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{ field: 'month', name: t('quality_month'), type: 'string' as const, meta: { interface: 'input', width: 'half' as const, note: t('quality_month_note'), options: { placeholder: '2026-05' } } },
		{
			field: 'category', name: t('quality_category'), type: 'string' as const,
			meta: { interface: 'select-dropdown', width: 'half' as const, options: { allowNone: true, allowOther: true, choices: [
				{ text: t('category_tractor'), value: 'tractor' }, { text: t('category_harvester'), value: 'harvester' }, { text: t('category_diesel_engine'), value: 'diesel_engine' },
				{ text: t('category_implement'), value: 'implement' }, { text: t('category_electrical'), value: 'electrical' },
			] } },
		},
	],
	minWidth: 12,
	minHeight: 8,
};
