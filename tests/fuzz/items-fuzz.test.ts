// INT-5 (with INT-1..4, WTY-8, ESC-4): every pack collection through /items — create, update by
// key, batch update by keys, update by query, delete, delete by keys, delete by query — and GraphQL
// mutations on the money path, with generated bad and hostile input, as every demo role. Per
// request: no 5xx, no SQL text, no write when refused; after every successful write: approved ≤
// claimed per claim and per line, one warranty_credit per settled claim and none for others, and
// the ledger and the escalation log unchanged. `FUZZ_SEED` replays a run, `FUZZ_RUNS` scales it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { graphqlLiteral, itemsOpArb, type ItemsOp } from './arbitraries';
import { BASE_SEED, fuzz, Harness, runs, type Req } from './harness';
import { actor, closeDb, invariantViolations, post, type ActorKey } from './kit';
import { buildWorld, restoreSettings, type FuzzWorld } from './pools';

let world: FuzzWorld;

beforeAll(async () => {
	console.log(`fuzz /items: seed ${BASE_SEED} (replay with FUZZ_SEED=${BASE_SEED})`);
	world = await buildWorld();
}, 300_000);

afterAll(async () => {
	if (world) await restoreSettings(world.settings);
	await closeDb();
});

/** Staff are drawn more often: dealers and technicians are refused by /items at the door. */
export const actorArb: fc.Arbitrary<ActorKey> = fc.oneof(
	{ weight: 3, arbitrary: fc.constant<ActorKey>('admin') },
	{ weight: 3, arbitrary: fc.constant<ActorKey>('manager') },
	{ weight: 3, arbitrary: fc.constant<ActorKey>('agent') },
	{ weight: 2, arbitrary: fc.constantFrom<ActorKey>('dealer1', 'dealer2', 'dealer3') },
	{ weight: 1, arbitrary: fc.constantFrom<ActorKey>('tech1', 'tech2', 'tech3') },
);

const GRAPHQL = new Set(['repair_records', 'repair_parts', 'warranty_claims', 'dealer_ledger', 'complaints', 'escalations']);

/** Requests per collection: the money path and the logs get the most. */
const BUDGET: Record<string, number> = {
	repair_parts: 170, repair_records: 170, warranty_claims: 170, dealer_ledger: 130, complaints: 110, escalations: 90, service_requests: 80, units: 70,
	parts_returns: 60, sla_timers: 50, quality_alerts: 50, service_settings: 50, sla_policies: 40, dealers: 40, products: 40, customers: 40, follow_ups: 40,
};

const k = (key: number | string) => encodeURIComponent(String(key));

export function toRequest(collection: string, who: ActorKey, op: ItemsOp): Req {
	const base = `/items/${collection}`;
	const idFilter = (ids: (number | string)[]) => ({ query: { filter: { id: { _in: ids } } } });
	switch (op.kind) {
		case 'create': return { actor: who, method: 'POST', path: base, body: op.body, route: `POST ${base}` };
		case 'update': return { actor: who, method: 'PATCH', path: `${base}/${k(op.key)}`, body: op.body, route: `PATCH ${base}/:id` };
		case 'update-keys': return { actor: who, method: 'PATCH', path: base, body: { keys: op.keys, data: op.body }, route: `PATCH ${base} (keys)` };
		case 'update-query': return { actor: who, method: 'PATCH', path: base, body: { ...idFilter(op.ids), data: op.body }, route: `PATCH ${base} (query)` };
		case 'delete': return { actor: who, method: 'DELETE', path: `${base}/${k(op.key)}`, route: `DELETE ${base}/:id` };
		case 'delete-keys': return { actor: who, method: 'DELETE', path: base, body: op.keys, route: `DELETE ${base} (keys)` };
		case 'delete-query': return { actor: who, method: 'DELETE', path: base, body: idFilter(op.ids), route: `DELETE ${base} (query)` };
		case 'singleton': return { actor: who, method: 'PATCH', path: base, body: op.body, route: `PATCH ${base}` };
		case 'graphql-update':
			return { actor: who, method: 'POST', path: '/graphql', body: { query: `mutation { update_${collection}_item(id: ${JSON.stringify(String(op.key))}, data: ${graphqlLiteral(op.body)}) { id } }` }, route: `graphql update_${collection}_item` };
		case 'graphql-delete':
			return { actor: who, method: 'POST', path: '/graphql', body: { query: `mutation { delete_${collection}_item(id: ${JSON.stringify(String(op.key))}) { id } }` }, route: `graphql delete_${collection}_item` };
	}
}

describe('INT-5: /items and GraphQL under generated bad input, as every role', () => {
	test('INT-5: when something is written under a refused request, then the harness reports a partial write (self-check)', async () => {
		const h = new Harness('self-check', BASE_SEED);
		await h.init();
		// A write the harness did not send, then a request that is refused: the write must be noticed.
		const admin = await actor('admin');
		const res = await post(admin, '/items/follow_ups', { kind: 'first_call', customer: world.pools.ids['customers']![0], due_at: new Date(Date.now() + 86_400_000).toISOString(), status: 'planned' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		await h.run({ actor: 'dealer1', method: 'PATCH', path: '/items/units/1', body: { serial_no: 'x' }, route: 'self-check' });
		expect([...h.violations.values()].map((v) => v.kind)).toContain('partial-write');
	});

	test('INT-1, INT-4, WTY-8: when the fuzz starts, then the shared database already holds the money invariants', async () => {
		expect(await invariantViolations(null)).toEqual([]);
	});

	const collections = Object.keys(BUDGET);
	test.each(collections.map((c, i) => [c, i] as const))('INT-5: when every role sends generated bad input to /items/%s, then no 5xx, no SQL text, no partial write and the invariants hold', async (collection, index) => {
		const h = new Harness(`items-${collection}`, BASE_SEED + index);
		await h.init();
		if (collection === 'service_settings') h.afterWrite = () => restoreSettings(world.settings);
		const ops = itemsOpArb(collection, world.fields[collection] ?? [], world.pools, { singleton: collection === 'service_settings', graphql: GRAPHQL.has(collection) });
		await fuzz(h, fc.tuple(actorArb, ops), ([who, op]) => toRequest(collection, who, op), runs(BUDGET[collection]!));
		h.finish();
	}, 600_000);
});
