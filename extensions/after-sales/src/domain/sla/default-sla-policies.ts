import { parseSlaPolicy } from './parse-sla-policy';
import type { SlaPolicy, SlaPolicyInput } from './schemas';

const HOUR = 60;
const DAY = 24 * HOUR;

/** Complaint states from which the customer has been contacted (CMP-3). */
const COMPLAINT_CONTACTED = ['contacting', 'analysing', 'proposed', 'approved', 'agreed', 'implementing', 'tracking', 'closed', 'rejected'];

/**
 * Service-request states these defaults assume. The contract fixes only `status`; an admin whose
 * states differ edits the policy, not code: received → answered → reported → scheduled → on_site
 * → resolved → closed, with waiting_customer / waiting_parts pauses and cancelled.
 */
const REQUEST_ANSWERED = ['answered', 'reported', 'scheduled', 'on_site', 'waiting_customer', 'waiting_parts', 'resolved', 'closed', 'cancelled'];
const REQUEST_IN_HAND = ['scheduled', 'on_site', 'resolved', 'closed', 'cancelled'];
const REQUEST_PAUSES = ['waiting_customer', 'waiting_parts'];

const answerMilestone: SlaPolicyInput['milestones'][number] = {
	key: 'answer',
	label: '受理答复（1小时）',
	label_en: 'Answer the customer (1 h)',
	duration_minutes: HOUR,
	clock: '24x7',
	fulfil_field: 'first_response_at',
	fulfil_states: REQUEST_ANSWERED,
	escalate_to_level: 2,
	notify_roles: ['service_manager'],
};

const onSiteMilestone: SlaPolicyInput['milestones'][number] = {
	key: 'on_site',
	label: '上门服务（3个工作日）',
	label_en: 'On-site service (3 business days)',
	duration_working_days: 3,
	clock: 'business',
	fulfil_states: ['on_site', 'resolved', 'closed', 'cancelled'],
	pause_states: REQUEST_PAUSES,
	escalate_to_level: 2,
	notify_roles: ['service_manager'],
};

const warrantyFinishMilestone: SlaPolicyInput['milestones'][number] = {
	key: 'repair_finished',
	label: '三包修理完工（30个工作日）',
	label_en: 'Warranty repair finished (30 business days)',
	start_field: 'received_at',
	duration_working_days: 30,
	clock: 'business',
	fulfil_field: 'completed_at',
	escalate_to_level: 2,
	notify_roles: ['service_manager'],
};

/** REQ-6: at the 进度检查点 share (75 %) of drop-off → promised completion, check the repair is on time. */
const progressCheckMilestone: SlaPolicyInput['milestones'][number] = {
	key: 'progress_check',
	label: '进度检查（承诺工期的进度检查点）',
	label_en: 'Progress check (share of the promised time)',
	start_field: 'dropped_off_at',
	end_field: 'promised_at',
	clock: '24x7',
	warn: false,
	fulfil_field: 'completed_at',
	fulfil_states: ['completed', 'cancelled'],
	escalate_to_level: 1,
	notify_roles: ['service_manager'],
};

/** REQ-5, REQ-6: the completion promised to the customer. */
const promisedCompletionMilestone: SlaPolicyInput['milestones'][number] = {
	key: 'promised_completion',
	label: '承诺完工',
	label_en: 'Promised completion',
	start_field: 'dropped_off_at',
	end_field: 'promised_at',
	window_percent: 100,
	clock: '24x7',
	fulfil_field: 'completed_at',
	fulfil_states: ['completed', 'cancelled'],
	escalate_to_level: 2,
	notify_roles: ['service_manager'],
};

const busySeasonFix = (days: number): SlaPolicyInput['milestones'][number] => ({
	key: 'busy_season_fix',
	label: `农忙期修复（${days}天）`,
	label_en: `Busy-season fix (${days} day${days > 1 ? 's' : ''})`,
	start_field: 'received_at',
	duration_minutes: days * DAY,
	// Farmers work through weekends in the busy season; the regulation counts calendar days.
	clock: '24x7',
	fulfil_field: 'completed_at',
	escalate_to_level: 2,
	notify_roles: ['service_manager'],
});

const inputs: SlaPolicyInput[] = [
	{
		name: '投诉默认时限 / Complaint defaults',
		collection: 'complaints',
		priority: 0,
		milestones: [
			{
				key: 'first_response',
				label: '首次响应（1小时）',
				label_en: 'First response (1 h)',
				duration_minutes: HOUR,
				clock: '24x7',
				fulfil_field: 'first_response_at',
				fulfil_states: COMPLAINT_CONTACTED,
				escalate_to_level: 2,
				notify_roles: ['service_manager'],
			},
			{
				// CMP-4: the approved handling proposal put to the customer is the reply.
				key: 'reply',
				label: '答复或解决（24小时）',
				label_en: 'Reply or resolve (24 h)',
				duration_minutes: DAY,
				clock: '24x7',
				fulfil_states: ['approved', 'agreed', 'implementing', 'tracking', 'closed', 'rejected'],
				escalate_to_level: 2,
				notify_roles: ['service_manager'],
			},
			{
				// Unresolved = no agreed handling under way yet after a day.
				key: 'manager_informed',
				label: '未解决告知主管（1天）',
				label_en: 'Manager informed if unresolved (1 day)',
				duration_minutes: DAY,
				clock: '24x7',
				fulfil_states: ['implementing', 'tracking', 'closed', 'rejected'],
				escalate_to_level: 2,
				notify_roles: ['service_manager'],
			},
		],
	},
	{
		name: '报修默认时限 / Service request defaults',
		collection: 'service_requests',
		priority: 0,
		milestones: [
			answerMilestone,
			{
				key: 'report_to_manager',
				label: '报告工程部主管（1天）',
				label_en: 'Report to the engineering manager (1 day)',
				duration_minutes: DAY,
				clock: '24x7',
				fulfil_states: ['reported', ...REQUEST_IN_HAND],
				escalate_to_level: 2,
				notify_roles: ['service_manager'],
			},
			onSiteMilestone,
		],
	},
	{
		name: '经销商任务时限 / Dealer task (DLR-2)',
		collection: 'service_requests',
		priority: 10,
		condition: { is_dealer_task: true },
		milestones: [
			answerMilestone,
			{
				// On breach ESC-2 still raises one level; level 1 here only means no extra jump.
				key: 'dealer_scheduled',
				label: '经销商安排服务（2小时）',
				label_en: 'Dealer schedules the service (2 h)',
				start_field: 'dispatched_at',
				duration_minutes: 2 * HOUR,
				clock: '24x7',
				fulfil_field: 'scheduled_at',
				fulfil_states: REQUEST_IN_HAND,
				escalate_to_level: 1,
				notify_roles: ['dealer', 'service_agent'],
			},
			{
				key: 'clerk_check',
				label: '销售内勤核查（4小时）',
				label_en: 'Sales clerk check (4 h)',
				start_field: 'dispatched_at',
				duration_minutes: 4 * HOUR,
				clock: '24x7',
				// Met by the clerk's recorded check, or once the dealer has the task in hand (scheduled or further).
				fulfil_field: 'clerk_checked_at',
				fulfil_states: REQUEST_IN_HAND,
				escalate_to_level: 3,
				notify_roles: ['leadership', 'service_agent'],
			},
			onSiteMilestone,
		],
	},
	{
		name: '三包修理时限 / Warranty repair (WTY-11)',
		collection: 'repair_records',
		priority: 10,
		condition: { coverage: ['warranty'] },
		milestones: [warrantyFinishMilestone, progressCheckMilestone, promisedCompletionMilestone],
	},
	{
		name: '农忙整机/主要部件 / Busy season, whole machine or main part (WTY-11)',
		collection: 'repair_records',
		priority: 20,
		condition: { coverage: ['warranty'], busy_season: true, fault_scope: ['whole_machine', 'main_part'] },
		milestones: [busySeasonFix(3), warrantyFinishMilestone, progressCheckMilestone, promisedCompletionMilestone],
	},
	{
		name: '农忙易损件 / Busy season, wear part (WTY-11)',
		collection: 'repair_records',
		priority: 20,
		condition: { coverage: ['warranty'], busy_season: true, fault_scope: ['wear_part'] },
		milestones: [busySeasonFix(1), warrantyFinishMilestone, progressCheckMilestone, promisedCompletionMilestone],
	},
	{
		// Appended last: install keys defaults by their order per collection, so earlier ones keep their keys.
		name: '维修单进度 / Repair order progress (REQ-6)',
		collection: 'repair_records',
		priority: 0,
		milestones: [progressCheckMilestone, promisedCompletionMilestone],
	},
	{
		// WTY-12: a lost 三包凭证 is reissued within 10 working days of being shown in warranty (at registration).
		name: '补发三包凭证 / Warranty certificate reissue (WTY-12)',
		collection: 'service_requests',
		priority: 20,
		condition: { category: ['certificate_reissue'] },
		milestones: [
			answerMilestone,
			{
				key: 'certificate_reissued',
				label: '补发三包凭证（10个工作日）',
				label_en: 'Certificate reissued (10 business days)',
				start_field: 'received_at',
				duration_working_days: 10,
				clock: 'business',
				fulfil_states: ['resolved', 'closed', 'cancelled'],
				escalate_to_level: 2,
				notify_roles: ['service_manager'],
			},
		],
	},
];

/**
 * ESC-5, REQ-2, REQ-3, REQ-6, CMP-4, DLR-2, WTY-11, WTY-12: the policies installed on first run. Admins edit the
 * copies in `sla_policies`; these are parsed here so a default can never be invalid.
 */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = inputs.map((input) => parseSlaPolicy(input));
