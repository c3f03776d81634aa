// What every integration test uses: the running Directus, an SDK client per user, and plain
// fetch for the pack's endpoints (so status codes and error bodies are asserted as users see them).
import { authentication, createDirectus, rest } from '@directus/sdk';
import { inject } from 'vitest';
import { ADMIN, ROOT } from './setup/directus-env';
import { join, resolve } from 'node:path';

export const baseUrl = () => inject('baseUrl');
export const dbClient = () => inject('dbClient');

export async function login(email: string, password: string) {
	const client = createDirectus(baseUrl()).with(authentication('json')).with(rest());
	await client.login({ email, password });
	const token = (await client.getToken())!;
	return { client, token, call: (path: string, init: RequestInit = {}) => call(path, token, init) };
}

const sessions = new Map<string, ReturnType<typeof login>>();

/** Signs in once per user and test file: password hashing makes every login cost ~0.5 s. */
export function session(email: string, password: string) {
	if (!sessions.has(email)) sessions.set(email, login(email, password));
	return sessions.get(email)!;
}

export const loginAdmin = () => session(ADMIN.email, ADMIN.password);

export type CallResult<T = any> = { status: number; body: T };

export async function call<T = any>(path: string, token: string | null, init: RequestInit = {}): Promise<CallResult<T>> {
	const response = await fetch(`${baseUrl()}${path}`, {
		...init,
		headers: {
			...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(init.headers ?? {}),
		},
	});
	const text = await response.text();
	let body: any = text;
	try {
		body = text ? JSON.parse(text) : null;
	} catch {
		/* CSV, HTML and other bodies stay text */
	}
	return { status: response.status, body };
}

export const json = (value: unknown) => JSON.stringify(value);

/** Action hooks run after the response; what they derive is checked until it settles. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
	const until = Date.now() + timeoutMs;
	let value = await read();
	while (!check(value) && Date.now() < until) {
		await new Promise((r) => setTimeout(r, 150));
		value = await read();
	}
	return value;
}

/**
 * Where e2e tests save what a user saw. Test runs write to test-results/ (ignored by git);
 * `SCREENSHOT_DIR=docs/screenshots npm test` refreshes the README's pictures.
 */
export const screenshotDir = () => resolve(ROOT, process.env['SCREENSHOT_DIR'] ?? join('test-results', 'screenshots'));
