import { formatLocalInstant } from '../calendar/format-local-instant';
import type { Delivery } from './types';
import type { NoticeKind, NotificationChannels } from './schemas';

/** What the person told about a job needs to act on it without opening the Studio (NTF-1). */
export interface JobFacts {
	id: number;
	type: string;
	problem: string;
	customer_name: string | null;
	customer_phone: string | null;
	customer_address: string | null;
	serial_no: string | null;
	/** The next deadline: the promised arrival, or the planned visit. */
	due_at: Date | null;
}

export type JobNoticeKind = 'assignment' | 'reassignment' | 'dealer_task';

export interface JobNotice {
	subject: string;
	message: string;
}

const TITLES: Record<JobNoticeKind, string> = {
	assignment: '新派工单 / New job assigned to you',
	reassignment: '工单改派给您 / A job was reassigned to you',
	dealer_task: '新服务任务 / New service task for your dealership',
};


/**
 * NTF-1: the notice a technician or a dealer gets when a job is assigned, reassigned or
 * dispatched to them: the job number and problem, the customer with phone and address, the unit,
 * and the next deadline in the calendar's time zone (CAL-3).
 */
export function computeJobNotice(kind: JobNoticeKind, job: JobFacts, timeZone: string): JobNotice {
	const lines = [
		`#${job.id} ${job.problem}`.slice(0, 500),
		job.customer_name ? `客户 / Customer: ${job.customer_name}` : null,
		job.customer_phone ? `电话 / Phone: ${job.customer_phone}` : null,
		job.customer_address ? `地址 / Address: ${job.customer_address}` : null,
		job.serial_no ? `机号 / Unit: ${job.serial_no}` : null,
		job.due_at ? `时限 / Due: ${formatLocalInstant(job.due_at, timeZone)}` : null,
	].filter((l): l is string => l !== null);
	return { subject: `${TITLES[kind]} #${job.id}`, message: lines.join('\n') };
}

/** NTF-3: one notice is keyed by the record, the history step that caused it and the person: it exists once. */
export function computeNoticeKey(collection: string, item: number | string, step: number, recipient: string): string {
	return `${collection}:${item}:h${step}:${recipient}`;
}

/**
 * NTF-2: the deliveries one notice owes its person besides the in-app inbox (the notice is itself
 * a Directus notification, which the portal shows to people without a Studio seat): e-mail when
 * enabled, and every group robot that wants this kind, which @-mentions the person by mobile. All
 * due at once: a job is not a business-time milestone.
 */
export function computeNoticeDeliveries(key: string, kind: NoticeKind, recipient: string, channels: NotificationChannels, now: Date): Delivery[] {
	const pending = (channel: string): Delivery => ({ key: `${key}|${channel}`, channel, recipient, status: 'pending', attempts: 0, next_at: now.toISOString(), sent_at: null, error: null });
	const out: Delivery[] = [];
	if (channels.email) out.push(pending('email'));
	for (const webhook of channels.webhooks) if (!webhook.events || webhook.events.includes(kind)) out.push(pending(`webhook:${webhook.name}`));
	return out;
}
