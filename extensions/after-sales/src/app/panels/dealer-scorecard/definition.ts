// RPT-1, DLR-4: the dealer scorecard panel's definition (tested without mounting the component).
import { t } from '../../studio-strings';

export const dealerScorecardDefinition = {
	id: 'after-sales-dealer-scorecard',
	name: '经销商记分卡',
	icon: 'leaderboard',
	description: 'Dealer scorecard: dealer ranking, suggested rating, claims approved vs rejected, scheduling compliance over time',
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{
			field: 'period', name: t('scorecard_period'), type: 'string' as const, schema: { default_value: 'year' },
			meta: { interface: 'select-dropdown', width: 'half' as const, options: { choices: [
				{ text: t('period_month'), value: 'month' }, { text: t('period_quarter'), value: 'quarter' }, { text: t('period_year'), value: 'year' },
			] } },
		},
		{ field: 'dealer', name: t('scorecard_dealer'), type: 'string' as const, meta: { interface: 'input', width: 'half' as const, note: t('scorecard_dealer_note'), options: { placeholder: 'D001', trim: true } } },
		{ field: 'limit', name: t('scorecard_limit'), type: 'integer' as const, schema: { default_value: 10 }, meta: { interface: 'input', width: 'half' as const, options: { min: 1, max: 100 } } },
		{ field: 'months', name: t('scorecard_months'), type: 'integer' as const, schema: { default_value: 6 }, meta: { interface: 'input', width: 'half' as const, options: { min: 1, max: 24 } } },
	],
	minWidth: 16,
	minHeight: 14,
};
