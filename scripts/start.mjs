// `npm start`: Directus 12 + the after-sales pack on SQLite (or whatever DB_* says), with demo
// data on a new database. Safe to run again on the same database: every step is idempotent.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTUS_CLI, ROOT, brokenAddons, ensureNode22, fail } from './runtime.mjs';
import { directusEnv } from './env.mjs';

ensureNode22(import.meta.url);

const broken = brokenAddons(process.execPath);
if (broken.length > 0) {
	fail(
		`Native addons do not load in Node ${process.versions.node}: ${broken.map((b) => b.name).join(', ')}. Run \`npm rebuild ${broken.map((b) => b.name).join(' ')}\` (or \`npm install\` again) so they are built for this Node.`,
	);
}

const env = directusEnv(process.env);
if (!existsSync(join(ROOT, 'extensions', 'after-sales', 'dist', 'api.js'))) {
	const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-extension.mjs')], { cwd: ROOT, stdio: 'inherit', env });
	if (built.status !== 0) fail('Building the after-sales extension failed (see above).');
}

// One line per step: Directus's own log of a step (migrations, extension loading …) is shown only
// when the step fails; the pack's summary lines (`[after-sales] …`) always.
const cli = (args, done) => {
	const result = spawnSync(process.execPath, [DIRECTUS_CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	if (result.status !== 0) {
		process.stderr.write(output);
		fail(`\`directus ${args.join(' ')}\` failed (see above). Check the DB_* settings in .env.`);
	}
	const summary = output.split(/\r?\n/).filter((line) => line.startsWith('[after-sales]'));
	console.log(summary.length > 0 ? summary.join('\n') : `[after-sales] ${done}`);
};

await (await import('./check-redis.mjs')).assertRedisReachable(env);
console.log(
	`[after-sales] database: ${env.DB_CLIENT}${env.DB_CLIENT === 'sqlite3' ? ` (${env.DB_FILENAME})` : ` (${env.DB_HOST ?? ''}/${env.DB_DATABASE ?? ''})`}`,
);
cli(['bootstrap'], 'Directus system tables and migrations up to date');
cli(['after-sales', 'install', ...(env.AFTER_SALES_DEMO_DATA === 'false' ? [] : ['--seed'])], 'pack installed');

console.log(`[after-sales] starting Directus on ${env.PUBLIC_URL} — sign in as ${env.ADMIN_EMAIL}`);
const server = spawn(process.execPath, [DIRECTUS_CLI, 'start'], { cwd: ROOT, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
