// DLR-2: the sales clerk's check of a dealer task, on every path: the Studio / items API / GraphQL
// (the update filter stamps who and when, validates and appends the history) and
// `POST /after-sales/dealer-tasks/:id/clerk-check`. Recording the check meets the `clerk_check`
// milestone; "not in hand" goes to company leadership at once, under the same escalation key the
// sweep's breach would use (ESC-4: once), naming the person responsible. A person responsible
// recorded later is copied onto the task's open escalations.
import type { Knex } from 'knex';
import { computeDeliveries } from '../../domain/notifications';
import {
	computeClerkEscalation, computeResponsibleMessage, decideClerkCheck, DESK_ROLES,
	type ClerkCheckActor, type ClerkCheckFacts, type ClerkCheckPlan, type RequestStatus,
} from '../../domain/service-requests';
import { DomainRuleError } from '../../domain/errors';
import { msg } from '../../domain/messages';
import type { Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { fromInstant, toJsonArray } from '../lib/db-values';
import { insertOnce } from '../lib/insert-once';
import { activeUsersOf } from '../notices/notice-row';
import { channelsOf, loadSettings } from '../services/settings';

/** Stamped by the system only: what a client sends for them is dropped. */
export const CLERK_STAMPS = ['clerk_checked_at', 'clerk_checked_by'];

export function clerkActorOf(caller: Caller): ClerkCheckActor | null {
	if (!caller.user) return null;
	return { user: caller.user, clerk: caller.admin || DESK_ROLES.some((r) => (caller.roles as readonly string[]).includes(r)) };
}

export async function loadClerkCheckFacts(knex: Knex, id: number): Promise<ClerkCheckFacts | null> {
	const row = await knex('service_requests').where({ id }).first('id', 'status', 'dealer', 'responsible_person', 'history');
	if (!row) return null;
	return {
		id: Number(row.id), status: String(row.status) as RequestStatus, dealer: row.dealer === null || row.dealer === undefined ? null : Number(row.dealer),
		responsible_person: row.responsible_person ?? null, history: toJsonArray(row.history),
	};
}

/** DLR-2, the items path: a payload that records a clerk check gets its stamps and history entry. */
export async function filterClerkCheck(payload: Record<string, unknown>, keys: readonly (string | number)[], knex: Knex, caller: Caller, now: Date): Promise<Record<string, unknown>> {
	if (!('clerk_check_result' in payload)) return payload;
	if (keys.length !== 1) throw new DomainRuleError('DLR-2', 'clerk_check_result', msg('request.one_at_a_time'), { collection: 'service_requests' });
	const facts = await loadClerkCheckFacts(knex, Number(keys[0]));
	if (!facts) return payload;
	const plan = decideClerkCheck(facts, { result: payload['clerk_check_result'], note: payload['clerk_check_note'], responsible_person: payload['responsible_person'] }, clerkActorOf(caller), now);
	// The history may already carry a workflow step of the same write: append after it.
	const history = Array.isArray(payload['history']) ? (payload['history'] as unknown[]) : facts.history;
	const entry = (plan.columns['history'] as unknown[]).at(-1);
	return { ...payload, ...plan.columns, history: [...history, entry] };
}

/**
 * DLR-2, after a write: a task the clerk found not in hand is escalated to leadership (once), and
 * a person responsible now on record is written onto the task's escalations that lack one.
 */
export async function reconcileClerkCheck(ctx: PackContext, ids: readonly number[], now = new Date()): Promise<void> {
	if (!ids.length) return;
	const rows: Record<string, unknown>[] = await ctx.database('service_requests').whereIn('id', ids as number[]).whereNotNull('dealer').select('id', 'clerk_check_result', 'responsible_person', 'handling_level');
	for (const row of rows) {
		const id = Number(row['id']);
		const responsible = typeof row['responsible_person'] === 'string' && row['responsible_person'].trim() ? row['responsible_person'].trim() : null;
		if (row['clerk_check_result'] === 'not_in_hand' && responsible) await escalateNotInHand(ctx, id, responsible, Number(row['handling_level'] ?? 1), now);
		if (responsible) await nameResponsible(ctx.database, id, responsible);
	}
}

async function escalateNotInHand(ctx: PackContext, id: number, responsible: string, level: number, now: Date) {
	const settings = await loadSettings(ctx.database);
	const channels = channelsOf(settings.raw, ctx);
	const escalation = computeClerkEscalation(id, responsible, now);
	const recipients = await activeUsersOf(ctx.database, 'leadership', 'service_agent');
	const deliveries = computeDeliveries(escalation.key, 'breach', recipients, channels, now);
	await ctx.database.transaction(async (trx) => {
		const timer = await trx('sla_timers').where({ collection: 'service_requests', item: String(id), milestone: escalation.milestone }).first('id', 'due_at');
		await insertOnce(trx, 'escalations', {
			escalation_key: escalation.key, kind: 'breach', collection: 'service_requests', item: String(id), milestone: escalation.milestone,
			milestone_label: '销售内勤核查（4小时）', level: escalation.level, timer: timer?.id ?? null, due_at: timer?.due_at ?? null, occurred_at: fromInstant(now, trx),
			message: escalation.message, responsible, notified_users: JSON.stringify(recipients), deliveries: JSON.stringify(deliveries),
			next_delivery_at: deliveries.length ? fromInstant(now, trx) : null,
		}, 'escalation_key');
		if (level < escalation.level) await trx('service_requests').where({ id }).update({ handling_level: escalation.level });
	});
}

/** DLR-2: the task's escalations not yet acknowledged and naming nobody now name the person responsible. */
async function nameResponsible(knex: Knex, id: number, responsible: string) {
	const open: { id: number; message: string | null }[] = await knex('escalations').where({ collection: 'service_requests', item: String(id) }).whereNull('responsible').whereNull('acknowledged_at').select('id', 'message');
	for (const row of open) {
		await knex('escalations').where({ id: row.id }).whereNull('responsible').update({ responsible, message: computeResponsibleMessage(row.message ?? '', responsible) });
	}
}

export type { ClerkCheckPlan };
