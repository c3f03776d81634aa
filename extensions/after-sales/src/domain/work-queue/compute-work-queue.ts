/** One thing on a person's desk: a record, why it is there and when it is due. */
export interface QueueItem {
	collection: string;
	item: string;
	title: string;
	status: string | null;
	/** The earliest open deadline (milestone), if any. */
	due_at: string | null;
	milestone: string | null;
	milestone_label: string | null;
	/** Minutes until `due_at` (negative when late), or null without a deadline. */
	minutes_left: number | null;
	state: 'running' | 'warned' | 'breached' | null;
	level: number | null;
	/** Escalations: the id to acknowledge. */
	escalation: number | null;
	/** When it happened (an escalation's occurrence): the newest trouble is listed first. */
	occurred_at?: string | null;
}

export interface WorkQueue {
	mine: QueueItem[];
	at_my_level: QueueItem[];
	to_acknowledge: QueueItem[];
	calls_today: QueueItem[];
}

export type QueueInput = Omit<QueueItem, 'minutes_left'>;

const minutesLeft = (due: string | null, now: Date) => (due === null ? null : Math.floor((Date.parse(due) - now.getTime()) / 60_000));

/** Late first, then the nearest deadline, then those without one (by collection and id, so the order is stable). */
function byDeadline(a: QueueItem, b: QueueItem): number {
	if (a.minutes_left === null || b.minutes_left === null) {
		if (a.minutes_left !== b.minutes_left) return a.minutes_left === null ? 1 : -1;
		return a.collection.localeCompare(b.collection) || Number(a.item) - Number(b.item);
	}
	return a.minutes_left - b.minutes_left || a.collection.localeCompare(b.collection) || Number(a.item) - Number(b.item);
}

/** Newest first: what went wrong last is what nobody has looked at yet (then by deadline). */
function byNewest(a: QueueItem, b: QueueItem): number {
	const at = (r: QueueItem) => Date.parse(r.occurred_at ?? r.due_at ?? '') || 0;
	return at(b) - at(a) || byDeadline(a, b);
}

/**
 * ESC-1..4, FUP-3 (issue #12 item 3): the signed-in person's work queue — their own open records and
 * today's calls by next deadline (late first), and the deadlines warned or breached at their level
 * and the escalations they were told of and have not acknowledged, newest first (old unacknowledged
 * ones never push a new breach out of sight) — each with a countdown. A record appears once per
 * section; `limit` caps each section.
 */
export function computeWorkQueue(input: { mine: QueueInput[]; at_my_level: QueueInput[]; to_acknowledge: QueueInput[]; calls_today: QueueInput[] }, now: Date, limit = 50): WorkQueue {
	const section = (rows: QueueInput[], order: (a: QueueItem, b: QueueItem) => number = byDeadline) => {
		const seen = new Set<string>();
		const out: QueueItem[] = [];
		for (const row of rows.map((r) => ({ ...r, minutes_left: minutesLeft(r.due_at, now) })).sort(order)) {
			const key = `${row.collection}:${row.item}:${row.escalation ?? ''}`;
			if (seen.has(key)) continue;
			seen.add(key);
			out.push(row);
		}
		return out.slice(0, limit);
	};
	return { mine: section(input.mine), at_my_level: section(input.at_my_level, byNewest), to_acknowledge: section(input.to_acknowledge, byNewest), calls_today: section(input.calls_today) };
}
