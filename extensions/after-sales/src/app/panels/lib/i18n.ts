// zh-CN and en-US strings of the insights panels. Chinese unless the user's Directus language
// (or, failing that, the browser's) is not Chinese.
export type Locale = 'zh' | 'en';

export function pickLocale(...languages: Array<string | null | undefined>): Locale {
	const first = languages.find((l) => typeof l === 'string' && l.length > 0);
	return !first || first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const MESSAGES = {
	zh: {
		loading: '加载中…', empty: '暂无数据', error: '加载失败',
		state: { running: '计时中', paused: '已暂停', warned: '已预警', breached: '已超时' } as Record<string, string>,
		collection: { complaints: '投诉', service_requests: '报修与任务', repair_records: '维修记录', warranty_claims: '三包索赔' } as Record<string, string>,
		level: 'L', overdue: '最早到期', open: '在 Studio 中打开', total: '合计',
		rank: '排名', dealer: '经销商', rating: '评级', score: '得分', compliance: '安排及时率%', rejection: '拒赔率%', satisfaction: '满意度', complaints: '投诉',
		approved: '核准索赔', rejected: '拒赔索赔', claimsChart: '索赔核准与拒赔', complianceChart: '任务安排及时率（按月）',
		product: '产品', fault: '故障类别', window: '周期', count: '次数', route: '责任部门', status: '状态', action: '预防措施',
		route_names: { technical_dept: '技术部', service_manager: '售后服务部' } as Record<string, string>,
		topFaults: '本月高发故障',
	},
	en: {
		loading: 'Loading…', empty: 'No data yet', error: 'Could not load',
		state: { running: 'Running', paused: 'Paused', warned: 'Warned', breached: 'Breached' } as Record<string, string>,
		collection: { complaints: 'Complaints', service_requests: 'Service requests', repair_records: 'Repair records', warranty_claims: 'Warranty claims' } as Record<string, string>,
		level: 'L', overdue: 'Most overdue', open: 'Open in the Studio', total: 'Total',
		rank: 'Rank', dealer: 'Dealer', rating: 'Rating', score: 'Score', compliance: 'Schedule %', rejection: 'Rejected %', satisfaction: 'Satisfaction', complaints: 'Complaints',
		approved: 'Claims approved', rejected: 'Claims rejected', claimsChart: 'Claims approved vs rejected', complianceChart: 'Scheduling compliance by month',
		product: 'Product', fault: 'Fault', window: 'Window', count: 'Count', route: 'Routed to', status: 'Status', action: 'Preventive action',
		route_names: { technical_dept: 'Technical dept', service_manager: 'Service manager' } as Record<string, string>,
		topFaults: 'Top faults this month',
	},
} satisfies Record<Locale, unknown>;

export type Messages = (typeof MESSAGES)['zh'];
export const messagesFor = (locale: Locale): Messages => MESSAGES[locale];

/** Text for a value that may be missing ('—' rather than an empty cell). */
export const show = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));
