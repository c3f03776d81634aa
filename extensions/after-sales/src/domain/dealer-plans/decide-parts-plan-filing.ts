import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { computePlanDeadline, computeSeasonOccurrences, type SalesSeason } from '../seasons';
import type { PartsPlan, PartsPlanInput } from './schemas';

export interface PartsPlanFilingFacts {
	seasons: readonly SalesSeason[];
	leadDays: number;
	/** The business day of the filing (CAL-3) and its instant. */
	today: string;
	now: Date;
	user: string | null;
	existing: readonly PartsPlan[];
}

/** The lines as the Studio's timeline shows them: part × quantity (kind), the first ten. */
const listLines = (lines: PartsPlanInput['lines']) =>
	lines.slice(0, 10).map((l) => `${l.part_no}${l.part_name ? ` ${l.part_name}` : ''} ×${l.quantity}（${l.kind === 'warranty' ? '三包件 warranty' : '易损件 wear'}）`).join('，') + (lines.length > 10 ? ` …（+${lines.length - 10}）` : '');

/** Plans kept on a dealer: a few years of seasons. */
const KEEP = 24;

/**
 * DLR-3: a dealer files (or revises) its spare-parts plan for one season. It is due `leadDays`
 * before the season starts; filing later is allowed and recorded as late (`on_time: false`), and a
 * revision keeps the first filing's verdict. A season that is over, or more than a year ahead of
 * the next one, is refused.
 */
export function decidePartsPlanFiling(input: PartsPlanInput, facts: PartsPlanFilingFacts): { plans: PartsPlan[]; plan: PartsPlan } {
	const season = facts.seasons.find((s) => s.key === input.season);
	if (!season) throw new DomainRuleError('DLR-3', 'season', msg('plan.unknown_season', { value: input.season, known: facts.seasons.map((s) => s.key).join(', ') }));
	const occurrence = computeSeasonOccurrences([season], input.year, input.year)[0]!;
	if (occurrence.ends_on < facts.today) throw new DomainRuleError('DLR-3', 'year', msg('plan.season_over', { season: occurrence.label, year: String(input.year), ends_on: occurrence.ends_on }));
	const thisYear = Number(facts.today.slice(0, 4));
	if (input.year > thisYear + 1) throw new DomainRuleError('DLR-3', 'year', msg('plan.too_far', { year: String(input.year) }));
	const deadline = computePlanDeadline(occurrence, facts.leadDays);
	const previous = facts.existing.find((p) => p.season === input.season && Number(p.year) === input.year);
	const on_time = previous ? previous.on_time : facts.today <= deadline;
	const revision = (previous?.revision ?? 0) + 1;
	const plan: PartsPlan = {
		season: input.season, year: input.year, label: occurrence.label, season_starts_on: occurrence.starts_on, deadline,
		filed_on: facts.today, at: facts.now.toISOString(), by: facts.user, first_filed_on: previous?.first_filed_on ?? facts.today,
		on_time, revision, lines: input.lines, note: input.note ?? null,
		summary: `${input.year} ${occurrence.label} · ${input.lines.length} 项 lines · ${on_time ? '按时 on time' : '逾期 late'}（截止 due ${deadline}）${revision > 1 ? ` · 第 ${revision} 版 revision ${revision}` : ''}：${listLines(input.lines)}`,
	};
	const others = facts.existing.filter((p) => p !== previous);
	const plans = [...others, plan].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).slice(-KEEP);
	return { plans, plan };
}
