// CMP-7: when a complaint is registered, it is counted with the others of its kind in the
// window (`complaint_repeat_window_days`, `complaint_repeat_threshold`); a repeated one is marked
// (`repeat_count`, `repeated`) and the service managers are told, once per complaint, to analyse it
// and record the preventive action, without which it cannot be closed (complaint-workflow.ts).
import type { Knex } from 'knex';
import type { Language } from '../../domain/messages';
import { line, noticeInEachLanguage } from '../../domain/notifications';
import { decideRepeatedComplaint, type ComplaintForRepeats } from '../../domain/complaints';
import type { PackContext } from '../lib/context';
import { toInstant, toStoredInstant } from '../lib/db-values';
import { activeUsersOf, noticeRows } from '../notices/notice-row';
import { insertManyOnce } from '../lib/insert-once';
import { channelsOf, loadSettings } from '../services/settings';

const CATEGORY: Record<Language, Record<string, string>> = {
	'zh-CN': { quality: '产品质量', attitude: '服务态度', delivery: '交付/物流', billing: '收费', other: '其他' },
	'en-US': { quality: 'Product quality', attitude: 'Service attitude', delivery: 'Delivery / logistics', billing: 'Billing', other: 'Other' },
};

export async function markRepeatedComplaint(ctx: PackContext, knex: Knex, id: number, now: Date): Promise<boolean> {
	const row = await knex('complaints').where({ id }).first('id', 'received_at', 'category', 'product', 'subject_staff');
	if (!row) return false;
	// CMP-6, CMP-7: attitude complaints are of a kind by the staff member, the others by the product;
	// a complaint naming neither is of no kind (nothing to count, the settings are not read).
	const about = row.category === 'attitude' ? 'subject_staff' : 'product';
	if (row[about] === null || row[about] === undefined) return false;
	const settings = await loadSettings(knex);
	const windowDays = positive(settings.raw['complaint_repeat_window_days'], 90);
	const threshold = positive(settings.raw['complaint_repeat_threshold'], 3);
	const received = toInstant(row.received_at, knex) ?? now;
	const complaint: ComplaintForRepeats = { id: row.id, received_at: received, category: row.category, product: row.product, subject_staff: row.subject_staff };
	const q = knex('complaints').where({ category: row.category }).whereNot({ id }).andWhere('received_at', '>=', toStoredInstant(new Date(received.getTime() - windowDays * 86_400_000), knex)!);
	q.where(about, row[about]);
	const others = ((await q.select('id', 'received_at', 'category', 'product', 'subject_staff')) as Record<string, unknown>[])
		.map((o) => ({ id: o['id'] as number, received_at: toInstant(o['received_at'], knex) ?? new Date(NaN), category: String(o['category']), product: o['product'] as number | null, subject_staff: o['subject_staff'] as string | null }));
	const decision = decideRepeatedComplaint(complaint, others, { window_days: windowDays, threshold });
	await knex('complaints').where({ id }).update({ repeat_count: decision.count, repeated: decision.repeated });
	if (!decision.repeated) return false;
	const managers = await activeUsersOf(knex, 'service_manager');
	const channels = channelsOf(settings.raw, ctx);
	const category = (language: Language) => CATEGORY[language][row.category] ?? row.category;
	const text = noticeInEachLanguage((language) => ({
		subject: line(language, 'notice.repeated_complaint_subject', { id, days: windowDays, count: decision.count }),
		message: line(language, row.category === 'attitude' ? 'notice.repeated_complaint_staff' : 'notice.repeated_complaint_product', { category: category(language) }),
	}));
	await insertManyOnce(knex, 'directus_notifications', await noticeRows(knex, managers.map((person) => ({
		key: `complaints:${id}:repeated:${person}`, recipient: person, kind: 'breach' as const, collection: 'complaints', item: id, text,
	})), channels, now), 'notice_key');
	return true;
}

const positive = (value: unknown, fallback: number) => {
	const n = Number(value);
	return value !== null && value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
};
