// Chinese first, English on request; the choice is remembered in this browser.
import { ref } from 'vue';
import { describeFailure as describeFailureIn } from './lib/describe-failure';
import { formatDay, formatInstant } from './lib/format-time';
import { badgeTone, pickLanguage, showLabel } from './lib/labels';

export type Lang = 'zh' | 'en';
export const lang = ref<Lang>((localStorage.getItem('portal-lang') as Lang) || 'zh');
export function setLang(value: Lang, remember = true) {
	lang.value = value;
	if (remember) localStorage.setItem('portal-lang', value);
	document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en';
}
/** After sign-in the portal follows the user's Directus language, unless this browser chose one. */
export function adoptUserLanguage(language: string | null | undefined) {
	if (localStorage.getItem('portal-lang') || !language) return;
	setLang(language.toLowerCase().startsWith('en') ? 'en' : 'zh', false);
}

/** CAL-1: the business calendar's zone (from the API after sign-in); every time is shown in it. */
export const zone = ref('Asia/Shanghai');
export const at = (value: unknown) => formatInstant(value, zone.value);
export const day = (value: unknown) => formatDay(value, zone.value);
/** A stored code as its label in the portal's language (lib/labels.ts); never the code itself. */
export const label = (collection: string, field: string, value: string | null | undefined) => showLabel(collection, field, value, lang.value, (key) => ((M as Record<string, unknown>)[key] ? t(key) : null));
export const tone = (collection: string, field: string, value: string | null | undefined) => `tone-${badgeTone(collection, field, value)}`;
export const inLanguage = (text: string | null | undefined) => pickLanguage(text, lang.value);

const M = {
	title: ['经销商服务门户', 'Dealer service portal'],
	tech_title: ['技术员工作台', 'Technician workspace'],
	email: ['邮箱', 'Email'], password: ['密码', 'Password'], sign_in: ['登录', 'Sign in'], sign_out: ['退出', 'Sign out'],
	not_portal_user: ['此账号不是经销商或技术员账号', 'This account is not a dealer or technician account'],
	tasks: ['任务', 'Tasks'], repair: ['三包维修', 'Warranty repair'], claims: ['索赔', 'Claims'], returns: ['旧件返厂', 'Old parts'], ledger: ['往来账', 'Ledger'],
	requests: ['我的派工', 'My requests'], inbox: ['通知', 'Inbox'], unread: ['未读', 'Unread'], mark_read: ['标为已读', 'Mark read'],
	due: ['时限', 'Due'], note: ['备注 / 签到位置', 'Note / check-in location'], accept: ['接单', 'Accept'], arrive: ['到达签到', 'Check in on site'],
	to_on_site: ['继续现场处理', 'Back on site'], to_waiting_parts: ['等待配件', 'Waiting for parts'], to_waiting_customer: ['等待客户', 'Waiting for customer'], to_resolved: ['已解决', 'Resolved'],
	loading: ['加载中…', 'Loading…'], empty: ['暂无记录', 'Nothing here yet'], retry: ['重试', 'Retry'],
	unit: ['机器出厂编号', 'Unit serial number'], search_unit: ['输入编号或客户名搜索', 'Search serial or customer'],
	fault_category: ['故障类别', 'Fault category'], fault_description: ['故障现象', 'Fault description'], work_done: ['维修内容', 'Work done'],
	labour_cost: ['工时费（元）', 'Labour (CNY)'], travel_cost: ['差旅费（元）', 'Travel (CNY)'],
	parts: ['更换配件', 'Parts replaced'], part_no: ['配件编号', 'Part no.'], part_name: ['名称', 'Name'], quantity: ['数量', 'Qty'], unit_price: ['单价', 'Unit price'],
	old_part_serial: ['旧件编号', 'Old-part serial'], add_part: ['添加配件', 'Add part'], remove: ['删除', 'Remove'],
	signer_name: ['签字人', 'Signed by'], signature: ['用户签字（请在框内手写）', 'Customer signature (draw in the box)'], clear: ['清除', 'Clear'],
	save_repair: ['保存维修记录', 'Save repair record'], saved_repair: ['维修记录已保存', 'Repair record saved'],
	coverage: ['服务性质', 'Coverage'], total: ['合计', 'Total'], submit_claim: ['提交索赔', 'Submit claim'], claim_submitted: ['索赔已提交', 'Claim submitted'],
	claim_no: ['索赔单号', 'Claim no.'], status: ['状态', 'Status'], claimed: ['申请金额', 'Claimed'], approved: ['已核准', 'Approved'], approved_amount: ['核准金额', 'Approved amount'],
	reasons: ['拒赔原因', 'Rejection reasons'], confirm_writeoff: ['确认核销通知', 'Confirm write-off notice'],
	balance: ['余额（冲减应收）', 'Balance (reduces receivables)'], deadline: ['截止日', 'Deadline'], ship: ['已发运', 'Mark shipped'], carrier: ['承运方式', 'Carrier'],
	log_repair: ['登记维修', 'Log repair'], schedule: ['安排上门', 'Schedule'], schedule_at: ['预约服务时间', 'Service appointment'],
	scheduled_for: ['已约', 'Scheduled for'], dispatched_at: ['派单', 'Dispatched'], customer: ['客户', 'Customer'], problem: ['问题', 'Problem'],
	phone: ['电话', 'Phone'], promised_arrival: ['承诺到达', 'Promised arrival'], met_at: ['已按时完成', 'Met on time'], met_late: ['超时后完成', 'Met late'], times_in: ['时间均为', 'Times in'],
	line_labour: ['工时费', 'Labour'], line_travel: ['差旅费', 'Travel'], line_item: ['项目', 'Item'], approved_line: ['核准', 'Approved'], pending_decision: ['待审核', 'Pending'],
	submitted_on: ['提交于', 'Submitted'], rejection_note: ['说明', 'Note'], repeat_review: ['重复修理复核', 'Repeat-repair review'], posted_on: ['记账', 'Posted'],
	claim_line_reason: ['核减原因', 'Cut because'],
	dealer_expense_note: ['用户照常免费维修，费用由经销商承担，不予索赔（WTY-2、WTY-4）', 'The customer is served free; the dealer bears the cost and no claim is accepted (WTY-2, WTY-4)'],
	remedy: ['三包方式', 'Remedy'], remedy_repair: ['修理', 'Repair'], remedy_main_part_replacement: ['更换主要部件', 'Main-part replacement'], remedy_machine_replacement: ['换机', 'Machine replacement'], remedy_refund: ['退货', 'Refund'],
	units: ['机器与回执卡', 'Units & cards'], register_card: ['登记销售与三包回执卡', 'Register a sale and its warranty card'], serial_no: ['出厂编号', 'Serial number'],
	sold_on: ['销售（发票）日期', 'Sold on (invoice date)'], product_model: ['产品型号（新机器必填）', 'Product model (for a unit not on file)'], invoice_no: ['发票号', 'Invoice no.'],
	customer_name: ['客户姓名', 'Customer name'], customer_phone: ['客户电话', 'Customer phone'], region: ['地区', 'Region'], address: ['地址', 'Address'],
	card_registered: ['已登记，待公司确认', 'Registered; waiting for the company to confirm'], card: ['回执卡', 'Card'], card_deadline_hint: ['须在销售后 20 天内返回回执卡，逾期公司不予认定三包（WTY-2）', 'Return the card within 20 days of sale, or the company does not recognise warranty service (WTY-2)'],
	card_review_pending: ['待公司确认', 'Waiting for the company'], card_review_confirmed: ['已确认', 'Confirmed'], card_review_rejected: ['被退回', 'Returned'], register_again: ['重新登记', 'Register again'],
	// DLR-3: the spare-parts plan.
	plan: ['配件计划', 'Parts plan'], next_season: ['下一销售季节', 'Next sales season'], season_starts: ['季节开始', 'Season starts'], plan_due: ['计划截止', 'Plan due'],
	plan_on_time: ['已按时提交', 'Filed on time'], plan_late: ['逾期提交', 'Filed late'], plan_not_filed: ['尚未提交配件计划', 'No parts plan filed yet'],
	plan_overdue: ['配件计划已逾期未提交，请尽快提交', 'The parts plan is overdue; please file it now'], file_plan: ['提交配件计划', 'File the parts plan'], revise_plan: ['修改配件计划', 'Revise the parts plan'],
	submit_plan: ['提交计划', 'Submit plan'], plan_saved: ['配件计划已提交', 'Parts plan filed'], kind_warranty: ['三包件', 'Warranty part'], kind_wear: ['易损件', 'Wear part'],
	filed_on: ['提交日', 'Filed on'], note_plain: ['备注', 'Note'],
	// DLR-5: stock returns.
	stock: ['库存退货', 'Stock returns'], new_stock_return: ['新建库存退货', 'New stock return'], return_reason: ['退货原因', 'Return reason'],
	quality_defect: ['质量问题', 'Quality defect'], disassembled: ['经销商拆卸过', 'Disassembled by us'], unsaleable: ['其他滞销', 'Unsaleable'],
	quality_defect_freight: ['公司承担运费', 'The company pays the freight'], disassembled_freight: ['经销商承担运费和修复工时费', 'The dealer pays freight and restoration labour'],
	unsaleable_freight: ['经销商承担运费', 'The dealer pays the freight'], part_no_or_model: ['配件编号或机型', 'Part no. or model'], serial_optional: ['出厂编号（可选）', 'Serial (optional)'],
	unit_value: ['单价（元）', 'Unit value (CNY)'], shipped_to_dealer_on: ['发给经销商日期', 'Shipped to us on'], add_line: ['添加明细', 'Add line'],
	file_stock_return: ['提交退货', 'File stock return'], stock_value: ['退货价值', 'Stock value'], freight_by: ['运费承担', 'Freight paid by'],
	payer_company: ['公司', 'Company'], payer_dealer: ['经销商', 'Dealer'], freight: ['运费', 'Freight'], restoration: ['修复工时费', 'Restoration'],
	engine: ['发动机', 'Engine'], transmission: ['传动系统', 'Transmission'], hydraulic: ['液压系统', 'Hydraulics'], electrical: ['电气系统', 'Electrical'],
	chassis: ['底盘行走', 'Chassis'], header: ['割台/作业装置', 'Header'], cooling: ['冷却系统', 'Cooling'], fuel: ['燃油系统', 'Fuel'],
	lubrication: ['润滑/油品', 'Lubrication'], cab: ['驾驶室', 'Cab'], other: ['其他', 'Other'],
	repeat: ['重复修理（REQ-8）', 'Repeat repair (REQ-8)'], need_signature: ['请先让用户签字', 'Please have the customer sign first'],
	// Directus's own errors (sign-in, session) are known by code; the pack's arrive in the portal's language.
	INVALID_CREDENTIALS: ['邮箱或密码不正确', 'Wrong email or password'], INVALID_OTP: ['动态验证码不正确', 'Wrong one-time password'],
	USER_SUSPENDED: ['此账号已停用，请联系管理员', 'This account is suspended; ask an administrator'],
	TOKEN_EXPIRED: ['登录已过期，请重新登录', 'Your session has expired; please sign in again'], INVALID_TOKEN: ['登录已失效，请重新登录', 'Your session is no longer valid; please sign in again'],
	REQUESTS_EXCEEDED: ['请求过于频繁，请稍后再试', 'Too many requests; try again shortly'], INVALID_PAYLOAD: ['提交的内容无效', 'The request is not valid'],
	FORBIDDEN: ['没有权限执行此操作', 'You may not do this'], ROUTE_NOT_FOUND: ['找不到该地址', 'Not found'],
	network_error: ['无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and retry'],
	server_error: ['服务器出错，请稍后再试', 'The server failed; try again later'],
} as const;

export type MessageKey = keyof typeof M;
export const t = (key: string) => {
	const entry = (M as Record<string, readonly [string, string]>)[key];
	return entry ? entry[lang.value === 'zh' ? 0 : 1] : key;
};
/** INT-5: a failure as the portal shows it, in its language (lib/describe-failure.ts). */
export const describeFailure = (error: unknown) => describeFailureIn(error, t);

export const REMEDIES = ['repair', 'main_part_replacement', 'machine_replacement', 'refund'];
export const FAULT_CATEGORIES = ['engine', 'transmission', 'hydraulic', 'electrical', 'chassis', 'header', 'cooling', 'fuel', 'lubrication', 'cab', 'other'];
