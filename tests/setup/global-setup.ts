// Starts one real Directus for the integration tests *inside the test process* (createApp from
// @directus/api), after installing the pack through the very CLI path users run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { withLock } from '../../scripts/lock.mjs';
import { BUILD_LOCK, ROOT, createTestDatabase, directusTestEnv } from './directus-env';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dbClient: string;
	}
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

export function runCli(args: string[], env: Record<string, string>) {
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'directus', 'cli.js'), ...args], {
		cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`directus ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

/**
 * Directus loads a private copy of the built bundle, so a rebuild while tests run (a developer's
 * watch, a parallel build) never swaps code under a running instance. The copy is taken under the
 * same lock the build script holds.
 */
export function snapshotExtensions(): string {
	const dir = mkdtempSync(join(tmpdir(), 'as-extensions-'));
	const target = join(dir, 'directus-extension-after-sales');
	mkdirSync(target, { recursive: true });
	const source = join(ROOT, 'extensions', 'after-sales');
	try {
		withLock(BUILD_LOCK, () => {
			cpSync(join(source, 'package.json'), join(target, 'package.json'));
			cpSync(join(source, 'dist'), join(target, 'dist'), { recursive: true });
		});
	} catch (error) {
		throw new Error(`copying the built extension failed: ${(error as Error).message}. Run \`npm run build\` first.`);
	}
	return dir;
}

export default async function setup(project: TestProject) {
	const db = await createTestDatabase('main');
	const port = await freePort();
	const env = directusTestEnv(db, port, { EXTENSIONS_PATH: snapshotExtensions() });
	runCli(['bootstrap'], env);
	runCli(['after-sales', 'install', '--seed'], env);

	Object.assign(process.env, env);
	const { createApp } = await import('@directus/api');
	const app = await createApp();
	const server: Server = await new Promise((resolve) => {
		const s = app.listen(port, '127.0.0.1', () => resolve(s));
	});
	project.provide('baseUrl', `http://127.0.0.1:${port}`);
	project.provide('dbClient', env['DB_CLIENT']!);

	return async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
		const { default: getDatabase } = await import('@directus/api/database/index');
		await getDatabase().destroy();
		await db.drop();
	};
}
