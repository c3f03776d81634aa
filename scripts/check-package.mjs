// `npm run check:package`: what an admin gets from npm. Packs extensions/after-sales, installs the
// tarball with npm into a scratch Directus project (this repository's Directus, a throwaway
// SQLite database, no extensions folder), runs the pack's install through the Directus CLI, starts
// Directus and checks that the bundle's endpoint, portal and lazily loaded XLSX export answer.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIRECTUS_CLI, ROOT, ensureNode22, fail, withNodeOnPath } from './runtime.mjs';

ensureNode22(import.meta.url);
const step = (line) => console.log(`[check-package] ${line}`);
const npm = (args, cwd) => {
	const npmCli = process.env.npm_execpath;
	const result = npmCli
		? spawnSync(process.execPath, [npmCli, ...args], { cwd, encoding: 'utf8' })
		: spawnSync('npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
	if (result.status !== 0) fail(`npm ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
};

const work = mkdtempSync(join(tmpdir(), 'as-package-'));
npm(['pack', '--pack-destination', work], join(ROOT, 'extensions', 'after-sales'));
const tarball = join(
	work,
	readdirSync(work).find((name) => name.endsWith('.tgz')),
);
step(`packed ${tarball}`);

const project = join(work, 'project');
// A project as `npm init directus-project` leaves it: package.json, an empty extensions folder, uploads.
for (const dir of ['extensions', 'uploads']) mkdirSync(join(project, dir), { recursive: true });
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch-directus-project', private: true, dependencies: {} }, null, 2));
npm(['install', tarball, '--no-audit', '--no-fund'], project);
step(`installed into ${project} with npm`);

const port = await new Promise((resolve) => {
	const srv = createServer().listen(0, '127.0.0.1', () => {
		const { port: free } = srv.address();
		srv.close(() => resolve(free));
	});
});
const admin = { email: 'admin@example.com', password: 'check-package-password' };
const env = withNodeOnPath({
	...process.env,
	DB_CLIENT: 'sqlite3',
	DB_FILENAME: join(work, 'directus.db'),
	KEY: 'check-package-key',
	SECRET: 'check-package-secret-0123456789abcdef',
	ADMIN_EMAIL: admin.email,
	ADMIN_PASSWORD: admin.password,
	HOST: '127.0.0.1',
	PORT: String(port),
	PUBLIC_URL: `http://127.0.0.1:${port}`,
	EXTENSIONS_PATH: join(project, 'extensions'),
	EXTENSIONS_MUST_LOAD: 'true',
	EXTENSIONS_AUTO_RELOAD: 'false',
	STORAGE_LOCATIONS: 'local',
	STORAGE_LOCAL_ROOT: join(project, 'uploads'),
	TELEMETRY: 'false',
	LOG_LEVEL: 'warn',
	LOG_STYLE: 'raw',
	WEBSOCKETS_ENABLED: 'false',
	AFTER_SALES_SWEEP_CRON: 'off',
});
const cli = (args) => {
	const result = spawnSync(process.execPath, [DIRECTUS_CLI, ...args], { cwd: project, env, encoding: 'utf8' });
	if (result.status !== 0) fail(`directus ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
};
cli(['bootstrap']);
cli(['after-sales', 'install']);
step('directus bootstrap and directus after-sales install passed');

const server = spawn(process.execPath, [DIRECTUS_CLI, 'start'], { cwd: project, env, stdio: ['ignore', 'inherit', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
try {
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`Directus exited with ${server.exitCode}`);
		const up = await fetch(`${base}/server/ping`).then(
			(r) => r.ok,
			() => false,
		);
		if (up) break;
		if (Date.now() > deadline) throw new Error('Directus did not answer /server/ping within 120 s');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) }).then(
		(r) => r.json(),
	);
	const auth = { authorization: `Bearer ${login.data.access_token}` };
	const checks = [
		[
			'GET /after-sales/reports/summary (endpoint)',
			`${base}/after-sales/reports/summary?period=month&at=2026-01`,
			(r, body) => r.status === 200 && JSON.parse(body.toString()).data !== undefined,
		],
		[
			'GET /after-sales/reports/summary?format=xlsx (dist/exceljs.js)',
			`${base}/after-sales/reports/summary?period=month&at=2026-01&format=xlsx`,
			(r, body) => r.status === 200 && body.subarray(0, 2).toString() === 'PK',
		],
		['GET /after-sales/portal/ (dist/portal)', `${base}/after-sales/portal/`, (r, body) => r.status === 200 && body.toString().includes('<div id="app"')],
	];
	let failed = 0;
	for (const [label, url, ok] of checks) {
		const response = await fetch(url, { headers: auth });
		const body = Buffer.from(await response.arrayBuffer());
		const passed = ok(response, body);
		if (!passed) failed++;
		step(`${passed ? 'ok  ' : 'FAIL'} ${label}: ${response.status}${passed ? '' : ` ${body.toString().slice(0, 300)}`}`);
	}
	if (failed > 0) throw new Error(`${failed} check(s) failed`);
	step('the npm-installed bundle loads and answers');
} catch (error) {
	server.kill('SIGTERM');
	fail(`[check-package] ${error.message} (scratch project kept in ${work})`);
}
server.kill('SIGTERM');
await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.on('exit', resolve)));
rmSync(work, { recursive: true, force: true });
