import { defineInterface } from '@directus/extensions-sdk';
import InterfaceCalendar from './interface-calendar.vue';

// CAL-1..3: the business calendar as a form instead of raw JSON (service_settings.calendar).
export default defineInterface({
	id: 'after-sales-calendar',
	name: '工作日历',
	icon: 'calendar_month',
	description: 'Business calendar: time zone, weekly working hours, holidays and adjusted working days of the business calendar (CAL-1..3).',
	component: InterfaceCalendar,
	types: ['json'],
	group: 'other',
	options: null,
});
