// The portal talks to Directus itself (sign-in) and to the pack's scoped API; the token lives in
// sessionStorage only, so closing the tab signs out.
import { lang } from './i18n';

const root = window.location.pathname.replace(/\/after-sales\/portal(\/.*)?$/, '');
const KEY = 'after-sales-portal-token';

export class ApiError extends Error {
	constructor(public status: number, message: string, public rule: string | null, public field: string | null, public code: string | null = null) {
		super(message);
	}
}

export const token = { get: () => sessionStorage.getItem(KEY), set: (t: string | null) => (t ? sessionStorage.setItem(KEY, t) : sessionStorage.removeItem(KEY)) };

export async function request<T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
	const headers: Record<string, string> = {};
	if (init.body !== undefined) headers['content-type'] = 'application/json';
	const t = token.get();
	if (t) headers['authorization'] = `Bearer ${t}`;
	// INT-5: the pack answers refusals in the portal's language (its switcher), not only the user's setting.
	headers['x-after-sales-language'] = lang.value === 'zh' ? 'zh-CN' : 'en-US';
	const response = await fetch(`${root}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
	const text = await response.text();
	let body: { data?: T; errors?: { message?: string; extensions?: Record<string, string | undefined> }[] } | null = null;
	try {
		body = text ? JSON.parse(text) : null;
	} catch {
		// A proxy's HTML error page: the status says enough.
	}
	if (!response.ok) {
		const error = body?.errors?.[0];
		if (response.status === 401) token.set(null);
		throw new ApiError(response.status, error?.message ?? response.statusText, error?.extensions?.rule ?? null, error?.extensions?.field ?? null, error?.extensions?.code ?? null);
	}
	return body?.data as T;
}

export async function signIn(email: string, password: string) {
	const data = await request<{ access_token: string }>('/auth/login', { method: 'POST', body: { email, password, mode: 'json' } });
	token.set(data.access_token);
}

export const api = (path: string, init?: { method?: string; body?: unknown }) => request(`/after-sales${path}`, init);
