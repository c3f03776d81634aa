// zh-CN and en-US texts of the calendar form (CAL-1..3).
import type { Locale } from '../../../panels/lib/i18n';
import type { Weekday } from './calendar-form';

type Messages = {
	timezone: string; timezoneHint: string; hours: string; weekday: Record<Weekday, string>; closed: string;
	addInterval: string; remove: string; holidays: string; holidaysHint: string; adjusted: string; adjustedHint: string;
	add: string; none: string; published: (year: string, source: string) => string; publishedDate: string; count: (n: number) => string;
	adjustedHours: string; adjustedHoursMonday: string; adjustedHoursOwn: string; unreadable: string; reset: string; to: string;
};

export const CALENDAR_MESSAGES: Record<Locale, Messages> = {
	zh: {
		timezone: '时区', timezoneHint: '工作时段和日期按此时区计算（CAL-3）',
		hours: '每周工作时段', weekday: { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' }, closed: '休息',
		addInterval: '添加时段', remove: '删除', to: '至',
		holidays: '节假日（不上班）', holidaysHint: '法定节假日及公司放假日；这些日期不计入工作时间（CAL-1）',
		adjusted: '调休工作日（周末上班）', adjustedHint: '原本休息、因调休上班的日期（CAL-1）',
		add: '添加', none: '暂无日期',
		published: (year, source) => `${year} 年：安装时已按国务院公布的安排预填（${source}），可增删`,
		publishedDate: '国务院公布', count: (n) => `${n} 天`,
		adjustedHours: '调休日工作时段', adjustedHoursMonday: '同周一', adjustedHoursOwn: '单独设定',
		unreadable: '此字段当前的内容无法读取', reset: '改用默认日历',
	},
	en: {
		timezone: 'Time zone', timezoneHint: 'Working hours and dates are in this time zone (CAL-3)',
		hours: 'Weekly working hours', weekday: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }, closed: 'Closed',
		addInterval: 'Add hours', remove: 'Remove', to: 'to',
		holidays: 'Holidays (days off)', holidaysHint: 'Public holidays and company days off; they count as no working time (CAL-1)',
		adjusted: 'Adjusted working days (调休)', adjustedHint: 'Days off that are made working days (CAL-1)',
		add: 'Add', none: 'No dates yet',
		published: (year, source) => `${year}: pre-filled at install from the State Council’s schedule (${source}); add or remove as needed`,
		publishedDate: 'State Council', count: (n) => `${n} day${n === 1 ? '' : 's'}`,
		adjustedHours: 'Hours on adjusted days', adjustedHoursMonday: 'Same as Monday', adjustedHoursOwn: 'Own hours',
		unreadable: 'The current content of this field cannot be read', reset: 'Use the default calendar',
	},
};
