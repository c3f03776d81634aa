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
if (result.status !== 0) process.exit(result.status ?? 1);
// The dealer/technician portal (a standalone Vue page) into dist/portal/, under the same lock.
const portal = spawnSync('flock', [lock, process.execPath, join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'extensions', 'after-sales', 'src', 'app', 'portal', 'vite.config.mjs')], {
	cwd: ROOT,
	stdio: 'inherit',
	env: withNodeOnPath(process.env),
});
process.exit(portal.status ?? 1);
