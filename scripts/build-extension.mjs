// Builds the after-sales bundle (hook + endpoint → dist/api.js, panels → dist/app.js, both
// minified; the Studio provides `vue` and its shared app dependencies, which are never bundled)
// exceljs on its own (dist/exceljs.js, loaded only for XLSX exports), and the dealer/technician
// portal (a standalone page with its own Vue) into dist/portal/.
// Extra arguments go to `directus-extension build` (e.g. `--no-minify` to read the output).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUILD_LOCK, withLock } from './lock.mjs';
import { ROOT, ensureNode22, withNodeOnPath } from './runtime.mjs';

ensureNode22(import.meta.url);
const cli = join(ROOT, 'node_modules', '@directus', 'extensions-sdk', 'cli.js');
const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const portalConfig = join(ROOT, 'extensions', 'after-sales', 'src', 'app', 'portal', 'vite.config.mjs');
const vendorConfig = join(ROOT, 'scripts', 'vendor.vite.mjs');
const run = (args, cwd) => spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: withNodeOnPath(process.env) }).status ?? 1;

// Under a lock, so a test run never copies a half-written dist/ (see tests/setup/global-setup.ts).
const status = withLock(BUILD_LOCK, () => {
	const bundle = run([cli, 'build', ...process.argv.slice(2)], join(ROOT, 'extensions', 'after-sales'));
	if (bundle !== 0) return bundle;
	const vendor = run([vite, 'build', '--config', vendorConfig], ROOT);
	if (vendor !== 0) return vendor;
	return run([vite, 'build', '--config', portalConfig], ROOT);
});
process.exit(status);
