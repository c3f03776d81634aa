// Builds the after-sales bundle (hook + endpoint → dist/api.js, panels + portal → dist/app.js).
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureNode22, withNodeOnPath } from './runtime.mjs';

ensureNode22(import.meta.url);
const cli = join(ROOT, 'node_modules', '@directus', 'extensions-sdk', 'cli.js');
// Under a lock, so a test run never copies a half-written dist/ (see tests/setup/global-setup.ts).
const lock = join(tmpdir(), 'after-sales-build.lock');
const result = spawnSync('flock', [lock, process.execPath, cli, 'build', '--no-minify', ...process.argv.slice(2)], {
	cwd: join(ROOT, 'extensions', 'after-sales'),
	stdio: 'inherit',
	env: withNodeOnPath(process.env),
});
process.exit(result.status ?? 1);
