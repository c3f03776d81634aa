// `npm run bench:sweep [-- sqlite|pg]`: the deadline sweep (ESC-2..4) against a real Directus
// database with 1k due timers, once with 1k open timers and once with 100k open timers. The sweep
// reads only `next_check_at <= now` (indexed), so the second run should cost about the same:
// target ≤ 1 s and a ratio ≤ 2×. A measurement, not a test. Each database runs in its own process
// because Directus reads its environment once.
import { spawnSync } from 'node:child_process';
import { createTestDatabase, directusTestEnv } from '../tests/setup/directus-env';
import { freePort, runCli, snapshotExtensions } from '../tests/setup/global-setup';

const DUE = 1_000;
const OPEN_LARGE = 100_000;

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
	const complaints = Array.from({ length: DUE }, (_, i) => ({
		received_at: received, channel: 'phone', recorder: admin, category: 'quality', severity: 'normal', status: 'received',
		handling_level: 1, description: `bench complaint ${i}`, history: '[]',
	}));
	for (let i = 0; i < complaints.length; i += 100) await knex('complaints').insert(complaints.slice(i, i + 100));

	/** 1k records whose first-response milestone is due now; their other clocks are parked so only the 1k count as open. */
	const prepare = async () => {
		await knex('escalations').delete();
		await knex('directus_notifications').delete();
		await knex('complaints').update({ handling_level: 1 });
		await knex('sla_timers').where('item', 'not like', 'filler-%').delete();
		await syncOpenRecords(ctx as never);
		await knex('sla_timers').where('item', 'not like', 'filler-%').whereNot('milestone', 'first_response').update({ next_check_at: null });
	};
	const openCount = async () => Number((await knex('sla_timers').whereNotNull('next_check_at').count({ n: '*' }))[0]!.n);
	const dueCount = async () => Number((await knex('sla_timers').where('next_check_at', '<=', new Date().toISOString()).count({ n: '*' }))[0]!.n);

	await runSweep(ctx as never); // warm-up: schema, prepared statements, JIT
	const measure = async () => {
		await prepare();
		const open = await openCount();
		const due = await dueCount();
		const queries = new Map<string, number>();
		const count = (q: { sql: string }) => {
			const key = q.sql.replace(/\s+/g, ' ').slice(0, 60);
			queries.set(key, (queries.get(key) ?? 0) + 1);
		};
		if (process.env['BENCH_QUERIES']) knex.on('query', count);
		const started = performance.now();
		const report = await runSweep(ctx as never);
		if (process.env['BENCH_QUERIES']) {
			knex.off('query', count);
			console.log([...queries].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, n]) => `${String(n).padStart(6)} ${k}`).join('\n'));
		}
		const ms = performance.now() - started;
		return { open, due, ms, report };
	};

	const small = await measure();
	const later = Date.now() + 86_400_000;
	const filler = OPEN_LARGE - small.open;
	for (let i = 0; i < filler; i += 500) {
		const rows = Array.from({ length: Math.min(500, filler - i) }, (_, j) => {
			const n = i + j;
			const due = new Date(later + (n % 10_000) * 60_000).toISOString();
			return {
				timer_key: `complaints:filler-${n}:reply`, collection: 'complaints', item: `filler-${n}`, milestone: 'reply', milestone_label: 'filler', clock: '24x7',
				state: 'running', level: 1, started_at: new Date().toISOString(), warn_at: due, due_at: due, next_check_at: due, paused_minutes: 0,
			};
		});
		await knex('sla_timers').insert(rows);
	}
	const large = await measure();

	const line = (label: string, r: typeof small) =>
		`  ${label.padEnd(14)} open ${String(r.open).padStart(6)} · due ${String(r.due).padStart(5)} → ${r.ms.toFixed(0).padStart(6)} ms (warnings ${r.report.warnings}, breaches ${r.report.breaches}, deliveries ${r.report.deliveries_sent}, failed records ${r.report.failed_records})`;
	console.log(`\n[bench:sweep] ${db === 'pg' ? 'PostgreSQL' : 'SQLite'}`);
	console.log(line('1k open', small));
	console.log(line('100k open', large));
	console.log(`  ratio 100k/1k open at ${large.due} due: ${(large.ms / small.ms).toFixed(2)}× (target ≤ 2×; sweep target ≤ 1000 ms)\n`);
	await knex.destroy();
}
