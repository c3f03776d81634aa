// GET /after-sales/me/work-queue — the signed-in staff member's desk (issue #12 item 3, ESC-1..4,
// FUP-3): their own open complaints and requests by next deadline, warned and breached deadlines
// at their escalation level, escalations they were told of and have not acknowledged, and the
// follow-up calls due by the end of today. The Studio module 售后工作台 (`after-sales`) shows it.
import type { Request, Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatLocalInstant } from '../../domain/calendar';
import { computeDayEnd } from '../../domain/follow-ups';
import { FINAL_STATES } from '../../domain/sla';
import { computeWorkQueue, type QueueInput } from '../../domain/work-queue';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';
import { assertStaff, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { fromInstant, toInstant, toJsonArray } from '../lib/db-values';
import { loadSettings } from '../services/settings';
import { parseOrThrow } from '../lib/errors';

/** How many rows each section lists (most urgent first). */
export const WorkQueueQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }).strict();

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (req: Request, res: unknown, next: unknown) => unknown;
type Row = Record<string, any>;

/** The escalation level each Studio role answers at (CONTRACT: L1 agent, L2 manager, L3 leadership). */
function levelsOf(caller: Caller): number[] {
	if (caller.admin) return [1, 2, 3];
	const levels: number[] = [];
	if (caller.roles.includes('service_agent')) levels.push(1);
	if (caller.roles.includes('service_manager')) levels.push(2);
	if (caller.roles.includes('leadership')) levels.push(3);
	return levels;
}

const iso = (value: unknown) => toInstant(value)?.toISOString() ?? null;
const OPEN_TIMER_STATES = ['running', 'warned', 'breached'];

/** The earliest open deadline of each record, in one query per collection. */
async function nextDeadlines(knex: Knex, collection: string, ids: (string | number)[]) {
	const map = new Map<string, Row>();
	if (!ids.length) return map;
	const rows: Row[] = await knex('sla_timers').where({ collection }).whereIn('item', ids.map(String)).whereIn('state', OPEN_TIMER_STATES).orderBy('due_at').select('item', 'due_at', 'milestone', 'milestone_label', 'state', 'level');
	for (const r of rows) if (!map.has(String(r.item))) map.set(String(r.item), r);
	return map;
}

/** What a person recognises a record by: the caller and the problem, for the collections that have them. */
const TITLE_SOURCES: Record<string, { text: string } | undefined> = { complaints: { text: 'description' }, service_requests: { text: 'problem' } };
async function titlesOf(knex: Knex, rows: QueueInput[]): Promise<void> {
	for (const [collection, source] of Object.entries(TITLE_SOURCES)) {
		const wanted = rows.filter((r) => r.collection === collection);
		if (!wanted.length || !source) continue;
		const found: Row[] = await knex(collection).whereIn('id', [...new Set(wanted.map((r) => r.item))]).select('id', 'caller_name', source.text);
		const byId = new Map(found.map((f) => [String(f.id), `#${f.id} ${f.caller_name ?? ''} ${String(f[source.text] ?? '').slice(0, 40)}`.replace(/\s+/g, ' ').trim()]));
		for (const r of wanted) r.title = byId.get(r.item) ?? r.title;
	}
}

export async function loadWorkQueue(ctx: PackContext, caller: Caller, now: Date, limit = 50) {
	const knex = ctx.database;
	const settings = await loadSettings(knex);
	const me = caller.user;
	const mine: QueueInput[] = [];
	const records: Array<[collection: 'complaints' | 'service_requests', field: string, title: (r: Row) => string]> = [
		['complaints', 'handler', (r) => `#${r.id} ${r.caller_name ?? ''} ${String(r.description ?? '').slice(0, 40)}`.trim()],
		['service_requests', 'assignee', (r) => `#${r.id} ${r.caller_name ?? ''} ${String(r.problem ?? '').slice(0, 40)}`.trim()],
	];
	for (const [collection, field, title] of records) {
		if (!me) break;
		const rows: Row[] = await knex(collection).where(field, me).whereNotIn('status', FINAL_STATES[collection]).orderBy('id', 'desc').limit(200)
			.select('id', 'status', 'caller_name', collection === 'complaints' ? 'description' : 'problem');
		const due = await nextDeadlines(knex, collection, rows.map((r) => r.id));
		for (const r of rows) {
			const t = due.get(String(r.id));
			mine.push({ collection, item: String(r.id), title: title(r), status: r.status ?? null, due_at: iso(t?.due_at), milestone: t?.milestone ?? null, milestone_label: t?.milestone_label ?? null, state: t?.state ?? null, level: t ? Number(t.level) : null, escalation: null });
		}
	}

	// Warned or breached deadlines at my level (the record's handling level once escalated), on records still open.
	const levels = levelsOf(caller);
	const atLevel: QueueInput[] = [];
	if (levels.length) {
		const timers: Row[] = await knex('sla_timers').whereIn('state', ['warned', 'breached']).orderBy('id', 'desc').limit(5000)
			.select('collection', 'item', 'due_at', 'milestone', 'milestone_label', 'state', 'level', 'warned_at', 'breached_at');
		const open = new Map<string, number | null>();
		for (const collection of Object.keys(FINAL_STATES) as (keyof typeof FINAL_STATES)[]) {
			const ids = timers.filter((t) => t.collection === collection).map((t) => t.item);
			if (!ids.length) continue;
			const leveled = collection === 'complaints' || collection === 'service_requests';
			const rows: Row[] = await knex(collection).whereIn('id', ids).whereNotIn('status', FINAL_STATES[collection]).select(leveled ? ['id', 'handling_level'] : ['id']);
			for (const r of rows) open.set(`${collection}:${r.id}`, leveled ? Number(r.handling_level ?? 1) : null);
		}
		for (const t of timers) {
			const key = `${t.collection}:${t.item}`;
			if (!open.has(key)) continue;
			const level = Math.max(Number(t.level ?? 1), open.get(key) ?? 1);
			if (!levels.includes(level)) continue;
			atLevel.push({ collection: t.collection, item: String(t.item), title: `#${t.item}`, status: null, due_at: iso(t.due_at), milestone: t.milestone, milestone_label: t.milestone_label ?? null, state: t.state, level, escalation: null, occurred_at: iso(t.breached_at) ?? iso(t.warned_at) });
		}
	}

	// Escalations I was told of and nobody has acknowledged (the last 30 days).
	const toAck: QueueInput[] = [];
	if (me) {
		const since = fromInstant(new Date(now.getTime() - 30 * 86_400_000), knex);
		const rows: Row[] = await knex('escalations').whereNull('acknowledged_at').where('occurred_at', '>=', since).orderBy('occurred_at', 'desc').limit(1000)
			.select('id', 'kind', 'collection', 'item', 'milestone', 'milestone_label', 'level', 'due_at', 'occurred_at', 'notified_users', 'message');
		for (const r of rows) {
			if (!caller.admin && !toJsonArray(r.notified_users).map(String).includes(me)) continue;
			toAck.push({ collection: r.collection, item: String(r.item), title: `#${r.item}`, status: r.kind ?? null, due_at: iso(r.due_at), milestone: r.milestone, milestone_label: r.milestone_label ?? null, state: r.kind === 'breach' ? 'breached' : 'warned', level: Number(r.level), escalation: Number(r.id), occurred_at: iso(r.occurred_at) });
		}
	}

	// FUP-3: calls due by the end of today (and overdue ones still planned).
	const dayEnd = computeDayEnd(computeLocalDate(now, settings.calendar.timezone), settings.calendar.timezone);
	const calls: Row[] = await knex('follow_ups as f').leftJoin('customers as c', 'c.id', 'f.customer').where('f.status', 'planned').where('f.due_at', '<', fromInstant(dayEnd, knex)).orderBy('f.due_at').limit(200)
		.select('f.id', 'f.kind', 'f.status', 'f.due_at', 'f.due_until', 'c.name as customer_name', 'c.phone as customer_phone');
	const callsToday: QueueInput[] = calls.map((f) => ({
		collection: 'follow_ups', item: String(f.id), title: `${f.customer_name ?? ''} ${f.customer_phone ?? ''}`.trim() || `#${f.id}`, status: f.kind ?? null,
		due_at: iso(f.due_until) ?? iso(f.due_at), milestone: null, milestone_label: null, state: null, level: null, escalation: null,
	}));

	await titlesOf(knex, [...atLevel, ...toAck]);
	const queue = computeWorkQueue({ mine, at_my_level: atLevel, to_acknowledge: toAck, calls_today: callsToday }, now, limit);
	return { ...queue, now: now.toISOString(), today: formatLocalInstant(now, settings.calendar.timezone).slice(0, 10), levels };
}

export function registerWorkQueueRoutes(router: Router, ctx: PackContext, route: Route) {
	router.get('/me/work-queue', route(async (caller, req) => {
		assertStaff(caller, 'ESC-4');
		const query = parseOrThrow(WorkQueueQuerySchema, req.query ?? {}, 'ESC-4');
		return loadWorkQueue(ctx, caller, new Date(), query.limit);
	}) as never);
}
