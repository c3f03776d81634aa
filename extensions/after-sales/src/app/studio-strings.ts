// Issue 12 item 5: the texts the pack's Studio extensions show in their option forms and Flow
// overviews, in zh-CN and en-US. They ship in the snapshot's translations map (snapshots/src/build.ts),
// so install writes them to directus_translations like the choice labels, and uninstall removes them;
// the extensions name them as `$t:as_app_<key>`.
//
// Where Directus translates such a key (measured in the Directus 12.4 Studio bundle, app 18.0):
// - option fields (name, note, choice texts) of an interface, display, panel or operation are
//   translated when the form is drawn (the form runs `translate` over its fields) — but an options
//   *array* is translated once already when the extension registers, before the project's
//   translation strings are loaded, so the key would be lost: the pack's options are functions;
// - an operation's `overview` labels and texts are translated when the Flow is drawn;
// - a bookmark's name is translated when the navigation and the list's title are drawn;
// - an extension's `name` and `description` are translated only at registration (and on a change
//   of language, again before the translation strings arrive): a `$t:` key of the project would show
//   as the bare key. These stay literal: the Chinese name, the English description.
export const STUDIO_STRINGS = {
	// displays/history
	history_full: { zh: '完整时间线', en: 'Whole timeline' },
	history_full_note: { zh: '否则仅显示最近一步（适合表格行）', en: 'Otherwise only the latest step, for table rows' },
	// the settings interfaces' kind
	kind: { zh: '类型', en: 'Kind' },
	day_list_days: { zh: '天数', en: 'Days' },
	day_list_month_days: { zh: '月-日（MM-DD）', en: 'Month-days (MM-DD)' },
	seasons_busy: { zh: '农忙季节（WTY-11）', en: 'Busy seasons (WTY-11)' },
	seasons_sales: { zh: '销售季节（DLR-3）', en: 'Sales seasons (DLR-3)' },
	seasons_visit: { zh: '重点客户走访季节（FUP-5）', en: 'Key-account visit windows (FUP-5)' },
	thresholds_dealer_rating: { zh: '经销商评级（DLR-4）', en: 'Dealer rating (DLR-4)' },
	thresholds_quality: { zh: '质量预警（RPT-4）', en: 'Quality alerts (RPT-4)' },
	thresholds_severity_levels: { zh: '投诉起始级别（CMP-5）', en: 'Starting level by severity (CMP-5)' },
	thresholds_delivery_retry: { zh: '通知重试（ESC-4）', en: 'Delivery retries (ESC-4)' },
	// operations (Flows)
	now: { zh: '现在', en: 'now' },
	empty_is_now: { zh: '空 = 现在', en: 'empty = now' },
	coverage_serial: { zh: '出厂编号', en: 'Unit serial' },
	coverage_at: { zh: '判定日期（日期或日期时间）', en: 'At (date or date-time)' },
	coverage_date: { zh: '日期', en: 'At' },
	coverage_fault_category: { zh: '故障类别', en: 'Fault category' },
	coverage_fault_category_note: { zh: '填写后判定该故障与下一步补救（WTY-9）', en: 'Given: judges this fault and the next remedy (WTY-9)' },
	coverage_fault_scope: { zh: '故障范围', en: 'Fault scope' },
	coverage_fault_cause: { zh: '故障原因', en: 'Fault cause' },
	coverage_serious: { zh: '严重故障', en: 'Serious fault' },
	fault_scope_whole_machine: { zh: '整机', en: 'Whole machine' },
	fault_scope_main_part: { zh: '主要部件', en: 'Main part' },
	fault_scope_wear_part: { zh: '易损件', en: 'Wear part' },
	fault_cause_normal: { zh: '正常使用故障', en: 'Normal use' },
	fault_cause_misuse: { zh: '使用不当', en: 'Misuse' },
	fault_cause_accident: { zh: '意外事故', en: 'Accident' },
	fault_cause_unauthorised_disassembly: { zh: '擅自拆修', en: 'Unauthorised disassembly' },
	fault_cause_non_design_fault: { zh: '非设计制造原因', en: 'Not a design fault' },
	fault_cause_customer_supplied_part: { zh: '客户自带配件', en: 'Customer-supplied part' },
	deadline_start: { zh: '开始时间', en: 'Start' },
	deadline_start_note: { zh: 'ISO 时间；空 = 现在', en: 'ISO date-time; empty = now' },
	deadline_duration: { zh: '时长', en: 'Duration' },
	deadline_unit: { zh: '单位', en: 'Unit' },
	deadline_clock: { zh: '计时方式', en: 'Clock' },
	unit_minutes: { zh: '分钟', en: 'Minutes' },
	unit_hours: { zh: '小时', en: 'Hours' },
	unit_business_days: { zh: '工作日（8 小时）', en: 'Business days (8 h)' },
	unit_working_days: { zh: '工作日（按日历，至当日下班）', en: 'Working days (calendar, to closing time)' },
	clock_business: { zh: '工作时间（跳过节假日与非工作时段）', en: 'Business time' },
	clock_business_short: { zh: '工作时间', en: 'business' },
	clock_24x7: { zh: '全天候 24×7', en: 'Around the clock' },
	notify_channel: { zh: '渠道', en: 'Channel' },
	channel_in_app: { zh: '站内通知（门户收件箱）', en: 'In-app (portal inbox)' },
	channel_in_app_short: { zh: '站内通知', en: 'in-app' },
	channel_email: { zh: '邮件', en: 'E-mail' },
	channel_webhook: { zh: '群机器人（钉钉/企业微信/飞书）', en: 'Group robot' },
	notify_robot: { zh: '机器人', en: 'Robot' },
	notify_webhook: { zh: '机器人名称', en: 'Robot (webhook name)' },
	notify_webhook_note: { zh: '售后设置 → 通知渠道中的名称', en: 'a webhook name in After-sales settings' },
	notify_users: { zh: '用户', en: 'Users' },
	notify_users_note: { zh: '用户 ID；机器人渠道中按其手机号 @', en: 'user ids; @-mentioned by mobile on a robot' },
	notify_role: { zh: '角色', en: 'Role' },
	role_service_agent: { zh: '客服专员', en: 'Service Agent' },
	role_service_manager: { zh: '售后服务部主管', en: 'Service Manager' },
	role_leadership: { zh: '公司领导', en: 'Leadership' },
	role_technical_dept: { zh: '技术部', en: 'Technical Dept' },
	role_finance: { zh: '财务部', en: 'Finance' },
	role_sales_rep: { zh: '销售业务员', en: 'Sales Rep' },
	role_technician: { zh: '技术员', en: 'Technician' },
	role_dealer: { zh: '经销商', en: 'Dealer' },
	notify_mobiles: { zh: '另行 @ 的手机号', en: 'Also @-mention (mobiles)' },
	notify_mention_all: { zh: '@所有人', en: '@all' },
	notify_subject: { zh: '标题', en: 'Subject' },
	notify_message: { zh: '内容', en: 'Message' },
	notify_collection: { zh: '关联集合', en: 'Collection' },
	notify_item: { zh: '关联记录', en: 'Item' },
	// panels
	scorecard_period: { zh: '期间', en: 'Period' },
	period_month: { zh: '本月', en: 'This month' },
	period_quarter: { zh: '本季度', en: 'This quarter' },
	period_year: { zh: '本年', en: 'This year' },
	scorecard_dealer: { zh: '经销商代码', en: 'Dealer code' },
	scorecard_dealer_note: { zh: '留空为全部经销商', en: 'Empty: all dealers' },
	scorecard_limit: { zh: '显示前 N 名', en: 'Top N' },
	scorecard_months: { zh: '趋势月数', en: 'Trend months' },
	quality_month: { zh: '月份（YYYY-MM）', en: 'Month (YYYY-MM)' },
	quality_month_note: { zh: '留空为本月', en: 'Empty: the current month' },
	quality_category: { zh: '产品类别', en: 'Product category' },
	category_tractor: { zh: '拖拉机', en: 'Tractor' },
	category_harvester: { zh: '收割机', en: 'Harvester' },
	category_diesel_engine: { zh: '柴油机', en: 'Diesel engine' },
	category_implement: { zh: '农具', en: 'Implement' },
	category_electrical: { zh: '电气设备', en: 'Electrical' },
	sla_collection: { zh: '对象', en: 'Collection' },
	sla_complaints: { zh: '投诉', en: 'Complaints' },
	sla_service_requests: { zh: '报修与任务', en: 'Service requests' },
	sla_repair_records: { zh: '维修记录', en: 'Repair records' },
	sla_warranty_claims: { zh: '三包索赔', en: 'Warranty claims' },
	// bookmarks of the service desk's roles (install/provision-presets.ts): the navigation and the
	// list's title translate a bookmark's `$t:` name when drawn
	bookmark_calls_due: { zh: '待回访（24 小时内）', en: 'Calls due within 24 h' },
	bookmark_missed_follow_ups: { zh: '逾期未访', en: 'Missed follow-ups' },
	bookmark_open_complaints: { zh: '待处理投诉', en: 'Open complaints' },
	bookmark_open_requests: { zh: '待处理报修', en: 'Open requests' },
	bookmark_warned_deadlines: { zh: '即将超时', en: 'Warned deadlines' },
	bookmark_breached_deadlines: { zh: '已超时', en: 'Breached deadlines' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type StudioString = keyof typeof STUDIO_STRINGS;

/** The directus_translations key of a Studio string. */
export const studioKey = (key: StudioString) => `as_app_${key}`;

/** A Studio string as Directus translates it: `$t:as_app_<key>`. */
export const t = (key: StudioString) => `$t:${studioKey(key)}`;
