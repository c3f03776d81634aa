// ESC-1, ESC-2: the SLA board panel's definition (tested without mounting the component).
export const slaBoardDefinition = {
	id: 'after-sales-sla-board',
	name: '时限看板 / SLA board',
	icon: 'timer',
	description: '未完成里程碑按状态与级别分布，最早到期的链接到 Studio / Open milestones by state and level, most overdue linked into the Studio',
	options: [
		{
			field: 'collection', name: '对象 / Collection', type: 'string' as const,
			meta: { interface: 'select-dropdown', width: 'half' as const, options: { allowNone: true, choices: [
				{ text: '投诉 / Complaints', value: 'complaints' }, { text: '报修与任务 / Service requests', value: 'service_requests' },
				{ text: '维修记录 / Repair records', value: 'repair_records' }, { text: '三包索赔 / Warranty claims', value: 'warranty_claims' },
			] } },
		},
	],
	minWidth: 12,
	minHeight: 8,
};
