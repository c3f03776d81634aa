// Shared by tests/follow-ups.test.ts and tests/settings-follow.test.ts (FUP-1..3): service requests
// registered by the desk and resolved by a technician through the pack's endpoints, and waiting for
// the follow-ups the pack derives from them after commit.
import { expect } from 'vitest';
import { json } from './helpers';
import { waitFor } from './sla-helpers';

export type Who = { call: (p: string, i?: RequestInit) => Promise<any>; token: string };

export const post = (who: Who, path: string, body: unknown) => who.call(path, { method: 'POST', body: json(body) });
export const patch = (who: Who, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });
export const shanghaiDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

type World = { admin: Who; desk: Who; tech1: Who; tech1Id: string; customer: number; unitId: number; tag: string };

/** `world` is read when a helper runs (the test file fills it in its beforeAll). */
export function followUpRequests(world: () => World) {
	const followUpsOf = async (filter: string): Promise<any[]> => (await world().admin.call(`/items/follow_ups?${filter}&fields=*&sort=id&limit=-1`)).body.data;
	const ofRequest = (id: number) => followUpsOf(`filter[service_request][_eq]=${id}`);

	const waitForKinds = (id: number, kinds: string[]) =>
		waitFor(`follow-ups ${kinds.join(', ')} of request #${id}`, async () => {
			const rows = await ofRequest(id);
			return kinds.every((k) => rows.some((r) => r.kind === k)) ? rows : null;
		});

	async function register(extra: Record<string, unknown> = {}) {
		const { desk, customer, unitId, tag } = world();
		const res = await post(desk, '/items/service_requests', { type: 'repair', channel: 'phone', customer, unit: unitId, problem: `${tag} 液压泵异响`, received_at: new Date(Date.now() - 60_000).toISOString(), ...extra });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		return res.body.data as Record<string, any>;
	}

	/** A request dispatched to tech1 and resolved on the technician's endpoints, with its satisfaction call. */
	async function resolvedRequest() {
		const { admin, tech1, tech1Id } = world();
		const created = await register({ status: 'dispatched', assignee: tech1Id });
		for (const [path, body] of [['accept', {}], ['arrive', {}], ['status', { status: 'resolved', note: '已修复' }]] as const) {
			const res = await post(tech1, `/after-sales/technician/requests/${created.id}/${path}`, body);
			expect(res.status, JSON.stringify(res.body)).toBe(200);
		}
		const rows = await waitForKinds(created.id, ['satisfaction_call']);
		const stored = (await admin.call(`/items/service_requests/${created.id}?fields=resolved_at`)).body.data;
		return { request: { ...created, resolved_at: stored.resolved_at } as Record<string, any>, call: rows.find((r) => r.kind === 'satisfaction_call')! };
	}

	return { followUpsOf, ofRequest, waitForKinds, register, resolvedRequest };
}
