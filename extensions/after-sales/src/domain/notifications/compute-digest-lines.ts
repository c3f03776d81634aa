import { computeDateKey, computeLocalParts } from '../calendar';
import type { EscalationNotice } from './types';

/** A reader's language, or both for a group robot read by staff and integrators alike. */
export type DigestLanguage = 'zh-CN' | 'en-US' | 'both';

const COLLECTION_LABELS: Record<string, { zh: string; en: string }> = {
	complaints: { zh: '投诉', en: 'complaint' },
	service_requests: { zh: '报修', en: 'service request' },
	repair_records: { zh: '维修', en: 'repair' },
	warranty_claims: { zh: '三包索赔', en: 'warranty claim' },
};

export interface DigestTextOptions {
	/** Deadlines are shown in the business calendar's zone (CAL-3). */
	timeZone: string;
	markdown: boolean;
	/** NTF-1: a person's notice is in their Directus language; a robot's in both (the default). */
	language?: DigestLanguage;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * ESC-2: a digest as a title and one line per escalation, in the reader's language (a group
 * robot's in both, because its readers are Chinese staff and the integrators may not be).
 * Breaches are listed before warnings.
 */
export function computeDigestLines(
	escalations: readonly EscalationNotice[],
	options: DigestTextOptions,
): { title: string; lines: string[] } {
	const breaches = escalations.filter((escalation) => escalation.kind === 'breach');
	const warnings = escalations.filter((escalation) => escalation.kind === 'warning');
	const language = options.language ?? 'both';
	const zh = language !== 'en-US';
	const en = language !== 'zh-CN';
	const zhTitle = `售后时限提醒：${breaches.length} 项超时，${warnings.length} 项预警`;
	const enTitle = `After-sales deadlines: ${breaches.length} breached, ${plural(warnings.length, 'warning')}`;
	const title = zh && en ? `${zhTitle} / ${enTitle}` : zh ? zhTitle : enTitle;

	const formatDue = (due: Date | null) => {
		if (due === null) return '';
		const local = computeLocalParts(due, options.timeZone);
		const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
		return ` · ${zh && en ? '截止 due' : zh ? '截止' : 'due'} ${computeDateKey(local)} ${time}`;
	};

	const lines = [...breaches, ...warnings].map((escalation) => {
		const level = `L${escalation.level}`;
		const tag = escalation.kind === 'breach'
			? (zh && en ? `【超时 Breach → ${level}】` : zh ? `【超时 → ${level}】` : `[Breach → ${level}] `)
			: (zh && en ? `【预警 Warning ${level}】` : zh ? `【预警 ${level}】` : `[Warning ${level}] `);
		const names = COLLECTION_LABELS[escalation.collection];
		const collection = names ? (zh && en ? `${names.zh} ${names.en}` : zh ? names.zh : names.en) : escalation.collection;
		const what = `${collection} #${escalation.item_id}`;
		const record = escalation.url && options.markdown ? `[${what}](${escalation.url})` : what;
		const english = escalation.milestone_label_en ?? escalation.milestone_label;
		const label = zh && en ? (escalation.milestone_label_en ? `${escalation.milestone_label} / ${escalation.milestone_label_en}` : escalation.milestone_label) : zh ? escalation.milestone_label : english;
		const about = escalation.record_label ? ` ${escalation.record_label}` : '';
		const link = escalation.url && !options.markdown ? ` ${escalation.url}` : '';

		return `${options.markdown ? '- ' : ''}${tag}${record}${about} · ${label}${formatDue(escalation.due_at)}${link}`;
	});

	return { title, lines };
}
