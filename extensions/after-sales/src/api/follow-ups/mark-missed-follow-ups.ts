// FUP-1..3: the sweep's follow-up step, one set-based update: a planned follow-up past its
// `due_until` (or, without one, `follow_up_window_days` after `due_at`) becomes missed.
import type { Knex } from 'knex';
import { computeMissedCutoff, type FollowUpRules } from '../../domain/follow-ups';
import { toStoredInstant } from '../lib/db-values';

export async function markMissedFollowUps(knex: Knex, rules: FollowUpRules, now: Date): Promise<number> {
	const cutoff = computeMissedCutoff(now, rules);
	return knex('follow_ups').where({ status: 'planned' })
		.andWhere((q) => q.where((w) => w.whereNotNull('due_until').andWhere('due_until', '<', toStoredInstant(cutoff.dueUntilBefore, knex)!))
			.orWhere((w) => w.whereNull('due_until').andWhere('due_at', '<', toStoredInstant(cutoff.dueAtBefore, knex)!)))
		.update({ status: 'missed', date_updated: toStoredInstant(now, knex) });
}
