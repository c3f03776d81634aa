// A Directus of this project as a child process (`directus start`), for measurements and tests
// that need more than the one in-process Directus: the write bench (with and without the pack)
// and the two-instance crash test. Killed with SIGKILL on demand, like a crashed server.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/setup/directus-env';

export type DirectusProcess = { url: string; child: ChildProcess; output: () => string; kill: (signal?: NodeJS.Signals) => Promise<void> };

export async function startDirectus(env: Record<string, string>, timeoutMs = 90_000): Promise<DirectusProcess> {
	const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'directus', 'cli.js'), 'start'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	const keep = (chunk: Buffer) => {
		log = (log + chunk.toString('utf8')).slice(-20_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const url = `http://127.0.0.1:${env['PORT']}`;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const until = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Directus on ${url} exited with ${child.exitCode}:\n${log}`);
		try {
			const response = await fetch(`${url}/server/ping`);
			if (response.ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > until) {
			child.kill('SIGKILL');
			throw new Error(`Directus on ${url} did not answer within ${timeoutMs / 1000} s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url, child, output: () => log,
		kill: async (signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		},
	};
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
	const body = (await response.json()) as { data?: { access_token: string } };
	if (!body.data) throw new Error(`sign-in to ${url} failed: ${JSON.stringify(body)}`);
	return body.data.access_token;
}

export async function post(url: string, token: string, path: string, payload: unknown): Promise<{ status: number; body: any }> {
	const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(payload) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}
