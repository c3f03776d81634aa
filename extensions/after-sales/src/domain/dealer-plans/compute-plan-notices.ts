import { computeDatePlusDays } from '../warranty/compute-date-plus-days';
import { computePlanDeadline, computeSeasonOccurrences, type SalesSeason } from '../seasons';

export interface DealerPlanFacts {
	id: number;
	code: string | null;
	/** The seasons the dealer has filed a plan for. */
	filed: readonly { season: string; year: number }[];
}

export interface PlanNotice {
	dealer: number;
	code: string | null;
	kind: 'reminder' | 'missed';
	season: string;
	label: string;
	year: number;
	starts_on: string;
	deadline: string;
	/** Unique per dealer, season and kind: the notice is sent once, whoever runs the job how often. */
	key: string;
}

/**
 * DLR-3: for the next season to start after `today`, every dealer without a plan for it is
 * reminded from `reminderDays` before the deadline up to the deadline; once the deadline has passed
 * without a plan, the service managers are told. Both once, by key.
 */
export function computePlanNotices(dealers: readonly DealerPlanFacts[], seasons: readonly SalesSeason[], leadDays: number, reminderDays: number, today: string): PlanNotice[] {
	const year = Number(today.slice(0, 4));
	const next = computeSeasonOccurrences(seasons, year, year + 1).find((o) => o.starts_on > today)!;
	const deadline = computePlanDeadline(next, leadDays);
	const kind = today > deadline ? 'missed' : today >= computeDatePlusDays(deadline, -reminderDays) ? 'reminder' : null;
	if (!kind) return [];
	return dealers
		.filter((d) => !d.filed.some((f) => f.season === next.key && Number(f.year) === next.year))
		.map((d) => ({ dealer: d.id, code: d.code, kind, season: next.key, label: next.label, year: next.year, starts_on: next.starts_on, deadline, key: `dlr3:${kind}:${d.id}:${next.key}:${next.year}` }));
}
