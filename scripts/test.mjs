// `npm test`: unit tests and integration tests against a real Directus (SQLite by default,
// PostgreSQL with DB_CLIENT=pg), always under the Node 22 that runs Directus.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, brokenAddons, ensureNode22, fail, withNodeOnPath } from './runtime.mjs';

ensureNode22(import.meta.url);
const broken = brokenAddons(process.execPath);
if (broken.length > 0) fail(`Native addons do not load in Node ${process.versions.node}: ${broken.map((b) => b.name).join(', ')}. Run \`npm install\` again.`);

const args = process.argv.slice(2);
const project = args[0] === 'unit' || args[0] === 'integration' ? ['--project', args.shift()] : [];
const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...project, ...args], {
	cwd: ROOT,
	stdio: 'inherit',
	env: withNodeOnPath({ ...process.env, TZ: process.env.TZ ?? 'UTC' }),
});
process.exit(result.status ?? 1);
