// The pack present twice in one project: as the copied folder `extensions/after-sales` and as the
// npm package `directus-extension-after-sales` (or two folders). Directus 12.4 loads every
// extension folder of EXTENSIONS_PATH and every dependency of the project's package.json that is an
// extension, keyed by folder or package name, so nothing stops both: each copy would register every
// hook (each rule checked and each write made twice), the sweep's schedule twice, the CLI command
// twice (the second registration makes every `directus` command fail), its endpoint twice and its
// Flow operations twice. So only the first copy that registers runs: it claims the process (a
// global, as each copy is a module of its own), the other registers nothing, and the startup log
// names every copy found and the one running, and tells the admin to keep one.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = 'directus-extension-after-sales';
/** The bundle's hook entry: a folder holding it is the pack, whatever its package is named. */
const HOOK_ENTRY = 'after-sales-hooks';

export type PackCopy = { path: string; version: string; source: 'folder' | 'npm' };

type Handler = (options: never, context: never) => unknown;
type Claim = { path: string; operations: Map<string, Handler> };
const CLAIM = Symbol.for(`${PACKAGE_NAME}.active-copy`);
const claimOf = () => (globalThis as Record<symbol, Claim | undefined>)[CLAIM];

/** This copy's Flow operation handlers, handed to the claim when this copy is the one running. */
const ownOperations = new Map<string, Handler>();

/** The root of the copy this code runs from (dist/api.js → the package folder). */
export function ownRoot(moduleUrl: string): string {
	return resolve(dirname(fileURLToPath(moduleUrl)), '..');
}

const real = (path: string) => {
	try {
		return realpathSync(path);
	} catch {
		return resolve(path);
	}
};

function readManifest(folder: string): Record<string, unknown> | null {
	try {
		return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
	} catch {
		return null;
	}
}

function isPack(manifest: Record<string, unknown> | null): manifest is Record<string, unknown> {
	if (!manifest) return false;
	if (manifest['name'] === PACKAGE_NAME) return true;
	const entries = (manifest['directus:extension'] as { entries?: { name?: string }[] } | undefined)?.entries ?? [];
	return entries.some((e) => e.name === HOOK_ENTRY);
}

/** Every copy of the pack Directus loads, where it looks: EXTENSIONS_PATH's folders and the project's npm dependencies. */
export function findPackCopies(env: Record<string, unknown>): PackCopy[] {
	const copies = new Map<string, PackCopy>();
	const extensionsPath = resolve(String(env['EXTENSIONS_PATH'] || './extensions'));
	for (const base of [extensionsPath, join(extensionsPath, '.registry')]) {
		let names: string[] = [];
		try {
			names = readdirSync(base).filter((name) => !name.startsWith('.'));
		} catch {
			continue;
		}
		for (const name of names) {
			const folder = join(base, name);
			try {
				if (!statSync(folder).isDirectory()) continue;
			} catch {
				continue;
			}
			const manifest = readManifest(folder);
			if (isPack(manifest)) copies.set(real(folder), { path: real(folder), version: String(manifest['version'] ?? '?'), source: 'folder' });
		}
	}
	const projectRoot = resolve(String(env['PACKAGE_FILE_LOCATION'] || '.'));
	const project = readManifest(projectRoot);
	if (project && PACKAGE_NAME in ((project['dependencies'] as Record<string, string> | undefined) ?? {})) {
		try {
			const folder = real(dirname(createRequire(join(projectRoot, 'package.json')).resolve(`${PACKAGE_NAME}/package.json`)));
			const manifest = readManifest(folder);
			if (isPack(manifest) && !copies.has(folder)) copies.set(folder, { path: folder, version: String(manifest['version'] ?? '?'), source: 'npm' });
		} catch {
			// Listed but not installed: Directus skips it too.
		}
	}
	return [...copies.values()];
}

export type CopyDecision = { active: boolean; copies: PackCopy[]; running: string; warning: string | null };

/**
 * Decides whether the copy at `self` runs: yes unless another copy that still exists has claimed
 * the process. With more than one copy found, `warning` says which runs and what to do.
 */
export function claimPackCopy(env: Record<string, unknown>, self: string): CopyDecision {
	const copies = findPackCopies(env);
	const me = real(self);
	const claim = claimOf();
	const taken = claim && claim.path !== me && (copies.some((c) => c.path === claim.path) || copies.length === 0);
	const active = !taken;
	if (active) (globalThis as Record<symbol, Claim>)[CLAIM] = { path: me, operations: ownOperations };
	const running = active ? me : claim!.path;
	return { active, copies, running, warning: copies.length > 1 || taken ? formatCopiesWarning(copies, running) : null };
}

const SOURCE = { folder: ['扩展文件夹', 'extension folder'], npm: ['npm 包', 'npm package'] } as const;

export function formatCopiesWarning(copies: PackCopy[], running: string): string {
	const versions = new Set(copies.map((c) => c.version));
	const list = copies.map((c) => `  ${c.path === running ? '▶' : '✗'} ${c.path} (${SOURCE[c.source][0]} / ${SOURCE[c.source][1]}, ${c.version})${c.path === running ? ' 运行中 / running' : ' 已忽略 / ignored'}`);
	return [
		`[after-sales] 本扩展在此项目中安装了 ${copies.length} 份，只运行其中一份 / the pack is installed ${copies.length} times in this project; only one copy runs:`,
		...list,
		...(versions.size > 1 ? ['  ! 版本不同：运行的副本不一定是你升级的那份 / the copies have different versions: the one running may not be the one you upgraded'] : []),
		`  请只保留一份：删除文件夹 extensions/after-sales，或运行 npm uninstall ${PACKAGE_NAME}，然后重启 Directus / Keep one: delete the folder extensions/after-sales or run \`npm uninstall ${PACKAGE_NAME}\`, then restart Directus.`,
	].join('\n');
}

/**
 * A Flow operation's handler: Directus keeps the last registered handler of an id, which may be
 * the ignored copy's, so every copy's handler runs the running copy's own.
 */
export function activeOperation<T extends Handler>(id: string, own: T): T {
	ownOperations.set(id, own);
	return ((options: never, context: never) => ((claimOf()?.operations.get(id) as T | undefined) ?? own)(options, context)) as T;
}

/** Whether this copy is the one that claimed the process (checked by the endpoint, registered after the hook). */
export function isRunningCopy(self: string): boolean {
	const claim = claimOf();
	return !claim || claim.path === real(self);
}
