// `npm run bench:sweep [-- sqlite|pg]`: the deadline sweep (ESC-2..4) against a real Directus
// database, on SQLite and PostgreSQL in one run (each in its own process, because Directus reads
// its environment once). Three cases: 1k due among 1k open, 1k due among 100k open, 10k due among
// 100k open. For each, the same escalations are first written by hand-written set-based SQL (one
// INSERT … SELECT … ON CONFLICT DO NOTHING of the warnings and breaches, one level update, two
// timer updates) from the same starting state, in the same process: the floor. Then the sweep
// runs from that state again. Printed: sweep time (with its delivery part), floor, ratio
// sweep/floor, and the open-count ratio (1k due among 100k open vs among 1k open).
// Targets (issue 10): 1k due ≤ 10× the floor on PostgreSQL, 10k due ≤ 1.5 s, open-count ratio ≤ 1.2×.
// A measurement, not a test.
import { spawnSync } from 'node:child_process';
import { createTestDatabase, directusTestEnv } from '../tests/setup/directus-env';
import { freePort, runCli, snapshotExtensions } from '../tests/setup/global-setup';

const RECORDS = 10_000;
const OPEN_LARGE = 100_000;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

const only = process.argv.indexOf('--only');
if (only === -1) {
	const wanted = process.argv.slice(2).filter((a) => a === 'sqlite' || a === 'pg');
	for (const db of wanted.length ? wanted : ['sqlite', 'pg']) {
		const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--only', db], { stdio: 'inherit', env: process.env });
		if (child.status !== 0) console.error(`[bench:sweep] ${db}: failed (exit ${child.status})`);
	}
	process.exit(0);
}

const db = process.argv[only + 1] === 'pg' ? 'pg' : 'sqlite';
process.env['DB_CLIENT'] = db === 'pg' ? 'pg' : 'sqlite3';
const database = await createTestDatabase('bench');
try {
	await bench();
} finally {
	await database.drop();
}

async function bench() {
	const env = directusTestEnv(database, await freePort(), { EXTENSIONS_PATH: snapshotExtensions(), LOG_LEVEL: 'error' });
	runCli(['bootstrap'], env);
	runCli(['after-sales', 'install'], env);
	Object.assign(process.env, env);

	const { default: getDatabase } = await import('@directus/api/database/index');
	const { getSchema } = await import('@directus/api/utils/get-schema');
	const services = await import('@directus/api/services/index');
	const { runSweep } = await import('../extensions/after-sales/src/api/sla/run-sweep');
	const { syncOpenRecords } = await import('../extensions/after-sales/src/api/sla/sync-timers');
	const knex = getDatabase();
	const quiet = { info: () => {}, warn: () => {}, debug: () => {}, error: (...a: unknown[]) => console.error(...a) };
	const ctx = { services: services as never, database: knex, getSchema: getSchema as never, env: process.env as Record<string, unknown>, logger: quiet };

	const admin = (await knex('directus_users').first('id')).id as string;
	const received = new Date(Date.now() - 3 * 3_600_000).toISOString();
	const complaints = Array.from({ length: RECORDS }, (_, i) => ({
		received_at: received, channel: 'phone', recorder: admin, category: 'quality', severity: 'normal', status: 'received',
		handling_level: 1, description: `bench complaint ${i}`, history: '[]',
	}));
	for (let i = 0; i < complaints.length; i += 200) await knex('complaints').insert(complaints.slice(i, i + 200));
	const ids = (await knex('complaints').where('description', 'like', 'bench complaint %').orderBy('id').select('id')).map((r: { id: number }) => String(r.id));
	await syncOpenRecords(ctx as never);
	const future = new Date(Date.now() + 7 * 86_400_000).toISOString();

	/**
	 * The starting state of a case: `due` records whose first-response milestone is due now, the
	 * other bench records' first-response clocks open but not due (or parked when `parkOthers`),
	 * every other clock parked. Timers are restored, not recomputed, so each run starts the same.
	 */
	const snapshot: Record<string, unknown>[] = await knex('sla_timers').where({ collection: 'complaints', item: ids[0] }).select('*');
	const reset = async (due: number, parkOthers: boolean) => {
		await knex('escalations').delete();
		await knex('directus_notifications').delete();
		await knex('complaints').whereIn('id', ids).update({ handling_level: 1 });
		await knex('sla_timers').where({ collection: 'complaints' }).update({ state: 'running', level: 1, warned_at: null, breached_at: null, next_check_at: null });
		const dueIds = ids.slice(0, due);
		for (const timer of snapshot) {
			for (let i = 0; i < dueIds.length; i += 1_000) {
				await knex('sla_timers').where({ collection: 'complaints', milestone: timer['milestone'] }).whereIn('item', dueIds.slice(i, i + 1_000))
					.update({ next_check_at: timer['next_check_at'], due_at: timer['due_at'], warn_at: timer['warn_at'] });
			}
		}
		if (!parkOthers) {
			const rest = ids.slice(due);
			for (let i = 0; i < rest.length; i += 1_000) {
				await knex('sla_timers').where({ collection: 'complaints', milestone: 'first_response' }).whereIn('item', rest.slice(i, i + 1_000)).update({ next_check_at: future });
			}
		}
		if (db === 'pg') await knex.raw('analyze sla_timers');
	};
	const openCount = async () => Number((await knex('sla_timers').whereNotNull('next_check_at').count({ n: '*' }))[0]!.n);
	const dueCount = async (at: Date) => Number((await knex('sla_timers').where('next_check_at', '<=', at.toISOString()).count({ n: '*' }))[0]!.n);
	const escalationCount = async () => Number((await knex('escalations').count({ n: '*' }))[0]!.n);

	/** The same escalations as hand-written set-based SQL: the floor. */
	const floor = async (now: Date) => {
		const at = now.toISOString();
		const started = performance.now();
		await knex.transaction(async (trx) => {
			await trx.raw(
				`insert into escalations (escalation_key, kind, collection, item, milestone, milestone_label, level, timer, due_at, occurred_at, message, notified_users, deliveries, next_delivery_at)
				 select t.collection || ':' || t.item || ':' || t.milestone || ':L' || (t.level + k.up) || ':' || k.kind, k.kind, t.collection, t.item, t.milestone, t.milestone_label,
				        t.level + k.up, t.id, t.due_at, ?, k.kind || ': ' || t.milestone_label, '[]', '[]', null
				 from sla_timers t cross join (select 'warning' as kind, 0 as up union all select 'breach', 1) k
				 where t.next_check_at <= ?
				 on conflict (escalation_key) do nothing`,
				[at, at],
			);
			await trx.raw(`update complaints set handling_level = handling_level + 1 where id in (select cast(item as integer) from sla_timers where collection = 'complaints' and next_check_at <= ?)`, [at]);
			await trx.raw(`update sla_timers set level = level + 1 where collection = 'complaints' and state <> 'fulfilled' and item in (select item from sla_timers where collection = 'complaints' and next_check_at <= ?)`, [at]);
			await trx.raw(`update sla_timers set state = 'breached', warned_at = ?, breached_at = ?, next_check_at = null where next_check_at <= ?`, [at, at, at]);
		});
		return performance.now() - started;
	};

	const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
	type Result = { label: string; open: number; due: number; sweep: number; deliver: number; floor: number; escalations: number; floorEscalations: number; failed: number };
	const measure = async (label: string, due: number, parkOthers: boolean): Promise<Result> => {
		const sweeps: number[] = [];
		const delivers: number[] = [];
		const floors: number[] = [];
		let open = 0;
		let dueTimers = 0;
		let escalations = 0;
		let floorEscalations = 0;
		let failed = 0;
		for (let run = 0; run < RUNS; run++) {
			await reset(due, parkOthers);
			const now = new Date();
			open = await openCount();
			dueTimers = await dueCount(now);
			floors.push(await floor(now));
			floorEscalations = await escalationCount();
			await reset(due, parkOthers);
			const started = performance.now();
			const report = await runSweep(ctx as never, now);
			sweeps.push(performance.now() - started);
			delivers.push(report.deliver_ms);
			escalations = await escalationCount();
			failed = report.failed_records;
		}
		const result = { label, open, due: dueTimers, sweep: median(sweeps), deliver: median(delivers), floor: median(floors), escalations, floorEscalations, failed };
		console.log(line(result));
		return result;
	};

	await reset(1_000, true);
	await runSweep(ctx as never); // warm-up: schema, prepared statements, JIT
	const small = await measure('1k due, few open', 1_000, true);

	const filler = OPEN_LARGE - RECORDS;
	const later = Date.now() + 86_400_000;
	// 250 rows per insert: SQLite allows at most 500 terms in the compound SELECT knex writes.
	for (let i = 0; i < filler; i += 250) {
		const rows = Array.from({ length: Math.min(250, filler - i) }, (_, j) => {
			const n = i + j;
			const due = new Date(later + (n % 10_000) * 60_000).toISOString();
			return {
				timer_key: `complaints:filler-${n}:reply`, collection: 'complaints', item: `filler-${n}`, milestone: 'reply', milestone_label: 'filler', clock: '24x7',
				state: 'running', level: 1, started_at: new Date().toISOString(), warn_at: due, due_at: due, next_check_at: due, paused_minutes: 0,
			};
		});
		await knex('sla_timers').insert(rows);
	}
	// Filler rows are other records' clocks: the bench records' reset must not touch them.
	await knex('sla_timers').where('item', 'like', 'filler-%').update({ collection: 'service_requests' });
	const large = await measure('1k due, 100k open', 1_000, false);
	const huge = await measure('10k due, 100k open', 10_000, false);

	function line(r: Result) {
		return `  ${r.label.padEnd(20)} open ${String(r.open).padStart(6)} · due ${String(r.due).padStart(5)} → sweep ${r.sweep.toFixed(0).padStart(5)} ms (of which delivery ${r.deliver.toFixed(0)} ms) · floor ${r.floor.toFixed(0).padStart(4)} ms · ratio ${(r.sweep / r.floor).toFixed(1)}× · escalations ${r.escalations} (floor ${r.floorEscalations}) · failed ${r.failed}`;
	}
	console.log(`\n[bench:sweep] ${db === 'pg' ? 'PostgreSQL' : 'SQLite'} (median of ${RUNS} runs)`);
	for (const r of [small, large, huge]) console.log(line(r));
	console.log(`  open-count ratio (1k due among 100k vs 1k open): ${(large.sweep / small.sweep).toFixed(2)}× (target ≤ 1.2×)`);
	console.log(`  targets: 1k due ≤ 10× floor on PostgreSQL → ${(large.sweep / large.floor).toFixed(1)}×; 10k due ≤ 1500 ms → ${huge.sweep.toFixed(0)} ms\n`);
	await knex.destroy();
}
