// Builds the after-sales bundle (hook + endpoint → dist/api.js, panels + portal → dist/app.js).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureNode22, withNodeOnPath } from './runtime.mjs';

ensureNode22(import.meta.url);
const cli = join(ROOT, 'node_modules', '@directus', 'extensions-sdk', 'cli.js');
const result = spawnSync(process.execPath, [cli, 'build', '--no-minify', ...process.argv.slice(2)], {
	cwd: join(ROOT, 'extensions', 'after-sales'),
	stdio: 'inherit',
	env: withNodeOnPath(process.env),
});
process.exit(result.status ?? 1);
