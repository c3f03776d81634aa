import { computeDaysBetween } from '../warranty';
import { computeBusinessDate, computeDayEnd, computeDayStart } from './compute-day-bounds';
import type { PlannedFollowUp } from './decide-follow-ups';
import type { FollowUpRules } from './schemas';

/** FUP-5: one visit per (key account, year, season). */
export const computeKeyAccountVisitKey = (customer: number, year: number, season: string) => `customers:${customer}:key_account_visit:${year}-${season}`;

/**
 * FUP-5: a key account is visited every season of `key_account_visit_windows` (spring and autumn):
 * for each season the next window not yet over (this year's, else next year's), due from its first
 * day, missed after its last. Planned again every day, so each new window appears once its
 * predecessor is over; the key keeps each (customer, year, season) once.
 */
export function decideKeyAccountVisits(customers: readonly number[], rules: FollowUpRules, timeZone: string, now: Date): PlannedFollowUp[] {
	const today = computeBusinessDate(now, timeZone);
	const year = Number(today.slice(0, 4));
	const planned: PlannedFollowUp[] = [];
	for (const window of rules.key_account_visit_windows) {
		const visitYear = computeDaysBetween(today, `${year}-${window.to}`) >= 0 ? year : year + 1;
		for (const customer of new Set(customers)) {
			planned.push({
				follow_up_key: computeKeyAccountVisitKey(customer, visitYear, window.season), kind: 'key_account_visit', rule: 'FUP-5', customer, service_request: null, repair_record: null,
				due_at: computeDayStart(`${visitYear}-${window.from}`, timeZone), due_until: computeDayEnd(`${visitYear}-${window.to}`, timeZone), survey: false,
			});
		}
	}
	return planned;
}
