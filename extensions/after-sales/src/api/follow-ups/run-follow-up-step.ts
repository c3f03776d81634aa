// FUP-1..6, REQ-7: the follow-up part of every sweep.
// - Follow-ups past their window become missed, and the service managers are told in one notice
//   per sweep (inbox, e-mail, robots: like a breached milestone, never one notice per row).
// - FUP-5: once a day per instance, every active key account gets its next spring and autumn visit
//   (each (customer, year, season) once by key, so several instances plan it once).
// - REQ-7, FUP-6: messages owed to customers go out (deliver-customer-notices.ts).
// Each part is logged and retried next sweep on failure; none stops the others.
import { line, noticeInEachLanguage } from '../../domain/notifications';
import type { Knex } from 'knex';
import { decideKeyAccountVisits, FOLLOW_UP_KIND_LABELS, type FollowUpRecordKind } from '../../domain/follow-ups';
import { computeBusinessDate } from '../../domain/follow-ups';
import type { PackContext } from '../lib/context';
import { toBool } from '../lib/db-values';
import { activeUsersOf, noticeRows } from '../notices/notice-row';
import { insertManyOnce } from '../lib/insert-once';
import { deliverCustomerNotices } from './deliver-customer-notices';
import { loadFollowUpSettings, type FollowUpSettings } from './load-follow-up-settings';
import { markMissedFollowUps } from './mark-missed-follow-ups';
import { writeFollowUps } from './write-follow-ups';

export type FollowUpStepReport = { missed: number; visits_planned: number; customer_sent: number; customer_failed: number };

let visitsPlannedOn: string | null = null;

/** `since`: the wall-clock time (`Date.now()`) at which the sweep took `now` (its delivery lease counts from then). */
export async function runFollowUpStep(ctx: PackContext, knex: Knex, now: Date, since = Date.now()): Promise<FollowUpStepReport> {
	const report: FollowUpStepReport = { missed: 0, visits_planned: 0, customer_sent: 0, customer_failed: 0 };
	const settings = await loadFollowUpSettings(ctx, knex);
	await step(ctx, 'FUP-1..5: marking missed follow-ups', async () => {
		const missed = await markMissedFollowUps(knex, settings.rules, now);
		report.missed = missed.length;
		if (missed.length) await notifyMissed(knex, missed, settings, now);
	});
	const today = computeBusinessDate(now, settings.calendar.timezone);
	if (visitsPlannedOn !== today) {
		await step(ctx, 'FUP-5: planning key-account visits', async () => {
			report.visits_planned = await planKeyAccountVisits(knex, null, settings, now);
			visitsPlannedOn = today;
		});
	}
	await step(ctx, 'REQ-7/FUP-6: messages to customers', async () => {
		const sent = await deliverCustomerNotices(ctx, knex, settings.channels, settings.calendar.timezone, now, since);
		report.customer_sent = sent.sent;
		report.customer_failed = sent.failed;
	});
	return report;
}

/** FUP-5: the next visits of the given key accounts (all active ones when null). */
export async function planKeyAccountVisits(knex: Knex, customers: readonly number[] | null, settings: FollowUpSettings, now: Date): Promise<number> {
	const query = knex('customers').where((q) => q.whereNot('status', 'archived').orWhereNull('status')).select('id', 'key_account');
	if (customers) query.whereIn('id', customers);
	const rows: { id: number; key_account: unknown }[] = await query;
	const keyAccounts = rows.filter((r) => toBool(r.key_account)).map((r) => Number(r.id));
	let written = 0;
	for (let i = 0; i < keyAccounts.length; i += 200) {
		written += await writeFollowUps(knex, decideKeyAccountVisits(keyAccounts.slice(i, i + 200), settings.rules, settings.calendar.timezone, now), settings, now);
	}
	return written;
}

async function notifyMissed(knex: Knex, ids: number[], settings: FollowUpSettings, now: Date): Promise<void> {
	const rows: { id: number; kind: string; name: string | null }[] = await knex('follow_ups as f').leftJoin('customers as c', 'c.id', 'f.customer').whereIn('f.id', ids.slice(0, 10)).orderBy('f.id').select('f.id', 'f.kind', 'c.name');
	const managers = await activeUsersOf(knex, 'service_manager');
	const text = noticeInEachLanguage((language) => ({
		subject: line(language, 'notice.missed_subject', { count: ids.length }),
		message: [
			...rows.map((r) => `#${r.id} ${FOLLOW_UP_KIND_LABELS[r.kind as FollowUpRecordKind]?.[language === 'zh-CN' ? 'zh' : 'en'] ?? r.kind} · ${r.name ?? ''}`),
			...(ids.length > rows.length ? [line(language, 'notice.and_more', { count: ids.length - rows.length })] : []),
		].join('\n'),
	}));
	await insertManyOnce(knex, 'directus_notifications', await noticeRows(knex, managers.map((person) => ({
		key: `follow_ups:missed:${ids[0]}:${ids.length}:${person}`, recipient: person, kind: 'breach' as const, collection: 'follow_ups', item: ids[0]!, text,
	})), settings.channels, now), 'notice_key');
}

async function step(ctx: PackContext, what: string, fn: () => Promise<void>): Promise<void> {
	try {
		await fn();
	} catch (error) {
		ctx.logger.error(`[after-sales] ${what} failed, retried next sweep: ${(error as Error).message}`);
	}
}
