import { formatLocalInstant } from '../calendar/format-local-instant';
import type { MessageKey } from '../messages';
import { line, noticeInEachLanguage, type LocalNoticeText } from './local-notice';
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

export type JobNotice = LocalNoticeText;

const TITLES: Record<JobNoticeKind, MessageKey> = { assignment: 'notice.job_assignment', reassignment: 'notice.job_reassignment', dealer_task: 'notice.job_dealer_task' };


/**
 * NTF-1: the notice a technician or a dealer gets when a job is assigned, reassigned or
 * dispatched to them: the job number and problem, the customer with phone and address, the unit,
 * and the next deadline in the calendar's time zone (CAL-3).
 */
export function computeJobNotice(kind: JobNoticeKind, job: JobFacts, timeZone: string): JobNotice {
	const facts: [MessageKey, string | null][] = [
		['notice.job_customer', job.customer_name], ['notice.job_phone', job.customer_phone], ['notice.job_address', job.customer_address],
		['notice.job_unit', job.serial_no], ['notice.job_due', job.due_at ? formatLocalInstant(job.due_at, timeZone) : null],
	];
	return noticeInEachLanguage((language) => ({
		subject: line(language, TITLES[kind], { id: job.id }),
		message: [`#${job.id} ${job.problem}`.slice(0, 500), ...facts.filter(([, value]) => value).map(([key, value]) => line(language, key, { value: value! }))].join('\n'),
	}));
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
