// What the install tests share: Directus servers and CLI runs of their own, on their own databases
// (not the shared test Directus), and a look straight into such a database.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll } from 'vitest';
import { ROOT, type TestDatabase } from './setup/directus-env';

export const dbs: TestDatabase[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
	for (const child of children) child.kill('SIGTERM');
	for (const db of dbs) await db.drop();
});

/** The worker inherits the shared test Directus's settings; a separate server must not. */
function cleanEnv(): Record<string, string | undefined> {
	const shared = /^(DB_|KEY$|SECRET$|ADMIN_|PORT$|HOST$|PUBLIC_URL$|EXTENSIONS_|STORAGE_|CACHE_|RATE_LIMITER_|PRESSURE_LIMITER_|LOG_|TELEMETRY$|WEBSOCKETS_|FILES_|EMAIL_)/;
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !shared.test(key)));
}

export async function startServer(env: Record<string, string>, script: string[]) {
	const child = spawn(process.execPath, script, { cwd: ROOT, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	children.push(child);
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const url = env['PUBLIC_URL']!;
	let last = 'no answer';
	// Install, demo data and the first start take ~20 s on an idle machine; a loaded CI machine, minutes.
	const deadline = Date.now() + 300_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
		try {
			const health = await fetch(`${url}/server/ping`);
			if (health.ok) return { child, output: () => output };
			last = `${health.status} ${await health.text()}`;
		} catch (error) {
			last = String(error);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`server did not answer /server/ping (${last}):\n${output}`);
}

export async function stop(child: ChildProcess) {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await exited;
}

export async function api(url: string, token: string | null, path: string, init: RequestInit = {}) {
	const response = await fetch(`${url}${path}`, {
		...init,
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
	});
	return { status: response.status, body: await response.json().catch(() => null) };
}

export async function loginToken(url: string, email: string, password: string) {
	const { body } = await api(url, null, '/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
	return body.data.access_token as string;
}

/**
 * `directus …` in a project of its own: exit status and everything printed (a refusal is an answer,
 * not a throw). Asynchronous, so a long command (an install with the demo data on a loaded
 * machine) never blocks the test worker's event loop past vitest's RPC timeout.
 */
export function runCliStatus(args: string[], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'directus', 'cli.js'), ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout!.on('data', (d) => (output += d));
		child.stderr!.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, output }));
	});
}

/** A knex connection to a test project's database, closed after `fn`. */
export async function withDatabase<T>(env: Record<string, string>, fn: (knex: Knex) => Promise<T>): Promise<T> {
	const client = env['DB_CLIENT']!;
	const knex = knexFactory(
		client === 'sqlite3'
			? { client, connection: { filename: env['DB_FILENAME']! }, useNullAsDefault: true }
			: { client: client === 'mysql' ? 'mysql2' : client, connection: { host: env['DB_HOST'], port: Number(env['DB_PORT']), user: env['DB_USER'], password: env['DB_PASSWORD'], database: env['DB_DATABASE'] } },
	);
	try {
		return await fn(knex);
	} finally {
		await knex.destroy();
	}
}
