// REQ-3, DLR-2: the deadlines a portal card shows (a technician's job, a dealer's task): the open
// SLA timers of service requests with their milestone labelled in both languages (from the policy
// that set the timer), due as an instant and as the calendar's local time.
import type { Knex } from 'knex';
import { formatLocalInstant } from '../../domain/calendar';
import { toInstant, toJsonArray } from './db-values';

export type PortalDeadline = {
	milestone: string; label_zh: string; label_en: string; state: string | null;
	due_at: string; due_local: string; minutes_left: number; fulfilled_at: string | null; fulfilled_local: string | null;
};

type TimerRow = { item: string; milestone: string; milestone_label: string | null; state: string; due_at: unknown; fulfilled_at: unknown; policy: number | null };

/** Every timer of the given requests (open and fulfilled), labelled; keyed by request id. */
export async function loadRequestDeadlines(knex: Knex, ids: number[], timeZone: string, now: Date): Promise<Map<string, PortalDeadline[]>> {
	const byItem = new Map<string, PortalDeadline[]>();
	if (!ids.length) return byItem;
	const timers: TimerRow[] = await knex('sla_timers').where({ collection: 'service_requests' }).whereIn('item', ids.map(String))
		.select('item', 'milestone', 'milestone_label', 'state', 'due_at', 'fulfilled_at', 'policy');
	const policyIds = [...new Set(timers.map((t) => t.policy).filter((p): p is number => p !== null && p !== undefined))];
	const policies: { id: number; milestones: unknown }[] = policyIds.length ? await knex('sla_policies').whereIn('id', policyIds).select('id', 'milestones') : [];
	const labels = new Map<string, { zh: string | null; en: string | null }>();
	for (const p of policies) for (const m of toJsonArray(p.milestones)) labels.set(`${p.id}:${m?.key}`, { zh: m?.label ?? null, en: m?.label_en ?? null });
	for (const t of timers) {
		const due = toInstant(t.due_at, knex);
		if (!due) continue;
		const fulfilled = toInstant(t.fulfilled_at, knex);
		const label = labels.get(`${t.policy}:${t.milestone}`);
		const zh = label?.zh ?? t.milestone_label ?? t.milestone;
		const row: PortalDeadline = {
			milestone: t.milestone, label_zh: zh, label_en: label?.en ?? zh, state: t.state ?? null,
			due_at: due.toISOString(), due_local: formatLocalInstant(due, timeZone), minutes_left: Math.round((due.getTime() - now.getTime()) / 60_000),
			fulfilled_at: fulfilled?.toISOString() ?? null, fulfilled_local: fulfilled ? formatLocalInstant(fulfilled, timeZone) : null,
		};
		byItem.set(String(t.item), [...(byItem.get(String(t.item)) ?? []), row]);
	}
	for (const rows of byItem.values()) rows.sort((a, b) => a.due_at.localeCompare(b.due_at));
	return byItem;
}

/** Timers still counting (or already late): the ones a card counts down to. */
export const OPEN_DEADLINE_STATES = ['running', 'warned', 'paused', 'breached'];
export const openDeadlines = (rows: PortalDeadline[] | undefined) => (rows ?? []).filter((r) => r.state !== null && OPEN_DEADLINE_STATES.includes(r.state));
