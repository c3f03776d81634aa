// `npm run bench:<name>` / `node scripts/bench.mjs <name> [args…]`: runs bench/<name>.ts under the
// provisioned Node 22 (tsx resolves the TypeScript imports of the extension's sources). Benchmarks
// are measurements, not tests: they print figures and exit 0 unless they crash.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureNode22, fail, withNodeOnPath } from './runtime.mjs';

ensureNode22(import.meta.url);
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z0-9-]+$/.test(name)) fail('usage: node scripts/bench.mjs <name> [args…]  (runs bench/<name>.ts)');
const file = join(ROOT, 'bench', `${name}.ts`);
if (!existsSync(file)) fail(`no benchmark bench/${name}.ts`);
const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), file, ...args], {
	cwd: ROOT,
	stdio: 'inherit',
	env: withNodeOnPath({ ...process.env, TZ: process.env.TZ ?? 'UTC' }),
});
process.exit(result.status ?? 1);
