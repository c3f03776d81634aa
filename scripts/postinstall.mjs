// After `npm install`: make sure every native addon loads in the Node 22 that runs Directus
// (rebuilding only the ones that do not), then build the extension bundle.
// npm runs the addons' install scripts with node_modules/.bin first on PATH, where the `node`
// package puts Node 22, so prebuilt binaries and node-gyp usually target Node 22 already. Where
// they do not (no prebuild reachable and a machine-wide `nodedir` pointing at another Node's
// headers, say), the rebuild below compiles against the provisioned Node 22's own headers
// (runtime.mjs finds them for any platform), so nothing in .npmrc names a platform.
import { spawnSync } from 'node:child_process';
import { ROOT, brokenAddons, fail, provisionedNode, withNodeOnPath } from './runtime.mjs';

const node = provisionedNode();
if (!node) fail('The `node` package did not install Node 22 into node_modules/node: run `npm install` again with network access to the npm registry.');

let broken = brokenAddons(node);
if (broken.length > 0) {
	const names = broken.map((b) => b.name);
	console.log(`[after-sales] rebuilding ${names.join(', ')} for Node 22 (${broken.map((b) => b.error).join('; ')})`);
	const npmCli = process.env.npm_execpath;
	const args = npmCli ? [npmCli, 'rebuild', ...names, '--foreground-scripts'] : ['-e', 'process.exit(1)'];
	const result = spawnSync(node, args, { cwd: ROOT, stdio: 'inherit', env: withNodeOnPath(process.env, node) });
	if (result.status !== 0) fail(`Rebuilding ${names.join(', ')} for Node 22 failed: install python3, make and g++ and run \`npm rebuild ${names.join(' ')}\`.`);
	broken = brokenAddons(node);
	if (broken.length > 0) fail(`These native addons still do not load in Node 22: ${broken.map((b) => `${b.name} (${b.error})`).join(', ')}.`);
}

const build = spawnSync(node, ['scripts/build-extension.mjs'], { cwd: ROOT, stdio: 'inherit', env: withNodeOnPath(process.env, node) });
process.exit(build.status ?? 1);
