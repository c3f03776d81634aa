// NTF-1..3: the one shape of a job notice: a Directus notification (the person's inbox in the portal
// and the Studio bell) under a unique `notice_key`, carrying the record it is about and its e-mail
// and robot deliveries (computeNoticeDeliveries), due at once.
import type { Knex } from 'knex';
import type { Language } from '../../domain/messages';
import { computeNoticeDeliveries, type LocalNoticeText, type NoticeKind, type NotificationChannels } from '../../domain/notifications';
import { ROLE_BY_KEY, type RoleKey } from '../install/roles';
import { fromInstant } from '../lib/db-values';
import { languagesOf } from '../lib/error-language';

export interface NoticeInput {
	key: string;
	recipient: string;
	kind: NoticeKind;
	collection: string | null;
	item: string | number | null;
	/** The text in each language; the row keeps the recipient's. */
	text: LocalNoticeText;
}

/** The rows of `notices`, each in its recipient's Directus language (one read for them all). */
export async function noticeRows(knex: Knex, notices: readonly NoticeInput[], channels: NotificationChannels, now: Date): Promise<Record<string, unknown>[]> {
	const languageOf = await languagesOf(knex, notices.map((n) => n.recipient));
	return notices.map((notice) => noticeRow(knex, notice, channels, now, languageOf(notice.recipient)));
}

export function noticeRow(knex: Knex, notice: NoticeInput, channels: NotificationChannels, now: Date, language: Language): Record<string, unknown> {
	const { subject, message } = notice.text[language];
	const deliveries = computeNoticeDeliveries(notice.key, notice.kind, notice.recipient, channels, now);
	return {
		notice_key: notice.key, recipient: notice.recipient, sender: null, status: 'inbox', timestamp: fromInstant(now, knex),
		collection: notice.collection, item: notice.item === null ? null : String(notice.item), subject: subject.slice(0, 255), message,
		deliveries: JSON.stringify(deliveries), next_delivery_at: deliveries.length ? fromInstant(now, knex) : null,
	};
}

/** The active users of the pack's roles (their ids), e.g. every service manager to tell. */
export async function activeUsersOf(knex: Knex, ...roles: RoleKey[]): Promise<string[]> {
	const rows: { id: string }[] = await knex('directus_users').whereIn('role', roles.map((r) => ROLE_BY_KEY.get(r)!.id)).andWhere({ status: 'active' }).orderBy('id').select('id');
	return rows.map((r) => String(r.id));
}
