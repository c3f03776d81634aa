import { formatLocalInstant } from '../calendar';
import type { FollowUpRecordKind } from './schemas';

export interface CustomerMessageFacts {
	kind: FollowUpRecordKind;
	customer_name: string | null;
	serial_no: string | null;
	repair_record: number | null;
	/** REQ-7: the promised completion, or when the repair was finished. */
	ready_at: Date | null;
	completed: boolean;
	survey_url: string | null;
	time_zone: string;
	/** DLR-2: the visit the dealer scheduled, and who comes. */
	visit_at?: Date | null;
	dealer_name?: string | null;
}

/**
 * REQ-7, FUP-6, DLR-2: the text a customer receives by SMS or e-mail (Chinese; customers have no account
 * and no language setting). Null for a follow-up that sends the customer nothing.
 */
export function computeCustomerMessage(facts: CustomerMessageFacts): { subject: string; text: string } | null {
	const who = facts.customer_name ? `${facts.customer_name}，您好：` : '您好：';
	const unit = facts.serial_no ? `出厂编号 ${facts.serial_no} 的机器` : '您的机器';
	const order = facts.repair_record !== null ? `（维修单 #${facts.repair_record}）` : '';
	if (facts.kind === 'collect_notice') {
		const when = facts.ready_at ? formatLocalInstant(facts.ready_at, facts.time_zone).slice(0, 16) : null;
		const body = facts.completed || !when ? `${unit}${order}已修好，请安排取车。` : `${unit}${order}预计于 ${when} 修好，请安排取车。`;
		return { subject: '取车通知', text: `【售后服务】${who}${body}` };
	}
	if (facts.kind === 'visit_notice') {
		if (!facts.visit_at) return null;
		const when = formatLocalInstant(facts.visit_at, facts.time_zone).slice(0, 16);
		const dealer = facts.dealer_name ? `当地经销商 ${facts.dealer_name} ` : '当地经销商';
		return { subject: '上门服务预约', text: `【售后服务】${who}${unit}的服务已由${dealer}安排于 ${when} 上门，如需改约请回复或致电。` };
	}
	if (facts.survey_url) {
		return { subject: '服务满意度调查', text: `【售后服务】${who}感谢您使用我们的服务${order}。请花一分钟为本次服务评分：${facts.survey_url}` };
	}
	return null;
}
