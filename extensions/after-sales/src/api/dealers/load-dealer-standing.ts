// DLR-1: a dealer's standing as plain facts, and the check the adapters share (portal routes,
// the claim use cases and the repair hooks): the clock is read by the caller, "today" is the
// business calendar's date (CAL-3).
import type { Knex } from 'knex';
import { assertDealerMayFile, computeDealerStanding, type DealerStanding, type DealerStandingFacts } from '../../domain/dealers';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';
import { toDay } from '../lib/db-values';
import { loadSettings } from '../services/settings';

export async function loadDealerStanding(knex: Knex, dealerId: number): Promise<DealerStandingFacts | null> {
	const row = await knex('dealers').where({ id: dealerId }).first('code', 'status', 'agreement_end');
	if (!row) return null;
	return { code: row.code ?? null, status: row.status ?? null, agreement_end: toDay(row.agreement_end) };
}

async function today(knex: Knex, now: Date) {
	return computeLocalDate(now, (await loadSettings(knex)).calendar.timezone);
}

/** DLR-1: the standing the portal shows on GET /dealer/me. */
export async function dealerStandingOf(knex: Knex, dealerId: number, now: Date): Promise<DealerStanding | null> {
	const facts = await loadDealerStanding(knex, dealerId);
	return facts ? computeDealerStanding(facts, await today(knex, now)) : null;
}

/** DLR-1: throws a 403-mapped DealerStandingError unless the dealer may file on the business day of `now`. */
export async function assertDealerStanding(knex: Knex, dealerId: number, now: Date, action: string): Promise<void> {
	const facts = await loadDealerStanding(knex, dealerId);
	if (facts) assertDealerMayFile(facts, await today(knex, now), action);
}
