// INT-5 (with INT-1..4, WTY-8, ESC-4): every pack collection through /items — create, update by
// key, batch update by keys, update by query, delete, delete by keys, delete by query — and GraphQL
// mutations on the money path, with generated bad and hostile input, as every demo role. Per
// request: no 5xx, no SQL text, no write when refused; after every successful write: approved ≤
// claimed per claim and per line, one warranty_credit per settled claim and none for others, and
// the ledger and the escalation log unchanged. `FUZZ_SEED` replays a run, `FUZZ_RUNS` scales it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { graphqlLiteral, itemsOpArb, type ItemsOp } from './arbitraries';
import { BASE_SEED, fcParams, fuzz, Harness, runs, type Req } from './harness';
import { actor, closeDb, createClaim, db, invariantViolations, post, type ActorKey } from './kit';
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

type Edit = { who: ActorKey; kind: 'add-part' | 'part-field' | 'delete-part' | 'repair-cost' | 'nested-parts' | 'unit' | 'graphql-cost'; field: string; value: unknown };

const editArb: fc.Arbitrary<Edit> = fc.record({
	who: fc.constantFrom<ActorKey>('admin', 'manager', 'agent'),
	kind: fc.constantFrom<Edit['kind']>('add-part', 'part-field', 'delete-part', 'repair-cost', 'nested-parts', 'unit', 'graphql-cost'),
	field: fc.constantFrom('quantity', 'unit_price', 'labour_cost', 'travel_cost', 'approved_amount'),
	value: fc.constantFrom<unknown>('88888.00', '0.01', 99999, '7', 1000, '10000000.00', 0),
});

/** The parts of a repair as the claim saw them: ids, quantities, prices, and the repair's own costs. */
async function frozenView(repair: number) {
	const r = await db()('repair_records').where({ id: repair }).first('unit', 'labour_cost', 'travel_cost', 'customer_signature', 'completed_at', 'received_at');
	const parts = await db()('repair_parts').where({ repair_record: repair }).orderBy('id').select('id', 'quantity', 'unit_price');
	return JSON.stringify({ r, parts: parts.map((p: any) => ({ id: p.id, q: Number(p.quantity), p: Number(p.unit_price) })), l: Number(r?.labour_cost), t: Number(r?.travel_cost) });
}

describe('INT-1: a submitted claim under generated edits of its repair, then approved', () => {
	test('INT-1: when staff make any sequence of edits to a submitted claim’s repair and the claim is then approved, then the repair is unchanged and approved ≤ claimed', async () => {
		const h = new Harness('items-frozen-claim', BASE_SEED + 500);
		await h.init();
		const otherUnit = world.units[world.units.length - 1]!.id;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom<'submitted' | 'audited' | 'inspected'>('submitted', 'audited', 'inspected'), fc.array(editArb, { minLength: 1, maxLength: 4 }), async (status, edits) => {
				const claim = await createClaim(1, status);
				await h.resync();
				const frozen = await frozenView(claim.repair);
				const claimedBefore = (await db()('warranty_claims').where({ id: claim.id }).first('claimed_amount')).claimed_amount;
				for (const e of edits) {
					const part = claim.parts[0]!;
					const req: Req =
						e.kind === 'add-part' ? { actor: e.who, method: 'POST', path: '/items/repair_parts', body: { repair_record: claim.repair, part_no: 'FZ-ADD', quantity: '1', unit_price: e.value, old_part_status: 'reusable' }, route: 'POST /items/repair_parts (frozen)' }
						: e.kind === 'part-field' ? { actor: e.who, method: 'PATCH', path: `/items/repair_parts/${part}`, body: { [e.field === 'labour_cost' || e.field === 'travel_cost' ? 'unit_price' : e.field]: e.value }, route: 'PATCH /items/repair_parts/:id (frozen)' }
						: e.kind === 'delete-part' ? { actor: e.who, method: 'DELETE', path: `/items/repair_parts/${part}`, route: 'DELETE /items/repair_parts/:id (frozen)' }
						: e.kind === 'repair-cost' ? { actor: e.who, method: 'PATCH', path: `/items/repair_records/${claim.repair}`, body: { [e.field === 'travel_cost' ? 'travel_cost' : 'labour_cost']: e.value }, route: 'PATCH /items/repair_records/:id (frozen)' }
						: e.kind === 'nested-parts' ? { actor: e.who, method: 'PATCH', path: `/items/repair_records/${claim.repair}`, body: { parts: { create: [{ part_no: 'FZ-NEST', quantity: '1', unit_price: e.value }], update: [], delete: [] } }, route: 'PATCH /items/repair_records/:id parts (frozen)' }
						: e.kind === 'unit' ? { actor: e.who, method: 'PATCH', path: `/items/repair_records/${claim.repair}`, body: { unit: otherUnit }, route: 'PATCH /items/repair_records/:id unit (frozen)' }
						: { actor: e.who, method: 'POST', path: '/graphql', body: { query: `mutation { update_repair_records_item(id: ${claim.repair}, data: { labour_cost: ${Number(e.value) || 1} }) { id } }` }, route: 'graphql update_repair_records_item (frozen)' };
					await h.run(req);
				}
				const after = await frozenView(claim.repair);
				if (after !== frozen) h.record('frozen', { actor: edits[0]!.who, method: 'EDIT', path: `claim ${claim.id} (${status})`, body: edits, route: `edits of a ${status} claim's repair` }, 200, null, `repair changed: ${frozen} → ${after}`);
				// Finance (admin here: the core tier's seats) carries the claim on to approval.
				const steps = status === 'submitted' ? ['audited', 'inspected', 'approved'] : status === 'audited' ? ['inspected', 'approved'] : ['approved'];
				for (const s of steps) {
					if (s === 'inspected') for (const p of (await db()('repair_parts').where({ repair_record: claim.repair }).select('id'))) await h.run({ actor: 'admin', method: 'PATCH', path: `/items/repair_parts/${p.id}`, body: { old_part_status: 'reusable' }, route: 'PATCH /items/repair_parts/:id old_part_status' });
					await h.run({ actor: 'admin', method: 'PATCH', path: `/items/warranty_claims/${claim.id}`, body: { status: s }, route: `PATCH /items/warranty_claims/:id → ${s}` });
				}
				const row = await db()('warranty_claims').where({ id: claim.id }).first('claimed_amount', 'approved_amount', 'status');
				if (Number(row.claimed_amount) !== Number(claimedBefore)) h.record('frozen', { actor: 'admin', method: 'EDIT', path: `claim ${claim.id}`, body: edits, route: `claimed_amount of a ${status} claim` }, 200, row, `claimed_amount ${claimedBefore} → ${row.claimed_amount}`);
				return true;
			}),
			fcParams(BASE_SEED + 500, runs(20)),
		);
		h.finish();
	}, 600_000);
});
