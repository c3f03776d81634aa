import { defineInterface } from '@directus/extensions-sdk';
import InterfaceThresholds from './interface-thresholds.vue';
import { t } from '../../studio-strings';

// DLR-4, RPT-4, CMP-5, ESC-4: the settings objects of numbers as labelled forms instead of raw JSON.
export default defineInterface({
	id: 'after-sales-thresholds',
	name: '阈值表单',
	icon: 'tune',
	description: 'Thresholds: the labelled numbers of a settings object, dealer rating bars (DLR-4), quality alerts (RPT-4), starting levels (CMP-5) or delivery retries (ESC-4).',
	component: InterfaceThresholds,
	types: ['json'],
	group: 'other',
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{
			field: 'kind', name: t('kind'), type: 'string',
			meta: {
				width: 'full', interface: 'select-dropdown',
				options: { choices: [
					{ text: t('thresholds_dealer_rating'), value: 'dealer_rating' }, { text: t('thresholds_quality'), value: 'quality' },
					{ text: t('thresholds_severity_levels'), value: 'severity_levels' }, { text: t('thresholds_delivery_retry'), value: 'delivery_retry' },
				] },
			},
			schema: { default_value: 'dealer_rating' },
		},
	],
});
