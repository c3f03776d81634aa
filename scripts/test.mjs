// `npm test`: unit tests and integration tests against a real Directus (SQLite by default,
// PostgreSQL with DB_CLIENT=pg), always under the Node 22 that runs Directus.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, brokenAddons, ensureNode22, fail, withNodeOnPath } from './runtime.mjs';

ensureNode22(import.meta.url);
const broken = brokenAddons(process.execPath);
if (broken.length > 0) fail(`Native addons do not load in Node ${process.versions.node}: ${broken.map((b) => b.name).join(', ')}. Run \`npm install\` again.`);
if (!existsSync(join(ROOT, 'extensions', 'after-sales', 'dist', 'api.js'))) {
	const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-extension.mjs')], { cwd: ROOT, stdio: 'inherit', env: withNodeOnPath(process.env) });
	if (built.status !== 0) fail('Building the extension failed (see above).');
}

const args = process.argv.slice(2);
const project = args[0] === 'unit' || args[0] === 'integration' ? ['--project', args.shift()] : [];
const report = join(mkdtempSync(join(tmpdir(), 'as-vitest-')), 'results.json');
const result = spawnSync(
	process.execPath,
	[join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
	{ cwd: ROOT, stdio: 'inherit', env: withNodeOnPath({ ...process.env, TZ: process.env.TZ ?? 'UTC' }) },
);

// A plain closing line that any CI can read, whatever the runner prints.
if (existsSync(report)) {
	const { numPassedTests = 0, numFailedTests = 0, numPendingTests = 0, numTodoTests = 0 } = JSON.parse(readFileSync(report, 'utf8'));
	console.log(`\n${process.env.DB_CLIENT === 'pg' ? 'postgres' : process.env.DB_CLIENT === 'mysql' ? 'mysql' : 'sqlite'}: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
}
process.exit(result.status ?? 1);
