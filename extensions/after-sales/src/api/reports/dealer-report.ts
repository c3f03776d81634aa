// RPT-1, DLR-4: the dealer report. Every figure is counted in the database by one grouped query
// per source table (nine in all, independent of the number of dealers); JS only joins the rows
// by dealer and applies the pure rating rules.
import type { Knex } from 'knex';
import {
	computeDealerReportRows, DealerRatingThresholdsSchema, DealerScoreWeightsSchema,
	type DealerFigures, type DealerRatingThresholds, type DealerReportRow, type DealerScoreWeights,
} from '../../domain/dealer-reports';
import { formatMoney } from '../../domain/money';
import { ruleViolation } from '../lib/errors';
import { dialectOf, rowsOf, toCount, toFen } from './sql-dialect';
import type { ReportPeriod } from './report-period';
import { toJson } from '../lib/db-values';
import { msg } from '../../domain/messages';

/** DLR-2: the default time a dealer has to schedule a task, when no SLA policy says otherwise. */
export const DEFAULT_SCHEDULE_MINUTES = 120;

export type DealerReport = {
	from: string;
	to: string;
	time_zone: string;
	schedule_minutes: number;
	thresholds: DealerRatingThresholds;
	dealers: DealerReportRow[];
};

type Options = { dealer: number | null; scheduleMinutes: number; thresholds: DealerRatingThresholds; weights: DealerScoreWeights };

/** Resolves `dealer` (an id or a dealer code) to an id; unknown → 400 naming the field. */
export async function resolveDealer(knex: Knex, value: string | null, rule: string): Promise<number | null> {
	if (value === null) return null;
	const query = knex('dealers').select('id').where('code', value);
	if (/^\d{1,12}$/.test(value)) query.orWhere('id', Number(value));
	const row = await query.first();
	if (!row) throw ruleViolation(rule, 'dealer', msg('report.no_dealer', { value: JSON.stringify(value) }));
	return Number(row.id);
}

/** DLR-4: rating thresholds and score weights from the settings singleton; unset parts default. */
export async function loadRatingSettings(knex: Knex): Promise<{ thresholds: DealerRatingThresholds; weights: DealerScoreWeights }> {
	const row = await knex('service_settings').first('dealer_rating_thresholds');
	const raw = toJson(row?.dealer_rating_thresholds) ?? {};
	const input = (raw ?? {}) as Record<string, unknown>;
	const thresholds = DealerRatingThresholdsSchema.safeParse(input);
	if (!thresholds.success) throw ruleViolation('DLR-4', `service_settings.dealer_rating_thresholds.${thresholds.error.issues[0]!.path.join('.')}`, thresholds.error.issues[0]!.message);
	const weights = DealerScoreWeightsSchema.safeParse(input['weights'] ?? {});
	if (!weights.success) throw ruleViolation('DLR-4', `service_settings.dealer_rating_thresholds.weights.${weights.error.issues[0]!.path.join('.')}`, weights.error.issues[0]!.message);
	return { thresholds: thresholds.data, weights: weights.data };
}

/** DLR-2: the dealer-task scheduling deadline of the active SLA policy (milestone `dealer_scheduled`). */
export async function loadScheduleMinutes(knex: Knex): Promise<number> {
	const policies = await knex('sla_policies').select('milestones', 'priority').where({ collection: 'service_requests', active: true }).orderBy('priority', 'desc');
	for (const policy of policies) {
		const milestones = toJson(policy.milestones);
		const found = Array.isArray(milestones) ? milestones.find((m: { key?: string }) => m?.key === 'dealer_scheduled') : null;
		if (found && Number(found.duration_minutes) > 0) return Number(found.duration_minutes);
	}
	return DEFAULT_SCHEDULE_MINUTES;
}

export async function computeDealerReport(knex: Knex, period: ReportPeriod, options: Options): Promise<DealerReport> {
	const figures = await queryDealerFigures(knex, period, options.dealer, options.scheduleMinutes);
	return {
		from: period.from,
		to: period.to,
		time_zone: period.timeZone,
		schedule_minutes: options.scheduleMinutes,
		thresholds: options.thresholds,
		dealers: computeDealerReportRows(figures, options.thresholds, options.weights),
	};
}

export async function queryDealerFigures(knex: Knex, period: ReportPeriod, dealer: number | null, scheduleMinutes: number): Promise<DealerFigures[]> {
	const d = dialectOf(knex);
	const start = d.instant(period.start);
	const end = d.instant(period.end);
	const only = (column: string) => (dealer === null ? { sql: '', bindings: [] as unknown[] } : { sql: ` and ${column} = ?`, bindings: [dealer] });
	const rows = async (sql: string, bindings: unknown[]) => {
		const result = await knex.raw(sql, bindings as Knex.RawBinding[]);
		return rowsOf(result, knex) as Record<string, unknown>[];
	};
	const within = d.withinMinutes('dispatched_at', 'scheduled_at', scheduleMinutes);

	const [dealers, tasks, repairs, claims, reasons, parts, satisfaction, complaints, escalations, credits] = await Promise.all([
		rows(`select id, code, name, region, tier from dealers where 1 = 1${only('id').sql} order by code`, only('id').bindings),
		rows(
			`select dealer, count(*) as n, sum(case when scheduled_at is not null and ${within.sql} then 1 else 0 end) as on_time
			 from service_requests where type = 'dealer_task' and dealer is not null and dispatched_at >= ? and dispatched_at < ?${only('dealer').sql}
			 group by dealer`,
			[...within.bindings, start, end, ...only('dealer').bindings],
		),
		rows(
			`select dealer, count(*) as n, sum(case when repeat_of is not null then 1 else 0 end) as repeats,
			   sum(case when coverage = 'dealer_expense' then 1 else 0 end) as dealer_expense,
			   ${d.sumFen(`case when coverage = 'dealer_expense' then total_cost end`)} as dealer_expense_fen
			 from repair_records where dealer is not null and status <> 'cancelled' and completed_at >= ? and completed_at < ?${only('dealer').sql}
			 group by dealer`,
			[start, end, ...only('dealer').bindings],
		),
		rows(
			`select dealer, count(*) as n,
			   sum(case when status in ('approved', 'settled') then 1 else 0 end) as approved,
			   sum(case when status = 'rejected' then 1 else 0 end) as rejected,
			   ${d.sumFen('claimed_amount')} as claimed_fen,
			   ${d.sumFen(`case when status in ('approved', 'settled') then approved_amount end`)} as approved_fen
			 from warranty_claims where status <> 'draft' and coalesce(submitted_at, date_created) >= ? and coalesce(submitted_at, date_created) < ?${only('dealer').sql}
			 group by dealer`,
			[start, end, ...only('dealer').bindings],
		),
		rows(
			`select c.dealer as dealer, r.value as reason, count(*) as n
			 from warranty_claims c, ${d.jsonArrayRows('c.rejection_reasons', 'r')}
			 where c.status = 'rejected' and coalesce(c.submitted_at, c.date_created) >= ? and coalesce(c.submitted_at, c.date_created) < ?${only('c.dealer').sql}
			 group by c.dealer, r.value`,
			[start, end, ...only('c.dealer').bindings],
		),
		rows(
			`select dealer, count(*) as n, sum(case when ${d.day('coalesce(shipped_on, received_on)')} <= ${d.day('deadline')} then 1 else 0 end) as on_time
			 from parts_returns
			 where (kind = 'old_parts' or kind is null) and ${d.day('deadline')} >= ? and ${d.day('deadline')} <= ? and (${d.day('deadline')} < ? or coalesce(shipped_on, received_on) is not null)${only('dealer').sql}
			 group by dealer`,
			[period.from, period.to, period.today, ...only('dealer').bindings],
		),
		rows(
			`select coalesce(rr.dealer, sr.dealer) as dealer, count(*) as n, sum(f.satisfaction) as total
			 from follow_ups f left join repair_records rr on rr.id = f.repair_record left join service_requests sr on sr.id = f.service_request
			 where f.satisfaction is not null and f.done_at >= ? and f.done_at < ? and coalesce(rr.dealer, sr.dealer) is not null${only('coalesce(rr.dealer, sr.dealer)').sql}
			 group by coalesce(rr.dealer, sr.dealer)`,
			[start, end, ...only('coalesce(rr.dealer, sr.dealer)').bindings],
		),
		rows(
			`select coalesce(u.dealer, cu.dealer) as dealer, count(*) as n
			 from complaints c left join units u on u.id = c.unit left join customers cu on cu.id = c.customer
			 where c.received_at >= ? and c.received_at < ? and coalesce(u.dealer, cu.dealer) is not null${only('coalesce(u.dealer, cu.dealer)').sql}
			 group by coalesce(u.dealer, cu.dealer)`,
			[start, end, ...only('coalesce(u.dealer, cu.dealer)').bindings],
		),
		rows(
			`select x.dealer as dealer, count(*) as n
			 from escalations e join (
			   select 'service_requests' as coll, cast(id as varchar(64)) as item, dealer from service_requests where dealer is not null
			   union all
			   select 'warranty_claims' as coll, cast(id as varchar(64)) as item, dealer from warranty_claims
			 ) x on x.coll = e.collection and x.item = e.item
			 where e.kind = 'breach' and e.occurred_at >= ? and e.occurred_at < ?${only('x.dealer').sql}
			 group by x.dealer`,
			[start, end, ...only('x.dealer').bindings],
		),
		rows(
			`select dealer, ${d.sumFen('amount')} as fen from dealer_ledger
			 where entry_type = 'warranty_credit' and posted_at >= ? and posted_at < ?${only('dealer').sql}
			 group by dealer`,
			[start, end, ...only('dealer').bindings],
		),
	]);

	const byDealer = (list: Record<string, unknown>[]) => new Map(list.map((r) => [Number(r['dealer']), r]));
	const t = byDealer(tasks), rp = byDealer(repairs), c = byDealer(claims), p = byDealer(parts), s = byDealer(satisfaction);
	const cm = byDealer(complaints), e = byDealer(escalations), l = byDealer(credits);
	const reasonMap = new Map<number, Record<string, number>>();
	for (const r of reasons) {
		const id = Number(r['dealer']);
		const entry = reasonMap.get(id) ?? {};
		entry[String(r['reason'])] = toCount(r['n']);
		reasonMap.set(id, entry);
	}
	return dealers.map((row) => {
		const id = Number(row['id']);
		return {
			dealer_id: id,
			code: String(row['code']),
			name: String(row['name']),
			region: (row['region'] as string | null) ?? null,
			tier: (row['tier'] as string | null) ?? null,
			tasks: toCount(t.get(id)?.['n']),
			tasks_on_schedule: toCount(t.get(id)?.['on_time']),
			repairs: toCount(rp.get(id)?.['n']),
			repeat_repairs: toCount(rp.get(id)?.['repeats']),
			dealer_expense_repairs: toCount(rp.get(id)?.['dealer_expense']),
			dealer_expense_amount: formatMoney(toFen(rp.get(id)?.['dealer_expense_fen'])),
			claims_submitted: toCount(c.get(id)?.['n']),
			claims_approved: toCount(c.get(id)?.['approved']),
			claims_rejected: toCount(c.get(id)?.['rejected']),
			rejection_reasons: reasonMap.get(id) ?? {},
			claimed_amount: formatMoney(toFen(c.get(id)?.['claimed_fen'])),
			approved_amount: formatMoney(toFen(c.get(id)?.['approved_fen'])),
			parts_batches_due: toCount(p.get(id)?.['n']),
			parts_batches_on_time: toCount(p.get(id)?.['on_time']),
			satisfaction_responses: toCount(s.get(id)?.['n']),
			satisfaction_total: toCount(s.get(id)?.['total']),
			complaints: toCount(cm.get(id)?.['n']),
			escalations: toCount(e.get(id)?.['n']),
			ledger_credits: formatMoney(toFen(l.get(id)?.['fen'])),
		};
	});
}

