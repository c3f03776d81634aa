// `npm run bench:report`: the dealer report (RPT-1) at scale on PostgreSQL — 500 dealers, 1M repair
// records, 100k warranty claims plus tasks, follow-ups, complaints, ledger, returns and escalations,
// generated server-side (INSERT … SELECT generate_series through knex) in a throwaway database.
// Prints the endpoint's time over HTTP, a hand-written single SQL query for the same figures (the
// floor) and the time to get them from Directus's own aggregate API. Target: endpoint ≤ 1.5× floor.
// A measurement, not a test.
import { createTestDatabase, directusTestEnv } from '../tests/setup/directus-env';
import { freePort, runCli, snapshotExtensions } from '../tests/setup/global-setup';

const DEALERS = 500;
const REPAIRS = 1_000_000;
const CLAIMS = 100_000;
const UNITS = 100_000;
const RUNS = 3;

process.env['DB_CLIENT'] = 'pg';
const database = await createTestDatabase('benchreport');
try {
	await bench();
} finally {
	await database.drop();
}
// Directus keeps timers and pools alive; the measurement is printed, so end here.
process.exit(0);

async function bench() {
	const port = await freePort();
	const env = directusTestEnv(database, port, { EXTENSIONS_PATH: snapshotExtensions(), LOG_LEVEL: 'error' });
	runCli(['bootstrap'], env);
	runCli(['after-sales', 'install'], env);
	Object.assign(process.env, env);
	const { default: getDatabase } = await import('@directus/api/database/index');
	const knex = getDatabase();

	const t0 = performance.now();
	const admin = (await knex('directus_users').first('id')).id as string;
	const sql = (text: string, bindings: unknown[] = []) => knex.raw(text, bindings as never);
	await sql(`insert into dealers (code, name, region, tier, status) select 'B' || lpad(g::text, 4, '0'), 'Bench dealer ' || g, 'R' || (g % 20), 'B', 'active' from generate_series(1, ${DEALERS}) g`);
	const firstDealer = Number((await knex('dealers').min({ id: 'id' }))[0]!.id);
	await sql(`insert into products (model, name, category, warranty_months, main_parts_warranty_months) select 'BP-' || g, 'Bench product ' || g, 'tractor', 12, 24 from generate_series(1, 20) g`);
	const firstProduct = Number((await knex('products').min({ id: 'id' }))[0]!.id);
	await sql(`insert into customers (name, type, phone, dealer) select 'Bench customer ' || g, 'company', '138' || lpad(g::text, 8, '0'), ${firstDealer} + (g % ${DEALERS}) from generate_series(1, 10000) g`);
	const firstCustomer = Number((await knex('customers').min({ id: 'id' }))[0]!.id);
	await sql(`insert into units (serial_no, product, customer, dealer, sold_on, card_received_on) select 'BU' || g, ${firstProduct} + (g % 20), ${firstCustomer} + (g % 10000), ${firstDealer} + (g % ${DEALERS}), date '2024-01-01' + (g % 600), date '2024-01-05' + (g % 600) from generate_series(1, ${UNITS}) g`);
	const firstUnit = Number((await knex('units').min({ id: 'id' }))[0]!.id);
	const faults = `(array['engine','transmission','hydraulic','electrical','chassis','cooling'])[1 + g % 6]`;
	// Instants spread over the two years up to now.
	const at = (expr: string) => `now() - make_interval(mins => ((${expr}) % (730 * 1440))::int)`;
	await sql(`insert into repair_records (unit, dealer, status, fault_category, fault_scope, fault_cause, fault_description, coverage, completed_at, received_at, labour_cost, travel_cost, parts_cost, total_cost, parts_source)
		select ${firstUnit} + (g % ${UNITS}), ${firstDealer} + (g % ${DEALERS}), case when g % 50 = 0 then 'cancelled' else 'completed' end, ${faults}, 'whole_machine', 'normal', 'bench', 'warranty',
		  ${at('g::bigint * 7919')}, ${at('g::bigint * 7919 + 600')}, 120.50, 30.25, 0, 150.75, 'ours'
		from generate_series(1, ${REPAIRS}) g`);
	const firstRepair = Number((await knex('repair_records').min({ id: 'id' }))[0]!.id);
	await sql(`update repair_records set repeat_of = id - 1 where id % 25 = 0 and id > ?`, [firstRepair]);
	await sql(`insert into warranty_claims (claim_no, dealer, repair_record, status, claimed_amount, approved_amount, rejection_reasons, submitted_at, date_created)
		select 'BC' || r.id, r.dealer, r.id, (array['submitted','audited','approved','settled','settled','rejected'])[1 + r.id % 6], 150.75,
		  case when r.id % 6 in (2, 3, 4) then 140.10 end, case when r.id % 6 = 5 then (case when r.id % 4 = 0 then '["card_late","duplicate"]' else '["out_of_warranty"]' end)::json end,
		  r.completed_at + interval '1 day', r.completed_at + interval '1 day'
		from repair_records r where r.id < ${firstRepair + CLAIMS}`);
	await sql(`insert into service_requests (type, channel, received_at, customer, unit, problem, status, handling_level, dealer, dispatched_at, scheduled_at)
		select 'dealer_task', 'dealer', ${at('g::bigint * 104729')}, ${firstCustomer} + (g % 10000), ${firstUnit} + (g % ${UNITS}), 'bench task', 'scheduled', 1, ${firstDealer} + (g % ${DEALERS}),
		  ${at('g::bigint * 104729')}, ${at('g::bigint * 104729')} + make_interval(mins => 30 + g % 150)
		from generate_series(1, 200000) g`);
	await sql(`insert into follow_ups (kind, customer, repair_record, status, due_at, done_at, satisfaction)
		select 'satisfaction_call', ${firstCustomer} + (g % 10000), ${firstRepair} + g * 5 - 4, 'done', ${at('g::bigint * 15485863')}, ${at('g::bigint * 15485863')}, 1 + g % 5 from generate_series(1, 200000) g`);
	await sql(`insert into complaints (received_at, channel, recorder, customer, unit, category, severity, description, status, handling_level)
		select ${at('g::bigint * 3571')}, 'phone', ?, ${firstCustomer} + (g % 10000), ${firstUnit} + (g % ${UNITS}), 'quality', 'normal', 'bench', 'received', 1 from generate_series(1, 50000) g`, [admin]);
	await sql(`insert into dealer_ledger (dealer, entry_type, amount, claim, idempotency_key, posted_at)
		select c.dealer, 'warranty_credit', c.approved_amount, c.id, 'bench-' || c.id, c.submitted_at + interval '3 days' from warranty_claims c where c.status = 'settled'`);
	await sql(`insert into parts_returns (dealer, deadline, status, shipped_on, batch_key)
		select ${firstDealer} + (g % ${DEALERS}), (array[date '2025-06-30', date '2025-12-31', date '2026-06-30', date '2026-12-31'])[1 + g / ${DEALERS}], 'shipped',
		  (array[date '2025-06-28', date '2026-01-03', date '2026-06-30', date '2026-12-20'])[1 + g / ${DEALERS}] + (g % 3), 'bench-' || g
		from generate_series(0, ${DEALERS * 4 - 1}) g`);
	await sql(`insert into escalations (escalation_key, kind, collection, item, milestone, level, occurred_at)
		select 'bench-' || s.id, 'breach', 'service_requests', s.id::text, 'dealer_scheduled', 2, s.dispatched_at + interval '2 hours' from service_requests s where s.id % 10 = 0`);
	await sql('analyze');
	const counts = await sql(`select (select count(*) from repair_records) r, (select count(*) from warranty_claims) c, (select count(*) from dealers) d, (select count(*) from service_requests) s`);
	console.log(`\n[bench:report] PostgreSQL: generated ${JSON.stringify(counts.rows[0])} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

	const { createApp } = await import('@directus/api');
	const app = await createApp();
	const server = await new Promise<import('node:http').Server>((resolve) => { const s = app.listen(port, '127.0.0.1', () => resolve(s)); });
	const base = `http://127.0.0.1:${port}`;
	const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env['ADMIN_EMAIL'], password: env['ADMIN_PASSWORD'] }) })).json() as { data: { access_token: string } };
	const auth = { authorization: `Bearer ${login.data.access_token}` };

	const to = new Date().toISOString().slice(0, 10);
	const fromDate = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
	const { toReportPeriod } = await import('../extensions/after-sales/src/api/reports/report-period');
	const period = toReportPeriod(fromDate, to, 'Asia/Shanghai', to);
	const best = async (fn: () => Promise<unknown>) => {
		await fn();
		const times: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const started = performance.now();
			await fn();
			times.push(performance.now() - started);
		}
		return Math.min(...times);
	};

	let dealersInReport = 0;
	const endpoint = await best(async () => {
		const response = await fetch(`${base}/after-sales/reports/dealers?from=${fromDate}&to=${to}`, { headers: auth });
		const body = await response.json() as { data: { dealers: unknown[] } };
		if (response.status !== 200) throw new Error(JSON.stringify(body));
		dealersInReport = body.data.dealers.length;
	});

	// The floor, hand-written: the same figures as one statement (materialized CTEs joined to the
	// dealers), and as the separate grouped statements run in parallel on a pool; the faster counts.
	const figures: Array<[string, string]> = [
		['t', `select dealer, count(*) n, sum(case when scheduled_at is not null and scheduled_at <= dispatched_at + interval '120 minutes' then 1 else 0 end) ok
		       from service_requests where type = 'dealer_task' and dispatched_at >= $1 and dispatched_at < $2 group by dealer`],
		['r', `select dealer, count(*) n, count(repeat_of) rep from repair_records where status <> 'cancelled' and completed_at >= $1 and completed_at < $2 group by dealer`],
		['c', `select dealer, count(*) n, count(*) filter (where status in ('approved','settled')) ap, count(*) filter (where status = 'rejected') rj,
		              sum(claimed_amount) cl, sum(approved_amount) filter (where status in ('approved','settled')) apa
		       from warranty_claims where status <> 'draft' and coalesce(submitted_at, date_created) >= $1 and coalesce(submitted_at, date_created) < $2 group by dealer`],
		['rr', `select dealer, jsonb_object_agg(reason, n) reasons from (select c.dealer, x.value reason, count(*) n from warranty_claims c, json_array_elements_text(c.rejection_reasons) x
		       where c.status = 'rejected' and coalesce(c.submitted_at, c.date_created) >= $1 and coalesce(c.submitted_at, c.date_created) < $2 group by 1, 2) q group by dealer`],
		['p', `select dealer, count(*) n, count(*) filter (where coalesce(shipped_on, received_on) <= deadline) ok from parts_returns where deadline >= $3::date and deadline <= $4::date group by dealer`],
		['s', `select coalesce(rr.dealer, sr.dealer) dealer, count(*) n, avg(f.satisfaction) av from follow_ups f left join repair_records rr on rr.id = f.repair_record
		       left join service_requests sr on sr.id = f.service_request where f.satisfaction is not null and f.done_at >= $1 and f.done_at < $2 group by 1`],
		['k', `select coalesce(u.dealer, cu.dealer) dealer, count(*) n from complaints c left join units u on u.id = c.unit left join customers cu on cu.id = c.customer
		       where c.received_at >= $1 and c.received_at < $2 group by 1`],
		['e', `select sr.dealer, count(*) n from escalations e join service_requests sr on e.collection = 'service_requests' and e.item = sr.id::text
		       where e.kind = 'breach' and e.occurred_at >= $1 and e.occurred_at < $2 group by 1`],
		['l', `select dealer, sum(amount) s from dealer_ledger where entry_type = 'warranty_credit' and posted_at >= $1 and posted_at < $2 group by dealer`],
	];
	const floorSql = `with ${figures.map(([name, body]) => `${name} as materialized (${body})`).join(',\n')}
		select d.id, d.code, t.n, t.ok, r.n, r.rep, c.n, c.ap, c.rj, c.cl, c.apa, rr.reasons, p.n, p.ok, s.n, s.av, k.n, e.n, l.s
		from dealers d ${figures.map(([name]) => `left join ${name} on ${name}.dealer = d.id`).join(' ')} order by d.code`;
	const pg = (await import('pg')).default;
	const connection = { host: env['DB_HOST'], port: Number(env['DB_PORT']), user: env['DB_USER'], password: env['DB_PASSWORD'], database: env['DB_DATABASE'] };
	const pool = new pg.Pool({ ...connection, max: figures.length });
	const params = [period.start, period.end, period.from, period.to];
	// Run alone, the date-only statement numbers its two parameters $1 and $2.
	const alone = (body: string): [string, unknown[]] => (body.includes('$3') ? [body.replace('$3', '$1').replace('$4', '$2'), params.slice(2)] : [body, params.slice(0, 2)]);
	const floorSingle = await best(() => pool.query(floorSql, params));
	const floorParallel = await best(() => Promise.all(figures.map(([, body]) => pool.query(...alone(body)))));
	await pool.end();
	const floor = Math.min(floorSingle, floorParallel);

	// Directus's own aggregate API: one grouped call per figure it can express (it cannot compare two
	// columns, so the 2 h compliance, rejection reasons and the dealer of a complaint are out of reach).
	const range = (field: string) => ({ [field]: { _gte: period.start.toISOString(), _lt: period.end.toISOString() } });
	const aggregateCalls: Array<[string, Record<string, unknown>, string]> = [
		['service_requests', { _and: [range('dispatched_at'), { type: { _eq: 'dealer_task' } }] }, 'aggregate[count]=*'],
		['repair_records', { _and: [range('completed_at'), { status: { _neq: 'cancelled' } }] }, 'aggregate[count]=*&aggregate[count]=repeat_of'],
		['warranty_claims', { _and: [range('submitted_at'), { status: { _neq: 'draft' } }] }, 'aggregate[count]=*&aggregate[sum]=claimed_amount&aggregate[sum]=approved_amount&groupBy[]=status'],
		['parts_returns', { deadline: { _between: [period.from, period.to] } }, 'aggregate[count]=*'],
		// follow_ups and complaints have no dealer column and /items cannot group by a related field
		// (repair_record.dealer, unit.dealer): Directus answers 500, so they are left out here.
		['dealer_ledger', { _and: [range('posted_at'), { entry_type: { _eq: 'warranty_credit' } }] }, 'aggregate[sum]=amount'],
	];
	let aggregateErrors = 0;
	const aggregate = await best(async () => {
		await Promise.all(aggregateCalls.map(async ([collection, filter, agg]) => {
			const groupBy = agg.includes('groupBy[]=') ? '' : '&groupBy[]=dealer';
			const response = await fetch(`${base}/items/${collection}?${agg}${groupBy}&limit=-1&filter=${encodeURIComponent(JSON.stringify(filter))}`, { headers: auth });
			if (response.status !== 200) aggregateErrors++;
			await response.arrayBuffer();
		}));
	});

	console.log(`  period ${period.from} … ${period.to}, ${dealersInReport} dealers in the report; best of ${RUNS} after a warm-up`);
	console.log(`  endpoint  GET /after-sales/reports/dealers (HTTP, JSON)   ${endpoint.toFixed(0).padStart(7)} ms`);
	console.log(`  floor     hand-written SQL: one statement ${floorSingle.toFixed(0)} ms, the ${figures.length} grouped statements in parallel ${floorParallel.toFixed(0)} ms → ${floor.toFixed(0).padStart(7)} ms`);
	console.log(`  directus  /items aggregate API, ${aggregateCalls.length} grouped calls in parallel${aggregateErrors ? ` (${aggregateErrors / (RUNS + 1)} refused)` : ''}  ${aggregate.toFixed(0).padStart(7)} ms (without the 2 h compliance, rejection reasons, satisfaction and complaints per dealer)`);
	console.log(`  ratio endpoint / floor: ${(endpoint / floor).toFixed(2)}× (target ≤ 1.5×)\n`);
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await knex.destroy();
}
