// The runtime the pack needs: Directus 12 refuses Node < 22, and its native addons must be
// compiled by the very Node that loads them. The project provisions Node 22 through the `node`
// package (node_modules/node/bin/node) so a machine with an older Node still works unchanged.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REQUIRED_NODE_MAJOR = 22;
// Directus's own CLI without the `directus` wrapper, whose npm update check costs a registry
// request (up to 8 s offline) and prints an update box on every command.
export const DIRECTUS_CLI = join(ROOT, 'node_modules', '@directus', 'api', 'dist', 'cli', 'run.js');

/** Addons Directus loads on start; N-API, but a failed build still has to be caught early. */
export const CHECKED_ADDONS = ['isolated-vm', 'sqlite3', 'argon2', 'sharp'];

export function provisionedNode() {
	// On Windows the `node` package links bin/node.exe and leaves bin/node as a placeholder.
	const candidate = join(ROOT, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
	return existsSync(candidate) ? candidate : null;
}

/** Headers of the provisioned Node, so node-gyp compiles against the right ABI. */
export function provisionedNodeDir() {
	const base = join(ROOT, 'node_modules', 'node', 'node_modules');
	if (!existsSync(base)) return null;
	const dir = readdirSync(base).find((name) => /^node-(bin-)?(linux|darwin|win)-/.test(name));
	return dir ? join(base, dir) : null;
}

export function nodeMajor(version = process.versions.node) {
	return Number(version.split('.')[0]);
}

/** Re-runs the current script under the provisioned Node 22 when started by an older Node. */
export function ensureNode22(scriptUrl) {
	if (nodeMajor() >= REQUIRED_NODE_MAJOR) return;
	const node = provisionedNode();
	if (!node)
		fail(
			`Directus 12 needs Node ${REQUIRED_NODE_MAJOR} or newer and this is Node ${process.versions.node}: run \`npm install\` first, which provisions Node ${REQUIRED_NODE_MAJOR} in node_modules.`,
		);
	const result = spawnSync(node, [fileURLToPath(scriptUrl), ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: withNodeOnPath(process.env, node),
	});
	process.exit(result.status ?? 1);
}

export function withNodeOnPath(env, node = provisionedNode()) {
	if (!node) return env;
	const nodeDir = provisionedNodeDir();
	return {
		...env,
		PATH: [dirname(node), join(ROOT, 'node_modules', '.bin'), env.PATH ?? ''].join(delimiter),
		...(nodeDir ? { npm_config_nodedir: nodeDir } : {}),
	};
}

/** Returns the addons that the given Node cannot load, with the first line of each error. */
export function brokenAddons(node = process.execPath, addons = CHECKED_ADDONS) {
	const script = `
		const broken = [];
		for (const name of ${JSON.stringify(addons)}) {
			try { require(name); } catch (error) {
				if (error.code === 'MODULE_NOT_FOUND' && String(error.message).includes("'" + name + "'")) continue;
				broken.push({ name, error: String(error.message).split('\\n')[0] });
			}
		}
		process.stdout.write(JSON.stringify(broken));`;
	const result = spawnSync(node, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
	if (result.status !== 0) return addons.map((name) => ({ name, error: result.stderr.split('\n')[0] }));
	return JSON.parse(result.stdout || '[]');
}

export function fail(sentence) {
	process.stderr.write(`\n${sentence}\n\n`);
	process.exit(1);
}

export const requireFromRoot = createRequire(join(ROOT, 'package.json'));
