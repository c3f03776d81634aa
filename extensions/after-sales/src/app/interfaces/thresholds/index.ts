import { defineInterface } from '@directus/extensions-sdk';
import InterfaceThresholds from './interface-thresholds.vue';

// DLR-4, RPT-4, CMP-5, ESC-4: the settings objects of numbers as labelled forms instead of raw JSON.
export default defineInterface({
	id: 'after-sales-thresholds',
	name: '阈值表单 / Thresholds',
	icon: 'tune',
	description: 'Labelled numbers of a settings object: dealer rating bars (DLR-4), quality alerts (RPT-4), starting levels (CMP-5) or delivery retries (ESC-4).',
	component: InterfaceThresholds,
	types: ['json'],
	group: 'other',
	options: [
		{
			field: 'kind', name: 'Kind', type: 'string',
			meta: {
				width: 'full', interface: 'select-dropdown',
				options: { choices: [
					{ text: 'Dealer rating 经销商评级 (DLR-4)', value: 'dealer_rating' }, { text: 'Quality alerts 质量预警 (RPT-4)', value: 'quality' },
					{ text: 'Starting level by severity 投诉起始级别 (CMP-5)', value: 'severity_levels' }, { text: 'Delivery retries 通知重试 (ESC-4)', value: 'delivery_retry' },
				] },
			},
			schema: { default_value: 'dealer_rating' },
		},
	],
});
