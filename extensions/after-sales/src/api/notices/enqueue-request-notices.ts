// NTF-1, NTF-3: the notices a service request's history asks for. Each history step that
// assigns, reassigns or dispatches carries whom it tells (`notify`); every (step, person) becomes
// one Directus notification (the person's inbox: the portal and the Studio bell) under a unique
// `notice_key`, so the same step never notifies twice, whether the action runs again or another
// instance sees the same write. The same row holds its e-mail and robot deliveries (NTF-2).
import type { Knex } from 'knex';
import { computeJobNotice, computeNoticeKey, type JobFacts, type JobNoticeKind, type NotificationChannels } from '../../domain/notifications';
import type { HistoryEntry } from '../../domain/service-requests';
import { toInstant, toJsonArray } from '../lib/db-values';
import { insertManyOnce } from '../lib/insert-once';
import { noticeRows, type NoticeInput } from './notice-row';

/** Steps older than this are history, not news: enabling notices never floods anyone with old work. */
const FRESH_MS = 24 * 3_600_000;

/** What the notices are written with; asked for only when a step wants a notice (most writes want none). */
export type NoticeSettings = () => Promise<{ channels: NotificationChannels; timeZone: string }>;

/** Queues the notices of request `id`; `dealer` is the request's dealer as read (null: none, or no such request). */
export async function enqueueRequestNotices(knex: Knex, id: number, settings: NoticeSettings, now: Date): Promise<{ queued: number; dealer: number | null }> {
	const row = await knex('service_requests as s').leftJoin('customers as c', 'c.id', 's.customer').leftJoin('units as u', 'u.id', 's.unit')
		.where('s.id', id)
		.first('s.id', 's.type', 's.problem', 's.history', 's.promised_at', 's.scheduled_for', 's.dealer', 'c.name as customer_name', 'c.phone as customer_phone', 'c.address as customer_address', 'u.serial_no');
	if (!row) return { queued: 0, dealer: null };
	const dealer = row.dealer === null || row.dealer === undefined ? null : Number(row.dealer);
	const history = toJsonArray(row.history) as HistoryEntry[];
	const wanted = history.map((entry, step) => ({ entry, step })).filter(({ entry }) => Array.isArray(entry?.notify) && now.getTime() - Date.parse(entry.at) < FRESH_MS);
	if (!wanted.length) return { queued: 0, dealer };
	const { channels, timeZone } = await settings();
	const job: JobFacts = {
		id: Number(row.id), type: String(row.type), problem: String(row.problem ?? ''), customer_name: row.customer_name ?? null, customer_phone: row.customer_phone ?? null,
		customer_address: row.customer_address ?? null, serial_no: row.serial_no ?? null, due_at: await nextDeadline(knex, id, row),
	};
	const notices: NoticeInput[] = [];
	for (const { entry, step } of wanted) {
		for (const notice of entry.notify!) {
			const people = notice.kind === 'dealer_task' ? await dealerUsers(knex, notice.dealer) : [notice.user];
			for (const person of people) {
				// The row itself is the in-app notice; its deliveries are the other channels.
				notices.push({
					key: computeNoticeKey('service_requests', id, step, person), recipient: person, kind: notice.kind as JobNoticeKind, collection: 'service_requests', item: id,
					text: computeJobNotice(notice.kind as JobNoticeKind, job, timeZone),
				});
			}
		}
	}
	return { queued: await insertManyOnce(knex, 'directus_notifications', await noticeRows(knex, notices, channels, now), 'notice_key'), dealer };
}

/** The job's next deadline: the earlier of its first open SLA milestone and the promised arrival, else the planned visit. */
async function nextDeadline(knex: Knex, id: number, row: Record<string, unknown>): Promise<Date | null> {
	const timer = await knex('sla_timers').where({ collection: 'service_requests', item: String(id) }).whereIn('state', ['running', 'warned']).whereNotNull('due_at').orderBy('due_at').first('due_at');
	const candidates = [toInstant(timer?.due_at, knex), toInstant(row['promised_at'], knex)].filter((d): d is Date => d !== null);
	if (candidates.length) return new Date(Math.min(...candidates.map((d) => d.getTime())));
	return toInstant(row['scheduled_for'], knex);
}

async function dealerUsers(knex: Knex, dealer: number): Promise<string[]> {
	const users: { id: string }[] = await knex('directus_users').where({ dealer, status: 'active' }).select('id');
	return users.map((u) => String(u.id));
}
