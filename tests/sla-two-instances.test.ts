// ESC-1, ESC-4, NTF-3, WTY-8 through crashes: two Directus processes of the pack share one
// PostgreSQL database and one Redis, both sweeping on a 5 s schedule and on demand. One is killed
// with SIGKILL in the middle of a sweep, and one in the middle of a webhook delivery; then the
// survivors must have escalated every due milestone exactly once, given every record its timers
// within a few sweep intervals, shown no in-app notice twice, re-sent a webhook digest at most once
// (with its idempotency key), and posted one ledger credit per claim under concurrent settlement.
// PostgreSQL + Redis only: SQLite cannot be shared by two servers.
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { post, signIn, startDirectus, type DirectusProcess } from '../bench/directus-process';
import { dbClient } from './helpers';
import { ADMIN, createTestDatabase, directusTestEnv, type TestDatabase } from './setup/directus-env';
import { freePort, runCli, snapshotExtensions } from './setup/global-setup';
import { waitFor } from './sla-helpers';

const REDIS = process.env['TEST_REDIS'] ?? 'redis://127.0.0.1:6379';
const onPg = dbClient() === 'pg';
const SKIP_REASON = 'needs PostgreSQL + Redis (run with DB_CLIENT=pg): SQLite cannot be shared by two Directus processes';

type Hit = { key: string | undefined; body: any };

// Part of `DB_CLIENT=pg npm test` (and so of CI): about two minutes. AFTER_SALES_TWO_INSTANCES=0 leaves it out of a local run.
const enabled = onPg && process.env['AFTER_SALES_TWO_INSTANCES'] !== '0';
describe.skipIf(!enabled)('two instances on PostgreSQL + Redis, killed mid-sweep and mid-delivery (ESC-1, ESC-4, NTF-3, WTY-8)', () => {
	let database: TestDatabase;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped rows of ad-hoc queries
	let client: any;
	let env: Record<string, string>;
	const instances: DirectusProcess[] = [];
	let sink: Server;
	const hits: Hit[] = [];
	let holding = false;
	const held: ServerResponse[] = [];
	let heldFrom: number | null = null;

	const start = async (name: string) => {
		const port = await freePort();
		const instance = await startDirectus({ ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
		instances.push(instance);
		return instance;
	};
	/** The pid of the local process holding the TCP connection from `port` (the client end). */
	const pidOfPort = (port: number): number | null => {
		const out = execFileSync('ss', ['-Htnp', 'src', `127.0.0.1:${port}`], { encoding: 'utf8' });
		const match = out.match(/pid=(\d+)/);
		return match ? Number(match[1]) : null;
	};
	const complaintsOf = async (tag: string) => (await client.query(`select id from complaints where description like $1 order by id`, [`${tag}%`])).rows.map((r: { id: number }) => String(r.id));

	beforeAll(async () => {
		const { checkRedis } = await import('../scripts/check-redis.mjs' as string);
		const problem = await checkRedis({ REDIS });
		if (problem) throw new Error(problem);
		database = await createTestDatabase('two');
		const sinkPort = await freePort();
		sink = createServer((req: IncomingMessage, res: ServerResponse) => {
			let text = '';
			req.on('data', (c) => (text += c));
			req.on('end', () => {
				hits.push({ key: req.headers['x-idempotency-key'] as string | undefined, body: JSON.parse(text || 'null') });
				if (holding) {
					heldFrom ??= req.socket.remotePort ?? null;
					held.push(res);
					return;
				}
				res.setHeader('content-type', 'application/json');
				res.end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => sink.listen(sinkPort, '127.0.0.1', () => resolve()));
		env = directusTestEnv(database, 0, {
			EXTENSIONS_PATH: snapshotExtensions(), LOG_LEVEL: 'error',
			REDIS, SYNCHRONIZATION_STORE: 'redis', SYNCHRONIZATION_NAMESPACE: `as-two-${process.pid}`, MESSENGER_STORE: 'redis', MESSENGER_NAMESPACE: `as-two-${process.pid}`,
			AFTER_SALES_SWEEP_CRON: '*/5 * * * * *', AFTER_SALES_DELIVERY_LEASE_SECONDS: '5',
		});
		runCli(['bootstrap'], env);
		runCli(['after-sales', 'install', '--seed'], env);
		client = new pg.Client({ host: env['DB_HOST'], port: Number(env['DB_PORT']), user: env['DB_USER'], password: env['DB_PASSWORD'], database: env['DB_DATABASE'] });
		await client.connect();
		await client.query(`update service_settings set notification_channels = $1`, [JSON.stringify({ in_app: true, email: false, webhooks: [{ name: 'sink', url: `http://127.0.0.1:${sinkPort}/hook`, format: 'json' }] })]);
		// Escalations of the seed are not this test's business: only records made here are due.
		await client.query(`update sla_timers set next_check_at = null`);
		await Promise.all([start('a'), start('b')]);
	}, 180_000);

	afterAll(async () => {
		for (const res of held) res.destroy();
		for (const instance of instances) await instance.kill('SIGKILL');
		await client?.end();
		await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
		await database?.drop();
	});

	test('ESC-1, ESC-4: when one instance is killed mid-sweep, then the other gives every record its timers and escalates each due milestone exactly once', async () => {
		const [a, b] = instances as [DirectusProcess, DirectusProcess];
		const [tokenA, tokenB] = await Promise.all([signIn(a.url, ADMIN.email, ADMIN.password), signIn(b.url, ADMIN.email, ADMIN.password)]);
		const me = (await (await fetch(`${a.url}/users/me?fields=id`, { headers: { authorization: `Bearer ${tokenA}` } })).json()).data.id;
		const received = new Date(Date.now() - 3 * 3_600_000).toISOString();
		// Committed without timers, as when an instance dies between the commit and its after-commit sync.
		await client.query(
			`insert into complaints (received_at, channel, recorder, category, severity, status, handling_level, description, history, date_created)
			 select $1, 'phone', $2, 'quality', 'normal', 'received', 1, 'two-lost ' || n, '[]', now() from generate_series(1, 300) n`,
			[received, me],
		);
		// And through REST on both instances, while both sweep.
		const create = (url: string, token: string, n: number) => post(url, token, '/items/complaints', { received_at: received, channel: 'phone', recorder: me, category: 'quality', severity: 'normal', description: `two-rest ${n}` });
		// A sweeps on demand, again and again, while both create and B's schedule sweeps too.
		let killed = false;
		const sweeping = (async () => {
			while (!killed) await post(a.url, tokenA, '/after-sales/sla/sweep', {}).catch(() => null);
		})();
		const created = await Promise.all(Array.from({ length: 20 }, (_, n) => create(n % 2 ? a.url : b.url, n % 2 ? tokenA : tokenB, n)));
		expect(created.map((c) => c.status)).toEqual(Array(20).fill(200));
		// Kill A while one of its sweep statements runs (its connection is found by its client port).
		const aPid = a.child.pid!;
		await waitFor('a sweep statement of instance A', async () => {
			const { rows } = await client.query(`select client_port from pg_stat_activity where datname = current_database() and state = 'active' and (query ilike '%skip locked%' or query ilike '%json_to_recordset%' or query ilike '%insert into "escalations"%')`);
			return rows.some((r: any) => pidOfPort(Number(r.client_port)) === aPid);
		}, 3000, 5);
		await a.kill('SIGKILL');
		killed = true;
		await sweeping;

		const ids = [...(await complaintsOf('two-lost')), ...(await complaintsOf('two-rest'))];
		expect(ids).toHaveLength(320);
		// B's schedule (every 5 s) repairs and escalates; allow a few intervals on a loaded machine.
		await waitFor('timers and escalations of every record', async () => {
			const { rows } = await client.query(
				`select (select count(distinct item) from sla_timers where collection = 'complaints' and item = any($1)) as timed,
				        (select count(*) from escalations where collection = 'complaints' and item = any($1) and milestone = 'first_response') as escalated`,
				[ids],
			);
			return Number(rows[0].timed) === ids.length && Number(rows[0].escalated) === 2 * ids.length;
		}, 120, 250);
		const { rows: timers } = await client.query(`select item, count(*) as n from sla_timers where collection = 'complaints' and item = any($1) group by item`, [ids]);
		expect(timers.every((t: any) => Number(t.n) === 3)).toBe(true);
		const { rows: log } = await client.query(`select item, milestone, kind, count(*) as n from escalations where item = any($1) group by item, milestone, kind`, [ids]);
		expect(log.filter((r: any) => Number(r.n) !== 1)).toEqual([]);
		expect(log.filter((r: any) => r.milestone === 'first_response')).toHaveLength(2 * ids.length);
		const { rows: levels } = await client.query(`select count(*) as n from complaints where id::text = any($1) and handling_level = 2`, [ids]);
		expect(Number(levels[0].n)).toBe(ids.length);
	}, 150_000);

	test('NTF-3: when an instance is killed mid-delivery, then the survivor takes the lease over, no in-app notice is doubled, and a webhook digest is re-sent at most once with its key', async () => {
		const restarted = await start('a2');
		const survivors = instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
		expect(survivors).toHaveLength(2);
		const tokens = await Promise.all(survivors.map((i) => signIn(i.url, ADMIN.email, ADMIN.password)));
		// New due records; whoever delivers their notices first is held at the webhook and killed there.
		holding = true;
		const me = (await client.query(`select id from directus_users where email = $1`, [ADMIN.email])).rows[0].id;
		await client.query(
			`insert into complaints (received_at, channel, recorder, category, severity, status, handling_level, description, history, date_created)
			 select $1, 'phone', $2, 'quality', 'normal', 'received', 1, 'two-late ' || n, '[]', now() from generate_series(1, 100) n`,
			[new Date(Date.now() - 3 * 3_600_000).toISOString(), me],
		);
		await Promise.all(survivors.map((i, n) => post(i.url, tokens[n]!, '/after-sales/sla/sweep', {}).catch(() => null)).map((p) => Promise.race([p, new Promise((r) => setTimeout(r, 500))])));
		await waitFor('a held webhook delivery', async () => heldFrom !== null, 400, 50);
		const pid = pidOfPort(heldFrom!);
		const victim = survivors.find((i) => i.child.pid === pid);
		expect(victim, `the held request came from pid ${pid}`).toBeTruthy();
		await victim!.kill('SIGKILL');
		holding = false;
		// Requests of the survivor held meanwhile are answered; the victim's sockets are gone anyway.
		for (const res of held.splice(0)) if (!res.writableEnded) res.end('{"ok":true}');
		const survivor = survivors.find((i) => i !== victim)!;
		void restarted;

		// The lease (5 s here, 2 min by default) runs out and the survivor's schedule sends what is left.
		await waitFor('every delivery sent', async () => {
			// This test's records only: the seed's business-time notices wait for working hours (CAL-2).
			const { rows } = await client.query(`select count(*) as n from escalations where next_delivery_at is not null and collection = 'complaints' and item in (select id::text from complaints where description like 'two-%')`);
			return Number(rows[0].n) === 0;
		}, 160, 250).catch(async (error) => {
			const { rows } = await client.query(`select escalation_key, next_delivery_at, deliveries from escalations where next_delivery_at is not null and collection = 'complaints' and item in (select id::text from complaints where description like 'two-%') limit 3`);
			throw new Error(`${error.message}: ${JSON.stringify(rows)}; now ${new Date().toISOString()}`);
		});
		const { rows: escalations } = await client.query(`select escalation_key, deliveries from escalations where collection = 'complaints' and item in (select id::text from complaints where description like 'two-%')`);
		const deliveries: any[] = escalations.flatMap((e: any) => (typeof e.deliveries === 'string' ? JSON.parse(e.deliveries) : e.deliveries as any[]).map((d: any) => ({ ...d, escalation: e.escalation_key })));
		expect(deliveries.filter((d) => d.status !== 'sent')).toEqual([]);

		// Webhooks: every notice arrived, none more than twice (one re-send per crash), every request keyed.
		const webhookKeys = deliveries.filter((d) => d.channel === 'webhook:sink').map((d) => d.key);
		const received = new Map<string, number>();
		for (const hit of hits) {
			expect(hit.key).toBeTruthy();
			expect(hit.body.idempotency_key).toBe(hit.key);
			for (const e of hit.body.escalations) received.set(e.delivery_key, (received.get(e.delivery_key) ?? 0) + 1);
		}
		expect(webhookKeys.filter((k) => !received.has(k))).toEqual([]);
		expect([...received].filter(([, n]) => n > 2)).toEqual([]);

		// In-app: each (escalation, recipient) is listed in at most one notice of that recipient's inbox.
		const ours = new Set<string>((await client.query(`select id::text as id from complaints where description like 'two-%'`)).rows.map((r: { id: string }) => r.id));
		const { rows: notices } = await client.query(`select recipient, message from directus_notifications`);
		const seen = new Map<string, number>();
		for (const n of notices) {
			for (const line of String(n.message).split('\n')) {
				// Complaint lines only: the seed's service requests share item numbers with these complaints.
				// A notice is in its recipient's language (NTF-1): Chinese, English or both.
				const what = line.match(/^(?:- )?(?:【|\[)((?:超时|预警)?(?: ?(?:Breach|Warning))?(?: →)? L\d)(?:】|\] )\[?(?:投诉(?: complaint)?|complaint) #(\d+).*?· ([^·]+)/);
				if (what && ours.has(what[2]!)) seen.set(`${n.recipient}|${what[1]}|${what[2]}|${what[3]!.trim()}`, (seen.get(`${n.recipient}|${what[1]}|${what[2]}|${what[3]!.trim()}`) ?? 0) + 1);
			}
		}
		expect([...seen].filter(([, count]) => count > 1)).toEqual([]);
		const inApp = deliveries.filter((d) => d.channel === 'in_app');
		expect(inApp.length).toBeGreaterThan(0);
		expect(seen.size).toBe(inApp.length);
		expect(survivor.child.exitCode).toBeNull();
	}, 150_000);

	test('WTY-8: when a dealer confirms the same write-off on both instances at once, then exactly one ledger credit is posted', async () => {
		const alive = instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
		const { rows } = await client.query(
			`select c.id, u.email from warranty_claims c join directus_users u on u.dealer = c.dealer where c.status = 'approved' and u.email like 'dealer%@example.com' order by c.id limit 1`,
		);
		expect(rows.length, 'the demo seed has an approved claim of a demo dealer').toBe(1);
		const [{ id, email }] = rows;
		const tokens = await Promise.all(alive.map((i) => signIn(i.url, email, 'service-demo')));
		const results = await Promise.all(Array.from({ length: 12 }, (_, n) => post(alive[n % alive.length]!.url, tokens[n % alive.length]!, `/after-sales/dealer/claims/${id}/confirm-writeoff`, {})));
		expect(results.some((r) => r.status === 200), JSON.stringify(results.map((r) => r.status))).toBe(true);
		expect(results.every((r) => r.status < 500), JSON.stringify(results.map((r) => [r.status, r.body?.errors?.[0]?.message]))).toBe(true);
		const { rows: credits } = await client.query(`select count(*) as n from dealer_ledger where claim = $1 and entry_type = 'warranty_credit'`, [id]);
		expect(Number(credits[0].n)).toBe(1);
	}, 60_000);
});

describe.skipIf(enabled)('two instances', () => {
	test.skip(`ESC-4: two instances killed mid-sweep and mid-delivery: skipped, ${onPg ? 'left out with AFTER_SALES_TWO_INSTANCES=0' : SKIP_REASON}`, () => {});
});
