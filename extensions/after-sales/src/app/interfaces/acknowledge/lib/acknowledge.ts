// ESC-4 in the Studio: what the acknowledge button on an escalation shows, and the request it makes
// (the pack's own endpoint, which decides who may acknowledge; this only spares a doomed click).
import type { Locale } from '../../../panels/lib/i18n';

export type AcknowledgeView = 'unsaved' | 'acknowledged' | 'available' | 'not-notified';

export type AcknowledgeFacts = {
	primaryKey: string | number | null | undefined;
	acknowledgedAt: unknown;
	notifiedUsers: unknown;
	me: string | null | undefined;
	admin: boolean;
};

/** The request the button sends: POST /after-sales/escalations/:id/acknowledge. */
export function computeAcknowledgeRequest(id: string | number): { method: 'POST'; path: string } {
	return { method: 'POST', path: `/after-sales/escalations/${encodeURIComponent(String(id))}/acknowledge` };
}

/**
 * DLR-2: a dealer task escalated to leadership (a clerk-check breach) is acknowledged naming the
 * person responsible; the form asks for it when the escalation names nobody yet.
 */
export function needsResponsible(values: { collection?: unknown; milestone?: unknown; kind?: unknown; responsible?: unknown }): boolean {
	const named = typeof values.responsible === 'string' && values.responsible.trim() !== '';
	return values.collection === 'service_requests' && values.milestone === 'clerk_check' && values.kind === 'breach' && !named;
}

/** The body the button sends: the person responsible when one is asked for and given. */
export function computeAcknowledgeBody(responsible: string | null | undefined): Record<string, string> {
	const name = (responsible ?? '').trim();
	return name ? { responsible: name } : {};
}

/** ESC-4: only a notified user (or an administrator) may acknowledge, and only once. */
export function decideAcknowledgeView(facts: AcknowledgeFacts): AcknowledgeView {
	if (facts.primaryKey === null || facts.primaryKey === undefined || facts.primaryKey === '+') return 'unsaved';
	if (facts.acknowledgedAt !== null && facts.acknowledgedAt !== undefined && facts.acknowledgedAt !== '') return 'acknowledged';
	if (facts.admin) return 'available';
	return facts.me && readIdList(facts.notifiedUsers).includes(facts.me) ? 'available' : 'not-notified';
}

/** The message of a failed request, as Directus words its errors. */
export function readErrorMessage(error: unknown): string {
	const e = error as { response?: { data?: { errors?: Array<{ message?: unknown }> } }; message?: unknown } | null;
	const message = e?.response?.data?.errors?.[0]?.message ?? e?.message;
	return typeof message === 'string' && message.length > 0 ? message : String(error);
}

export const ACK_MESSAGES = {
	zh: { button: '确认已知悉', acknowledged: '已确认', notNotified: '仅收到此升级通知的人员可确认', unsaved: '升级记录由系统生成', failed: '确认失败', responsible: '责任人（DLR-2：经销商任务升级至公司领导，确认前须填写）' },
	en: { button: 'Acknowledge', acknowledged: 'Acknowledged', notNotified: 'Only users notified of this escalation can acknowledge it', unsaved: 'Escalations are written by the system', failed: 'Could not acknowledge', responsible: 'Person responsible (DLR-2: a dealer task escalated to leadership names one before it is acknowledged)' },
} satisfies Record<Locale, Record<string, string>>;

function readIdList(value: unknown): string[] {
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			return [];
		}
	}
	return Array.isArray(list) ? list.map(String) : [];
}
