import { computeDateKey, computeLocalParts } from '../calendar';
import type { EscalationNotice } from './types';

const COLLECTION_LABELS: Record<string, string> = {
	complaints: '投诉 complaint',
	service_requests: '报修 service request',
	repair_records: '维修 repair',
	warranty_claims: '三包索赔 warranty claim',
};

export interface DigestTextOptions {
	/** Deadlines are shown in the business calendar's zone (CAL-3). */
	timeZone: string;
	markdown: boolean;
}

/**
 * ESC-2: a digest as a title and one line per escalation, bilingual because the readers are
 * Chinese staff and the integrators may not be. Breaches are listed before warnings.
 */
export function computeDigestLines(
	escalations: readonly EscalationNotice[],
	options: DigestTextOptions,
): { title: string; lines: string[] } {
	const breaches = escalations.filter((escalation) => escalation.kind === 'breach');
	const warnings = escalations.filter((escalation) => escalation.kind === 'warning');
	const title = `售后时限提醒：${breaches.length} 项超时，${warnings.length} 项预警 / After-sales deadlines: ${breaches.length} breached, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;

	const formatDue = (due: Date | null) => {
		if (due === null) return '';
		const local = computeLocalParts(due, options.timeZone);
		const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
		return ` · 截止 due ${computeDateKey(local)} ${time}`;
	};

	const lines = [...breaches, ...warnings].map((escalation) => {
		const tag = escalation.kind === 'breach' ? `【超时 Breach → L${escalation.level}】` : `【预警 Warning L${escalation.level}】`;
		const what = `${COLLECTION_LABELS[escalation.collection] ?? escalation.collection} #${escalation.item_id}`;
		const record = escalation.url && options.markdown ? `[${what}](${escalation.url})` : what;
		const label = escalation.milestone_label_en ? `${escalation.milestone_label} / ${escalation.milestone_label_en}` : escalation.milestone_label;
		const about = escalation.record_label ? ` ${escalation.record_label}` : '';
		const link = escalation.url && !options.markdown ? ` ${escalation.url}` : '';

		return `${options.markdown ? '- ' : ''}${tag}${record}${about} · ${label}${formatDue(escalation.due_at)}${link}`;
	});

	return { title, lines };
}
