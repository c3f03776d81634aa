// RPT-4, RPT-5: the quality alerts panel's definition (tested without mounting the component).
export const qualityAlertsDefinition = {
	id: 'after-sales-quality-alerts',
	name: '质量预警 / Quality alerts',
	icon: 'warning',
	description: '同型号同故障反复出现的预警与本月高发故障 / Recurring-problem alerts and this month’s top faults',
	options: [
		{ field: 'month', name: '月份 / Month (YYYY-MM)', type: 'string' as const, meta: { interface: 'input', width: 'half' as const, options: { placeholder: '留空为本月 / current month' } } },
		{
			field: 'category', name: '产品类别 / Product category', type: 'string' as const,
			meta: { interface: 'select-dropdown', width: 'half' as const, options: { allowNone: true, allowOther: true, choices: [
				{ text: '拖拉机 / Tractor', value: 'tractor' }, { text: '收割机 / Harvester', value: 'harvester' }, { text: '柴油机 / Diesel engine', value: 'diesel_engine' },
				{ text: '农具 / Implement', value: 'implement' }, { text: '电气设备 / Electrical', value: 'electrical' },
			] } },
		},
	],
	minWidth: 12,
	minHeight: 8,
};
