// The pack installed twice in one project (copied folder and npm package): only one copy runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { activeOperation, claimPackCopy, findPackCopies, isRunningCopy, PACKAGE_NAME } from './single-copy';

let project: string;
const manifest = (version: string, name = PACKAGE_NAME) => JSON.stringify({ name, version, 'directus:extension': { type: 'bundle', entries: [{ type: 'hook', name: 'after-sales-hooks' }] } });
const writePackage = (folder: string, content: string) => {
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'package.json'), content);
};

beforeEach(() => {
	project = mkdtempSync(join(tmpdir(), 'as-copies-'));
	delete (globalThis as Record<symbol, unknown>)[Symbol.for(`${PACKAGE_NAME}.active-copy`)];
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const env = () => ({ EXTENSIONS_PATH: join(project, 'extensions'), PACKAGE_FILE_LOCATION: project });

describe('one copy of the pack per project', () => {
	test('a copied folder alone: one copy found, it runs, nothing to warn about', () => {
		writePackage(join(project, 'extensions', 'after-sales'), manifest('0.1.0'));
		writePackage(join(project, 'extensions', 'other'), JSON.stringify({ name: 'directus-extension-other', version: '1.0.0' }));
		const decision = claimPackCopy(env(), join(project, 'extensions', 'after-sales'));
		expect(decision.copies).toEqual([{ path: join(project, 'extensions', 'after-sales'), version: '0.1.0', source: 'folder' }]);
		expect(decision).toMatchObject({ active: true, warning: null });
	});

	test('folder and npm package: both are found; the first to register runs, the second registers nothing, and the warning names both and says to keep one', () => {
		const folder = join(project, 'extensions', 'after-sales');
		const npm = join(project, 'node_modules', PACKAGE_NAME);
		writePackage(folder, manifest('0.1.0', 'renamed-by-the-admin'));
		writePackage(npm, manifest('0.2.0'));
		writePackage(project, JSON.stringify({ name: 'my-project', dependencies: { [PACKAGE_NAME]: '^0.2.0', directus: '12.4.0' } }));
		expect(findPackCopies(env()).map((c) => [c.source, c.version])).toEqual([['folder', '0.1.0'], ['npm', '0.2.0']]);

		const first = claimPackCopy(env(), npm);
		expect(first.active).toBe(true);
		expect(first.warning).toContain('the pack is installed 2 times in this project; only one copy runs');
		expect(first.warning).toContain(`▶ ${npm} (npm 包 / npm package, 0.2.0) 运行中 / running`);
		expect(first.warning).toContain(`✗ ${folder} (扩展文件夹 / extension folder, 0.1.0) 已忽略 / ignored`);
		expect(first.warning).toContain('the copies have different versions');
		expect(first.warning).toContain(`npm uninstall ${PACKAGE_NAME}`);

		const second = claimPackCopy(env(), folder);
		expect(second).toMatchObject({ active: false, running: npm });
		expect(isRunningCopy(folder)).toBe(false);
		expect(isRunningCopy(npm)).toBe(true);
	});

	test('the copy that ran was removed and extensions reloaded: the remaining copy takes over', () => {
		const a = join(project, 'extensions', 'after-sales');
		const b = join(project, 'extensions', 'after-sales-old');
		writePackage(a, manifest('0.1.0'));
		writePackage(b, manifest('0.1.0'));
		expect(claimPackCopy(env(), b).active).toBe(true);
		rmSync(b, { recursive: true });
		expect(claimPackCopy(env(), a)).toMatchObject({ active: true, warning: null });
	});

	test('the running copy hands its Flow operation handlers to the claim, which every copy’s registered handler calls', () => {
		const a = join(project, 'extensions', 'after-sales');
		writePackage(a, manifest('0.1.0'));
		const running = activeOperation('after-sales-probe', (() => 'running copy') as never);
		claimPackCopy(env(), a);
		const claim = (globalThis as Record<symbol, { operations: Map<string, unknown> }>)[Symbol.for(`${PACKAGE_NAME}.active-copy`)]!;
		expect((claim.operations.get('after-sales-probe') as () => string)()).toBe('running copy');
		expect((running as unknown as () => string)()).toBe('running copy');
	});
});
