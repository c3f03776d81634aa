// zh-CN and en-US strings of the work queue; Chinese unless the user's Directus language is not.
import type { Locale } from '../../panels/lib/i18n';

export const QUEUE_MESSAGES = {
	zh: {
		title: '售后工作台', refresh: '刷新', loading: '加载中…', error: '加载失败', empty: '暂无待办',
		mine: '我的待办（按到期时间）', at_my_level: '本级预警与超时', to_acknowledge: '待确认的升级', calls_today: '今日回访',
		late: '已超时', left: '剩余', no_deadline: '无时限', acknowledge: '确认已知悉', acknowledged: '已确认', open: '打开',
		levels: '我的级别',
		collection: { complaints: '投诉', service_requests: '报修与任务', repair_records: '维修记录', warranty_claims: '三包索赔', follow_ups: '回访' } as Record<string, string>,
		state: { running: '计时中', warned: '已预警', breached: '已超时', warning: '预警', breach: '超时' } as Record<string, string>,
		kind: { first_call: '派工后首次回访', second_call: '二次回访', satisfaction_call: '满意度回访', survey: '满意度调查', event_call: '活动电话通知', event_letter: '活动信函', key_account_visit: '重点客户走访', collect_notice: '取车通知', visit_notice: '上门预约通知' } as Record<string, string>,
	},
	en: {
		title: 'Work queue', refresh: 'Refresh', loading: 'Loading…', error: 'Could not load', empty: 'Nothing to do',
		mine: 'My open work (by deadline)', at_my_level: 'Warned and breached at my level', to_acknowledge: 'Escalations to acknowledge', calls_today: 'Calls due today',
		late: 'late by', left: 'left', no_deadline: 'no deadline', acknowledge: 'Acknowledge', acknowledged: 'Acknowledged', open: 'Open',
		levels: 'My level',
		collection: { complaints: 'Complaint', service_requests: 'Service request', repair_records: 'Repair', warranty_claims: 'Claim', follow_ups: 'Follow-up' } as Record<string, string>,
		state: { running: 'Running', warned: 'Warned', breached: 'Breached', warning: 'Warning', breach: 'Breach' } as Record<string, string>,
		kind: { first_call: 'First call after dispatch', second_call: 'Second call', satisfaction_call: 'Satisfaction call', survey: 'Survey', event_call: 'Event call', event_letter: 'Event letter', key_account_visit: 'Key-account visit', collect_notice: 'Collection notice', visit_notice: 'Visit appointment notice' } as Record<string, string>,
	},
} satisfies Record<Locale, unknown>;

/** A countdown as people read it: "剩余 1 小时 20 分" / "late by 2 h 5 min". */
export function formatMinutes(minutes: number | null, locale: Locale): string {
	const m = QUEUE_MESSAGES[locale];
	if (minutes === null) return m.no_deadline;
	const abs = Math.abs(minutes);
	const d = Math.floor(abs / 1440);
	const h = Math.floor((abs % 1440) / 60);
	const min = abs % 60;
	const parts = locale === 'zh'
		? [d ? `${d} 天` : '', h ? `${h} 小时` : '', !d && (min || (!h && !d)) ? `${min} 分` : ''].filter(Boolean).join(' ')
		: [d ? `${d} d` : '', h ? `${h} h` : '', !d && (min || (!h && !d)) ? `${min} min` : ''].filter(Boolean).join(' ');
	return minutes < 0 ? `${m.late} ${parts}` : `${m.left} ${parts}`;
}
