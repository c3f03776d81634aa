// RPT-1, DLR-4: the dealer scorecard panel's definition (tested without mounting the component).
export const dealerScorecardDefinition = {
	id: 'after-sales-dealer-scorecard',
	name: '经销商记分卡 / Dealer scorecard',
	icon: 'leaderboard',
	description: '经销商排名、建议评级、索赔核准与拒赔、任务安排及时率趋势 / Dealer ranking, suggested rating, claims approved vs rejected, scheduling compliance over time',
	options: [
		{
			field: 'period', name: '期间 / Period', type: 'string' as const, schema: { default_value: 'year' },
			meta: { interface: 'select-dropdown', width: 'half' as const, options: { choices: [
				{ text: '本月 / This month', value: 'month' }, { text: '本季度 / This quarter', value: 'quarter' }, { text: '本年 / This year', value: 'year' },
			] } },
		},
		{ field: 'dealer', name: '经销商代码 / Dealer code', type: 'string' as const, meta: { interface: 'input', width: 'half' as const, options: { placeholder: 'D001（留空为全部 / all）', trim: true } } },
		{ field: 'limit', name: '显示前 N 名 / Top N', type: 'integer' as const, schema: { default_value: 10 }, meta: { interface: 'input', width: 'half' as const, options: { min: 1, max: 100 } } },
		{ field: 'months', name: '趋势月数 / Trend months', type: 'integer' as const, schema: { default_value: 6 }, meta: { interface: 'input', width: 'half' as const, options: { min: 1, max: 24 } } },
	],
	minWidth: 16,
	minHeight: 14,
};
