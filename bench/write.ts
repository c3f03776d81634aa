// `npm run bench:write [-- sqlite|pg]`: the write path (issue 10, item 4). Creating a complaint or a
// service request through REST as the admin, on two Directus processes sharing one database and
// schema: one with the pack's hooks, one without any extension. Batches run interleaved (A B B A …)
// so both see the same machine load; printed: median milliseconds per create of each, and the
// ratio with/without. Target ≤ 1.2×. A measurement, not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, createTestDatabase, directusTestEnv } from '../tests/setup/directus-env';
import { freePort, runCli, snapshotExtensions } from '../tests/setup/global-setup';
import { post, signIn, startDirectus } from './directus-process';

const BATCH = Number(process.env['BENCH_BATCH'] ?? 20);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 8);

const only = process.argv.indexOf('--only');
if (only === -1) {
	const wanted = process.argv.slice(2).filter((a) => a === 'sqlite' || a === 'pg');
	for (const db of wanted.length ? wanted : ['sqlite', 'pg']) {
		const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--only', db], { stdio: 'inherit', env: process.env });
		if (child.status !== 0) console.error(`[bench:write] ${db}: failed (exit ${child.status})`);
	}
	process.exit(0);
}

const db = process.argv[only + 1] === 'pg' ? 'pg' : 'sqlite';
process.env['DB_CLIENT'] = db === 'pg' ? 'pg' : 'sqlite3';
const database = await createTestDatabase('write');
const servers: { kill: (s?: NodeJS.Signals) => Promise<void> }[] = [];
try {
	await bench();
} finally {
	for (const s of servers) await s.kill('SIGKILL');
	await database.drop();
}

async function bench() {
	const withPack = directusTestEnv(database, await freePort(), { EXTENSIONS_PATH: snapshotExtensions(), LOG_LEVEL: 'error' });
	runCli(['bootstrap'], withPack);
	runCli(['after-sales', 'install', '--seed'], withPack);
	// The same database and schema, no extension at all: the same create without the pack's hooks.
	const without = { ...withPack, PORT: String(await freePort()), PUBLIC_URL: '', EXTENSIONS_PATH: mkdtempSync(join(tmpdir(), 'as-no-extensions-')), EXTENSIONS_MUST_LOAD: 'false' };
	const a = await startDirectus(withPack);
	servers.push(a);
	const b = await startDirectus(without);
	servers.push(b);
	const tokenA = await signIn(a.url, ADMIN.email, ADMIN.password);
	const tokenB = await signIn(b.url, ADMIN.email, ADMIN.password);
	const me = await (await fetch(`${a.url}/users/me?fields=id`, { headers: { authorization: `Bearer ${tokenA}` } })).json() as { data: { id: string } };

	const payloads = {
		complaints: (i: number) => ({ received_at: new Date(Date.now() - 3_600_000).toISOString(), channel: 'phone', recorder: me.data.id, category: 'quality', severity: 'normal', description: `write bench ${i}` }),
		service_requests: (i: number) => ({ received_at: new Date(Date.now() - 600_000).toISOString(), channel: 'phone', recorder: me.data.id, type: 'repair', problem: `write bench ${i}` }),
	};
	const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
	let n = 0;
	const batch = async (url: string, token: string, collection: keyof typeof payloads) => {
		const started = performance.now();
		for (let i = 0; i < BATCH; i++) {
			const { status, body } = await post(url, token, `/items/${collection}`, payloads[collection](n++));
			if (status !== 200) throw new Error(`create ${collection} on ${url}: ${status} ${JSON.stringify(body)}`);
		}
		return (performance.now() - started) / BATCH;
	};

	console.log(`\n[bench:write] ${db === 'pg' ? 'PostgreSQL' : 'SQLite'}: ${ROUNDS} interleaved rounds of ${BATCH} creates each`);
	for (const collection of ['complaints', 'service_requests'] as const) {
		await batch(a.url, tokenA, collection); // warm-up
		await batch(b.url, tokenB, collection);
		const timesA: number[] = [];
		const timesB: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			if (round % 2 === 0) {
				timesA.push(await batch(a.url, tokenA, collection));
				timesB.push(await batch(b.url, tokenB, collection));
			} else {
				timesB.push(await batch(b.url, tokenB, collection));
				timesA.push(await batch(a.url, tokenA, collection));
			}
		}
		const withMs = median(timesA);
		const withoutMs = median(timesB);
		console.log(`  ${collection.padEnd(17)} with the pack ${withMs.toFixed(1).padStart(6)} ms · without ${withoutMs.toFixed(1).padStart(6)} ms per create → ${(withMs / withoutMs).toFixed(2)}× (target ≤ 1.2×)`);
	}
	console.log('');
}
