// WTY-6: old parts of dealers' warranty repairs go back in one batch per dealer and deadline;
// dealers are reminded 14 and 3 days before (in-app notifications), each reminder once.
import type { Knex } from 'knex';
import { catalogNotice } from '../../domain/notifications';
import { languagesOf } from '../lib/error-language';
import { computeDueReminders, computeNextReturnDeadline, computeReturnBatchKey, PartsReturnSettingsSchema, type PartsReturnSettings } from '../../domain/parts-returns';
import { computeLocalDate } from '../../domain/warranty';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';
import { toDay, toInstant, toJsonArray } from '../lib/db-values';
import { insertOnce } from '../lib/insert-once';
import { hasRole, resolveCaller } from '../lib/caller';
import { ruleViolation, toDirectusError } from '../lib/errors';
import { loadSettings } from '../services/settings';
import type { Register } from './register';
import { filterReturnCreate, filterReturnUpdate, STOCK_FIELDS } from './stock-returns';
import { msg, state } from '../../domain/messages';

/** WTY-6 batches (DLR-5 stock returns have no deadline reminders and no old parts). */
export const oldParts = (q: Knex.QueryBuilder) => q.where('kind', 'old_parts').orWhereNull('kind');

export async function loadReturnSettings(knex: Knex): Promise<{ returns: PartsReturnSettings; timezone: string }> {
	const settings = await loadSettings(knex);
	const raw = settings.raw as Record<string, unknown>;
	const parsed = PartsReturnSettingsSchema.safeParse({
		deadlines: raw['parts_return_deadlines'] ? toJsonArray(raw['parts_return_deadlines']) : undefined,
		reminder_days: raw['parts_return_reminder_days'] ? toJsonArray(raw['parts_return_reminder_days']).map(Number) : undefined,
	});
	return { returns: parsed.success ? parsed.data : PartsReturnSettingsSchema.parse({}), timezone: settings.calendar.timezone };
}

/** WTY-6: the batch of a dealer and deadline, created once (batch_key is unique). */
export async function findOrCreateBatch(knex: Knex, dealer: number, deadline: string): Promise<number> {
	const batch_key = computeReturnBatchKey(dealer, deadline);
	const existing = await knex('parts_returns').where({ batch_key }).first('id');
	if (existing) return existing.id;
	await insertOnce(knex, 'parts_returns', { dealer, deadline, batch_key, status: 'open', reminders_sent: JSON.stringify([]) }, 'batch_key');
	return (await knex('parts_returns').where({ batch_key }).first('id')).id;
}

/** WTY-6: the pending old parts of a dealer's warranty repair join the batch of their deadline. */
export async function attachPartsToBatch(knex: Knex, repairId: number) {
	const repair = await knex('repair_records').where({ id: repairId }).first('id', 'dealer', 'coverage', 'completed_at', 'received_at');
	if (!repair || repair.dealer === null || repair.coverage !== 'warranty') return;
	const parts = await knex('repair_parts').where({ repair_record: repairId }).whereNull('parts_return').select('id');
	if (!parts.length) return;
	const { returns, timezone } = await loadReturnSettings(knex);
	const day = computeLocalDate(toInstant(repair.completed_at) ?? toInstant(repair.received_at) ?? new Date(), timezone);
	const batch = await findOrCreateBatch(knex, repair.dealer, computeNextReturnDeadline(day, returns));
	await knex('repair_parts').whereIn('id', parts.map((p: { id: number }) => p.id)).update({ parts_return: batch });
}

/** WTY-6: reminders due today; each batch records the offsets it was reminded at. */
export async function sendReturnReminders(ctx: PackContext, now: Date) {
	const knex = ctx.database;
	const { returns, timezone } = await loadReturnSettings(knex);
	const today = computeLocalDate(now, timezone);
	const open = await knex('parts_returns').whereIn('status', ['open']).where(oldParts).select('id', 'dealer', 'deadline', 'shipped_on', 'received_on', 'reminders_sent');
	const due = computeDueReminders(
		open.map((b: Record<string, unknown>) => ({
			id: b['id'] as number, dealer: b['dealer'] as number, deadline: toDay(b['deadline'])!, shipped_on: toDay(b['shipped_on']), received_on: toDay(b['received_on']),
			reminders_sent: toJsonArray(b['reminders_sent']).map(Number),
		})),
		today,
		returns,
	);
	let sent = 0;
	for (const reminder of due) {
		// Mark first: a crash after this line loses one reminder rather than sending it twice.
		const batch = await knex('parts_returns').where({ id: reminder.batch }).first('reminders_sent');
		const marks = [...new Set([...toJsonArray(batch?.reminders_sent).map(Number), ...reminder.marks])];
		const changed = await knex('parts_returns').where({ id: reminder.batch }).update({ reminders_sent: JSON.stringify(marks) });
		if (!changed) continue;
		const users: { id: string }[] = await knex('directus_users').where({ dealer: reminder.dealer, status: 'active' }).select('id');
		const schema = await ctx.getSchema();
		const notifications = new ctx.services['NotificationsService']!({ schema, accountability: SYSTEM_ACCOUNTABILITY, knex });
		const languageOf = await languagesOf(knex, users.map((u) => String(u.id)));
		const text = catalogNotice('notice.parts_return_subject', 'notice.parts_return_message', { deadline: reminder.deadline, days: reminder.days_left });
		for (const user of users) {
			await notifications.createOne({
				recipient: user.id,
				...text[languageOf(String(user.id))],
				collection: 'parts_returns',
				item: String(reminder.batch),
			});
			sent++;
		}
	}
	return { reminders: due.length, notifications: sent };
}

/**
 * WTY-5/6: parts of a batch neither shipped nor received by its deadline are missing, which makes
 * their claim lines rejectable (parts_not_returned) when finance approves.
 */
export async function markMissingAfterDeadline(knex: Knex, now: Date) {
	const { timezone } = await loadReturnSettings(knex);
	const today = computeLocalDate(now, timezone);
	const overdue = (await knex('parts_returns').where({ status: 'open' }).where(oldParts).select('id', 'deadline')).filter((b: Record<string, unknown>) => toDay(b['deadline'])! < today);
	if (!overdue.length) return 0;
	return knex('repair_parts').whereIn('parts_return', overdue.map((b: { id: number }) => b.id)).where({ old_part_status: 'pending' }).update({ old_part_status: 'missing' });
}

const FLOW: Record<string, string[]> = { open: ['shipped'], shipped: ['received'], received: ['inspected'], inspected: ['closed'] };

type HookContext = { database: Knex; accountability: { user: string | null; admin: boolean; role: string | null; roles?: string[]; app: boolean } | null };

/** WTY-6: the daily job — parts missing after their deadline, then the reminders before it. */
export async function runPartsReturnJob(ctx: PackContext, now: Date) {
	await markMissingAfterDeadline(ctx.database, now);
	await sendReturnReminders(ctx, now);
}

export function registerPartsReturnHooks(register: Register, _ctx: PackContext) {
	// WTY-6: the daily reminders run at the `job_schedules` time (api/schedules: runPartsReturnJob).
	// WTY-6 in the Studio: open → shipped → received (parts count as returned) → inspected (every part
	// classified) → closed, one step at a time; the technical department receives and inspects.
	// INT-3: the batch key is the pack's (dealer:deadline), so a batch made by hand is found like any other.
	register.filter('parts_returns.items.create', async (payload: Record<string, unknown>, _meta: unknown, hook: HookContext) => {
		// DLR-5: a stock return is computed by its own rules; an old-part batch carries no stock fields.
		let stock: Record<string, unknown> | null;
		try {
			stock = await filterReturnCreate(payload, hook as never);
		} catch (error) {
			throw toDirectusError(error);
		}
		if (stock) return stock;
		const dealer = typeof payload['dealer'] === 'object' && payload['dealer'] !== null ? (payload['dealer'] as { id?: unknown }).id : payload['dealer'];
		if (dealer === undefined || dealer === null || typeof payload['deadline'] !== 'string') return payload;
		return { ...payload, batch_key: computeReturnBatchKey(dealer as number, payload['deadline']), reminders_sent: payload['reminders_sent'] ?? [] };
	});
	register.filter('parts_returns.items.update', async (payload: Record<string, unknown>, meta: { keys: (string | number)[] }, hook: HookContext) => {
		try {
			const cleaned = { ...payload };
			delete cleaned['batch_key'];
			delete cleaned['reminders_sent'];
			const touchesStock = ['kind', ...STOCK_FIELDS].some((f) => f in cleaned);
			if (!('status' in cleaned) && !touchesStock) return cleaned;
			if (meta.keys.length !== 1) throw ruleViolation(touchesStock ? 'DLR-5' : 'WTY-6', 'status' in cleaned ? 'status' : 'kind', msg('parts_return.one_at_a_time'), { collection: 'parts_returns' });
			const batch = await hook.database('parts_returns').where({ id: meta.keys[0] }).first('id', 'status', 'dealer', 'kind', 'return_reason', 'stock_lines', 'stock_value', 'freight_amount', 'restoration_amount');
			// DLR-5: a stock return follows its own workflow; an old-part batch is refused stock fields.
			if (batch && (batch.kind === 'stock' || touchesStock)) {
				const out = await filterReturnUpdate(cleaned, batch, hook as never);
				if (batch.kind === 'stock' || !('status' in cleaned)) return out;
			}
			const to = String(cleaned['status']);
			if (!batch || batch.status === to) return cleaned;
			if (!(Object.hasOwn(FLOW, batch.status) ? FLOW[batch.status]! : []).includes(to)) throw ruleViolation('WTY-6', 'status', msg('parts_return.transition', { from: state('parts_returns', 'status', batch.status), to: state('parts_returns', 'status', to) }), { collection: 'parts_returns' });
			if (hook.accountability && !hook.accountability.admin && to !== 'shipped') {
				const caller = await resolveCaller(hook.database, hook.accountability as never);
				if (!hasRole(caller, 'technical_dept', 'service_manager')) throw ruleViolation('WTY-6', 'status', msg('parts_return.inspector'), { collection: 'parts_returns' });
			}
			const now = new Date();
			if (to === 'received') {
				await hook.database('repair_parts').where({ parts_return: batch.id, old_part_status: 'pending' }).update({ old_part_status: 'returned' });
				// CAL-3: the business day in the calendar's time zone (before 08:00 in Shanghai is still today there).
				cleaned['received_on'] = cleaned['received_on'] ?? computeLocalDate(now, (await loadSettings(hook.database)).calendar.timezone);
			}
			if (to === 'inspected') {
				const open = await hook.database('repair_parts').where({ parts_return: batch.id }).whereIn('old_part_status', ['pending', 'returned']).select('id');
				if (open.length) throw ruleViolation('WTY-6', 'status', msg('parts_return.unclassified', { ids: open.map((p: { id: number }) => p.id).join(', ') }), { collection: 'parts_returns' });
				cleaned['inspected_at'] = now.toISOString();
				cleaned['inspected_by'] = hook.accountability?.user ?? null;
			}
			return cleaned;
		} catch (error) {
			throw toDirectusError(error);
		}
	});
}
