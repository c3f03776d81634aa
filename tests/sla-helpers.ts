// Shared by the tests/sla-*.test.ts files: demo users, backdated records, waiting for the
// after-commit timer sync, and the sweep over REST.
import { expect } from 'vitest';
import { call, json, loginAdmin, session } from './helpers';

export const DEMO_PASSWORD = 'service-demo';
export const manager = () => session('manager@example.com', DEMO_PASSWORD);
export const agent = () => session('agent@example.com', DEMO_PASSWORD);
export const dealerUser = (n: 1 | 2 | 3) => session(`dealer${n}@example.com`, DEMO_PASSWORD);

const ids = new Map<string, Promise<string>>();
export function userId(s: ReturnType<typeof session>): Promise<string> {
	return s.then(async (who) => {
		const { body } = await who.call('/users/me?fields=id');
		return body.data.id as string;
	});
}

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** `Date.now() + offsetMs` to the whole second: MariaDB / MySQL keep instants in whole seconds, so a test comparing a stored instant exactly starts from one. */
export const wholeSecondFromNow = (offsetMs: number) => new Date(Math.floor((Date.now() + offsetMs) / 1000) * 1000);

export async function createComplaint(overrides: Record<string, unknown> = {}) {
	const admin = await loginAdmin();
	const recorder = await memo('admin', () => userId(loginAdmin()));
	const { status, body } = await admin.call('/items/complaints', {
		method: 'POST',
		body: json({ received_at: hoursAgo(3), channel: 'phone', recorder, category: 'quality', severity: 'normal', description: '收割机液压系统漏油', ...overrides }),
	});
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data as Record<string, any>;
}

/** CMP-3: a small document uploaded through /files as a Studio user would (the signed handling agreement). */
export async function uploadAgreementFile(who: { call: (path: string, init?: RequestInit) => Promise<any> }, name = 'agreement.pdf') {
	const form = new FormData();
	form.append('title', '处理协议 / handling agreement');
	form.append('file', new Blob(['%PDF-1.4\n% signed handling agreement (test)\n%%EOF\n'], { type: 'application/pdf' }), name);
	const { status, body } = await who.call('/files', { method: 'POST', body: form });
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data.id as string;
}

export function memo(key: string, fn: () => Promise<string>) {
	if (!ids.has(key)) ids.set(key, fn());
	return ids.get(key)!;
}

/** Timers are written by the items action, after the response: wait for them like a Studio user would. */
export async function waitForTimers(collection: string, item: string | number, predicate: (timers: any[]) => boolean = (t) => t.length > 0) {
	const admin = await loginAdmin();
	for (let i = 0; i < 100; i++) {
		const { body } = await admin.call(`/items/sla_timers?filter[collection][_eq]=${collection}&filter[item][_eq]=${item}&limit=-1&sort=id`);
		if (predicate(body.data)) return body.data as any[];
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timers of ${collection} #${item} never matched`);
}

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, tries = 100, delay = 100): Promise<T> {
	for (let i = 0; i < tries; i++) {
		const value = await fn();
		if (value) return value;
		await new Promise((r) => setTimeout(r, delay));
	}
	throw new Error(`timed out waiting for ${what}`);
}

export async function escalationsOf(collection: string, item: string | number) {
	const admin = await loginAdmin();
	const { body } = await admin.call(`/items/escalations?filter[collection][_eq]=${collection}&filter[item][_eq]=${item}&limit=-1&sort=id`);
	return body.data as any[];
}

export async function sweep(who = manager()) {
	const s = await who;
	return call(`/after-sales/sla/sweep`, s.token, { method: 'POST' });
}
