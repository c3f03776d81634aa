// FUP-1..5: the sweep's follow-up step: a planned follow-up past its `due_until` (or, without one,
// `follow_up_window_days` after `due_at`) becomes missed, in one set-based update per batch; the
// ids it moved are returned so the desk is told (run-follow-up-step.ts).
import type { Knex } from 'knex';
import { computeMissedCutoff, type FollowUpRules } from '../../domain/follow-ups';
import { toStoredInstant } from '../lib/db-values';

const BATCH = 1_000;

export async function markMissedFollowUps(knex: Knex, rules: FollowUpRules, now: Date): Promise<number[]> {
	const cutoff = computeMissedCutoff(now, rules);
	const due = (q: Knex.QueryBuilder) => q.where({ status: 'planned' })
		.andWhere((w) => w.where((x) => x.whereNotNull('due_until').andWhere('due_until', '<', toStoredInstant(cutoff.dueUntilBefore, knex)!))
			.orWhere((x) => x.whereNull('due_until').andWhere('due_at', '<', toStoredInstant(cutoff.dueAtBefore, knex)!)));
	const missed: number[] = [];
	for (;;) {
		const ids = (await due(knex('follow_ups')).orderBy('id').limit(BATCH).select('id')).map((r: { id: number }) => Number(r.id));
		if (!ids.length) break;
		// Only rows still planned move: of two sweeps at once, each row counts for one.
		const moved = await knex('follow_ups').whereIn('id', ids).andWhere({ status: 'planned' }).update({ status: 'missed', date_updated: toStoredInstant(now, knex) });
		if (moved) missed.push(...ids);
		if (ids.length < BATCH) break;
	}
	return missed;
}
