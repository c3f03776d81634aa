// INT-5 (with INT-1..4, DLR-1, ARC-4, WTY-8): every /after-sales endpoint (routes of the dealer,
// technician, sla, reports, quality, coverage, overview, portal and files families) with generated
// bad and hostile parameters, queries and bodies, as every demo role. Same checks per request as
// the /items fuzz: no 5xx, no SQL text, nothing written when refused, invariants after a write.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { badMoney, goodMoney, hostileScalar, impossibleDates, impossibleInstants, oddInstants, unreadableIds, validDates, wrongShapeBody } from './arbitraries';
import { BASE_SEED, fuzz, Harness, runs, type Req } from './harness';
import { ACTORS, closeDb, hoursFromNow, PNG_1PX, type ActorKey } from './kit';
import { buildWorld, restoreSettings, type FuzzWorld } from './pools';

let world: FuzzWorld;

beforeAll(async () => {
	console.log(`fuzz /after-sales: seed ${BASE_SEED} (replay with FUZZ_SEED=${BASE_SEED})`);
	world = await buildWorld();
}, 300_000);

afterAll(async () => {
	if (world) await restoreSettings(world.settings);
	await closeDb();
});

const anyActor = fc.constantFrom<ActorKey>(...ACTORS);
/** The callers an endpoint family is for are drawn more often than the ones it refuses. */
const dealerFirst = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<ActorKey>('dealer1', 'dealer2', 'dealer3') }, { weight: 1, arbitrary: anyActor });
const techFirst = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<ActorKey>('tech1', 'tech2', 'tech3') }, { weight: 1, arbitrary: anyActor });
const staffFirst = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<ActorKey>('admin', 'manager', 'agent') }, { weight: 1, arbitrary: anyActor });

const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
/** Percent-encodes, and sends a lone surrogate (which encodeURIComponent refuses) as the invalid UTF-8 it would be. */
const enc = (v: string) => {
	try {
		return encodeURIComponent(v);
	} catch {
		return '%ED%A0%80';
	}
};
const qs = (params: Record<string, unknown>) => {
	const entries = Object.entries(params).filter(([, v]) => v !== undefined);
	return entries.length ? `?${entries.map(([k, v]) => `${enc(k)}=${enc(str(v))}`).join('&')}` : '';
};
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const dateArb = fc.constantFrom<unknown>(...impossibleDates, ...validDates);
const instantArb = fc.constantFrom<unknown>(...impossibleInstants, ...oddInstants());
const moneyArb = fc.constantFrom<unknown>(...badMoney, ...goodMoney);
const monthArb = fc.constantFrom<unknown>('2026-11', '2026-13', '2026-00', '99999-01', '2026-1', 'abc', '', '2026-11-30');
const weekArb = fc.constantFrom<unknown>('2026-W48', '2026-W54', '2026-W00', '2026-48', 'W48', '', '99999-W01');

type Spec = { name: string; runs: number; arb: () => fc.Arbitrary<Req> };

// An empty pool (a fixture the database refused) still fuzzes with unreadable ids.
const idOf = (pool: number[]) => pool.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom<number | string>(...pool) }, { weight: 1, arbitrary: fc.constantFrom<number | string>(...unreadableIds) }) : fc.constantFrom<number | string>(...unreadableIds);
const seg = (v: number | string) => enc(String(v));

function serials() {
	return fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...world.units.map((u) => u.serial_no)) },
		{ weight: 1, arbitrary: fc.constantFrom('NO-SUCH-SERIAL', '%27%20or%201%3D1', '..', 'x'.repeat(500), '🚜', "' or 1=1 --") },
	);
}

function partArb() {
	return fc.record({
		part_no: fc.oneof(fc.constant('FZ-P'), hostileScalar), quantity: fc.oneof(fc.constantFrom<unknown>(1, '2', '0', -1, '1.2345', 1e9, 'NaN'), hostileScalar),
		unit_price: fc.oneof(moneyArb, hostileScalar), old_part_serial: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
	}, { requiredKeys: [] });
}

/** A repair body: a valid one with 1–4 fields replaced by generated bad values (and sometimes an extra field). */
function repairBodyArb(unitArb: fc.Arbitrary<unknown>, extra: Record<string, fc.Arbitrary<unknown>> = {}) {
	const fields: Record<string, fc.Arbitrary<unknown>> = {
		unit: unitArb, fault_category: fc.constantFrom<unknown>('engine', 'hydraulic', 'magic', '', null, 7), fault_scope: fc.constantFrom<unknown>('main_part', 'wear_part', 'bogus'),
		fault_cause: fc.constantFrom<unknown>('normal', 'misuse', 'bogus'), fault_description: fc.oneof(fc.constant('液压泵异响'), hostileScalar), work_done: hostileScalar,
		received_at: instantArb, completed_at: instantArb, signed_at: instantArb, coverage: fc.constantFrom<unknown>('warranty', 'paid', 'goodwill', 'bogus'),
		labour_cost: moneyArb, travel_cost: moneyArb, parts: fc.oneof(fc.array(partArb(), { maxLength: 3 }), hostileScalar, fc.constant(Array.from({ length: 60 }, () => ({ part_no: 'X', quantity: 1, unit_price: '1.00' })))),
		customer_signature: fc.oneof(fc.constantFrom<unknown>(...world.pools.files), fc.constantFrom<unknown>('6f1c1a52-0d1e-4c61-9b86-1f4a0e2b7c11', 'not-a-uuid')),
		service_request: idOf([...world.tasks.map((t) => t.id), ...world.techRequests.map((t) => t.id)]), signer_name: hostileScalar, serious_fault: hostileScalar,
		dealer: fc.constantFrom<unknown>(1, 2, 3), technician: fc.constantFrom<unknown>(...world.pools.users), status: fc.constantFrom<unknown>('draft', 'cancelled'), parts_cost: moneyArb, total_cost: moneyArb,
		...extra,
	};
	const names = Object.keys(fields);
	return fc.tuple(fc.subarray(names, { minLength: 1, maxLength: 4 }), fc.boolean()).chain(([chosen, keepValid]) =>
		fc.tuple(...chosen.map((n) => fields[n]!)).map((values) => {
			const base: Record<string, unknown> = keepValid
				? { unit: world.units[0]!.serial_no, fault_category: 'hydraulic', fault_description: '液压泵异响', labour_cost: '10.00', travel_cost: '0', received_at: hoursFromNow(-3), completed_at: hoursFromNow(-2), parts: [{ part_no: 'FZ-E', quantity: '1', unit_price: '5.00' }] }
				: {};
			chosen.forEach((n, i) => { base[n] = values[i]; });
			return base;
		}),
	);
}

const SPECS: Spec[] = [
	// Staff: overview, coverage, reports, sweeps.
	{ name: 'GET /overview', runs: 13, arb: () => anyActor.map((a) => ({ actor: a, method: 'GET', path: '/after-sales/overview', route: 'GET /overview' })) },
	{ name: 'GET /units/:serial/coverage', runs: 78, arb: () => fc.tuple(anyActor, serials(), fc.record({ at: opt(fc.oneof(dateArb, instantArb)), fault_category: opt(fc.oneof(fc.constant('engine'), hostileScalar)), fault_scope: opt(fc.constantFrom('main_part', 'bogus')), fault_cause: opt(fc.constantFrom('misuse', 'bogus')), serious: opt(fc.constantFrom('true', 'yes')) }, { requiredKeys: [] }))
		.map(([a, s, q]) => ({ actor: a, method: 'GET', path: `/after-sales/units/${enc(s)}/coverage${qs(q)}`, route: 'GET /units/:serial/coverage' })) },
	{ name: 'POST /sla/sweep', runs: 6, arb: () => anyActor.map((a) => ({ actor: a, method: 'POST', path: '/after-sales/sla/sweep', body: {}, route: 'POST /sla/sweep' })) },
	{ name: 'GET /reports/dealers', runs: 58, arb: () => fc.tuple(staffFirst, fc.record({ from: opt(dateArb), to: opt(dateArb), period: opt(fc.constantFrom('month', 'quarter', 'year', 'week', '')), dealer: opt(fc.oneof(fc.constantFrom<unknown>('D001', 'D999', 1, 99999999), hostileScalar)), format: opt(fc.constantFrom('json', 'csv', 'xlsx', 'pdf', '')) }, { requiredKeys: [] }))
		.map(([a, q]) => ({ actor: a, method: 'GET', path: `/after-sales/reports/dealers${qs(q)}`, route: 'GET /reports/dealers' })) },
	{ name: 'GET /reports/dealers/trend', runs: 26, arb: () => fc.tuple(staffFirst, fc.record({ months: opt(fc.constantFrom<unknown>(1, 12, 0, -1, 1000, 'abc', 1.5)), dealer: opt(fc.constantFrom<unknown>('D002', 'nope', 2)) }, { requiredKeys: [] }))
		.map(([a, q]) => ({ actor: a, method: 'GET', path: `/after-sales/reports/dealers/trend${qs(q)}`, route: 'GET /reports/dealers/trend' })) },
	{ name: 'GET /reports/summary', runs: 32, arb: () => fc.tuple(staffFirst, fc.record({ period: opt(fc.constantFrom('month', 'year', 'day', '')), at: opt(fc.oneof(monthArb, fc.constantFrom('2026', '99999', '0000'))), format: opt(fc.constantFrom('json', 'csv', 'xlsx', 'x')) }, { requiredKeys: [] }))
		.map(([a, q]) => ({ actor: a, method: 'GET', path: `/after-sales/reports/summary${qs(q)}`, route: 'GET /reports/summary' })) },
	{ name: 'GET /reports/weekly', runs: 26, arb: () => fc.tuple(staffFirst, fc.record({ week: opt(weekArb), format: opt(fc.constantFrom('json', 'csv', 'xlsx', 'x')) }, { requiredKeys: [] }))
		.map(([a, q]) => ({ actor: a, method: 'GET', path: `/after-sales/reports/weekly${qs(q)}`, route: 'GET /reports/weekly' })) },
	{ name: 'GET /reports/quality', runs: 26, arb: () => fc.tuple(staffFirst, fc.record({ month: opt(monthArb), category: opt(fc.oneof(fc.constant('tractor'), hostileScalar)), format: opt(fc.constantFrom('json', 'csv', 'xlsx')) }, { requiredKeys: [] }))
		.map(([a, q]) => ({ actor: a, method: 'GET', path: `/after-sales/reports/quality${qs(q)}`, route: 'GET /reports/quality' })) },
	{ name: 'GET /reports/sla-board', runs: 20, arb: () => fc.tuple(anyActor, opt(fc.oneof(fc.constantFrom('complaints', 'units', 'directus_users'), hostileScalar)))
		.map(([a, c]) => ({ actor: a, method: 'GET', path: `/after-sales/reports/sla-board${qs({ collection: c })}`, route: 'GET /reports/sla-board' })) },
	{ name: 'POST /quality/scan', runs: 6, arb: () => anyActor.map((a) => ({ actor: a, method: 'POST', path: '/after-sales/quality/scan', body: {}, route: 'POST /quality/scan' })) },
	// A valid future `at` would mark every batch's parts missing and touch other files' data: only bad or past values.
	{ name: 'POST /parts-returns/remind', runs: 13, arb: () => fc.tuple(anyActor, opt(fc.constantFrom<unknown>(...impossibleInstants, '2020-01-01T00:00:00Z', 'abc')))
		.map(([a, at]) => ({ actor: a, method: 'POST', path: `/after-sales/parts-returns/remind${qs({ at })}`, body: {}, route: 'POST /parts-returns/remind' })) },
	{ name: 'POST /escalations/:id/acknowledge', runs: 26, arb: () => fc.tuple(anyActor, idOf(world.escalations), fc.oneof(fc.constant<unknown>({}), wrongShapeBody))
		.map(([a, id, body]) => ({ actor: a, method: 'POST', path: `/after-sales/escalations/${seg(id)}/acknowledge`, body, route: 'POST /escalations/:id/acknowledge' })) },
	// Dealers.
	{ name: 'GET /dealer/* lists', runs: 39, arb: () => fc.tuple(dealerFirst, fc.constantFrom('/dealer/me', '/dealer/repairs', '/dealer/claims', '/dealer/parts-returns', '/dealer/ledger', '/dealer/tasks'))
		.map(([a, p]) => ({ actor: a, method: 'GET', path: `/after-sales${p}`, route: `GET ${p}` })) },
	{ name: 'GET /dealer/units', runs: 26, arb: () => fc.tuple(dealerFirst, fc.record({ search: opt(fc.oneof(fc.constant('FZ'), hostileScalar)), limit: opt(fc.constantFrom<unknown>(1, 0, -1, 201, 'abc', 1e9)) }, { requiredKeys: [] }))
		.map(([a, q]) => ({ actor: a, method: 'GET', path: `/after-sales/dealer/units${qs(q)}`, route: 'GET /dealer/units' })) },
	{ name: 'GET /dealer/units/:serial/coverage', runs: 32, arb: () => fc.tuple(dealerFirst, serials(), opt(fc.oneof(dateArb, instantArb)))
		.map(([a, s, at]) => ({ actor: a, method: 'GET', path: `/after-sales/dealer/units/${enc(s)}/coverage${qs({ at })}`, route: 'GET /dealer/units/:serial/coverage' })) },
	{ name: 'GET /dealer/repairs/:id', runs: 26, arb: () => fc.tuple(dealerFirst, idOf(world.pools.ids['repair_records'] as number[]))
		.map(([a, id]) => ({ actor: a, method: 'GET', path: `/after-sales/dealer/repairs/${seg(id)}`, route: 'GET /dealer/repairs/:id' })) },
	{ name: 'POST /dealer/repairs', runs: 130, arb: () => fc.tuple(dealerFirst, fc.oneof({ weight: 9, arbitrary: repairBodyArb(fc.oneof(fc.constantFrom<unknown>(...world.units.map((u) => u.serial_no), ...world.units.map((u) => u.id)), fc.constantFrom<unknown>('NO-SUCH', 99999999, 0, ''))) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongShapeBody }))
		.map(([a, body]) => ({ actor: a, method: 'POST', path: '/after-sales/dealer/repairs', body, route: 'POST /dealer/repairs' })) },
	{ name: 'POST /dealer/signatures', runs: 39, arb: () => fc.tuple(dealerFirst, fc.oneof(
		fc.record({ data: fc.constantFrom<unknown>(`data:image/png;base64,${PNG_1PX}`, PNG_1PX, 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', 'not base64 !!', '', Buffer.from('<html><script>alert(1)</script>').toString('base64'), Buffer.concat([Buffer.from(PNG_1PX, 'base64'), Buffer.from('<script>x</script>')]).toString('base64'), Buffer.alloc(300 * 1024, 0x89).toString('base64'), 7, null), filename: opt(fc.oneof(fc.constant('../../evil.html'), hostileScalar)), signer_name: opt(hostileScalar) }, { requiredKeys: ['data'] }) as fc.Arbitrary<unknown>,
		wrongShapeBody))
		.map(([a, body]) => ({ actor: a, method: 'POST', path: '/after-sales/dealer/signatures', body, route: 'POST /dealer/signatures' })) },
	{ name: 'GET /dealer/files/:id', runs: 26, arb: () => fc.tuple(dealerFirst, fc.oneof(fc.constantFrom<string>(...world.pools.files), fc.constantFrom('6f1c1a52-0d1e-4c61-9b86-1f4a0e2b7c11', 'abc', '..%2F..%2Fetc', '00000000-0000-0000-0000-000000000000')))
		.map(([a, id]) => ({ actor: a, method: 'GET', path: `/after-sales/dealer/files/${id}`, route: 'GET /dealer/files/:id' })) },
	{ name: 'GET /dealer/claims/:id', runs: 26, arb: () => fc.tuple(dealerFirst, idOf(world.pools.claims))
		.map(([a, id]) => ({ actor: a, method: 'GET', path: `/after-sales/dealer/claims/${seg(id)}`, route: 'GET /dealer/claims/:id' })) },
	{ name: 'POST /dealer/claims', runs: 65, arb: () => fc.tuple(dealerFirst, fc.oneof(
		fc.record({ repair_record: fc.oneof(idOf(world.pools.ids['repair_records'] as number[]), hostileScalar), submit: opt(fc.oneof(fc.boolean(), hostileScalar)), claim_no: opt(fc.constant('WC2026-R000001')), status: opt(fc.constantFrom('approved', 'settled')), approved_amount: opt(moneyArb), dealer: opt(fc.constantFrom(1, 2)) }, { requiredKeys: [] }) as fc.Arbitrary<unknown>,
		wrongShapeBody))
		.map(([a, body]) => ({ actor: a, method: 'POST', path: '/after-sales/dealer/claims', body, route: 'POST /dealer/claims' })) },
	{ name: 'POST /dealer/claims/:id/submit|confirm-writeoff', runs: 65, arb: () => fc.tuple(dealerFirst, idOf(world.pools.claims), fc.constantFrom('submit', 'confirm-writeoff'), fc.oneof(fc.constant<unknown>({}), fc.record({ status: fc.constantFrom('approved', 'settled'), approved_amount: moneyArb }) as fc.Arbitrary<unknown>, wrongShapeBody))
		.map(([a, id, step, body]) => ({ actor: a, method: 'POST', path: `/after-sales/dealer/claims/${seg(id)}/${step}`, body, route: `POST /dealer/claims/:id/${step}` })) },
	{ name: 'POST /dealer/parts-returns/:id/ship', runs: 39, arb: () => fc.tuple(dealerFirst, idOf(world.batches.map((b) => b.id)), fc.oneof(fc.record({ carrier: opt(hostileScalar), tracking_no: opt(hostileScalar), shipped_on: opt(dateArb), status: opt(fc.constant('received')) }, { requiredKeys: [] }) as fc.Arbitrary<unknown>, wrongShapeBody))
		.map(([a, id, body]) => ({ actor: a, method: 'POST', path: `/after-sales/dealer/parts-returns/${seg(id)}/ship`, body, route: 'POST /dealer/parts-returns/:id/ship' })) },
	{ name: 'POST /dealer/tasks/:id/schedule', runs: 39, arb: () => fc.tuple(dealerFirst, idOf([...world.tasks.map((t) => t.id), ...world.techRequests.map((t) => t.id)]), fc.oneof(fc.record({ scheduled_for: opt(instantArb), note: opt(hostileScalar), handling_level: opt(fc.constantFrom(1, 3)), status: opt(fc.constant('closed')) }, { requiredKeys: [] }) as fc.Arbitrary<unknown>, wrongShapeBody))
		.map(([a, id, body]) => ({ actor: a, method: 'POST', path: `/after-sales/dealer/tasks/${seg(id)}/schedule`, body, route: 'POST /dealer/tasks/:id/schedule' })) },
	// Technicians.
	{ name: 'GET /technician/*', runs: 13, arb: () => fc.tuple(techFirst, fc.constantFrom('/technician/requests', '/technician/repairs'))
		.map(([a, p]) => ({ actor: a, method: 'GET', path: `/after-sales${p}`, route: `GET ${p}` })) },
	{ name: 'POST /technician/repairs', runs: 78, arb: () => fc.tuple(techFirst, fc.oneof({ weight: 9, arbitrary: repairBodyArb(fc.constantFrom<unknown>(undefined, 1), { service_request: idOf([...world.techRequests.map((t) => t.id), ...world.tasks.map((t) => t.id)]) }).map((b) => { const { unit, ...rest } = b; return unit === undefined ? { service_request: world.techRequests[0]!.id, ...rest } : { ...rest, unit }; }) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongShapeBody }))
		.map(([a, body]) => ({ actor: a, method: 'POST', path: '/after-sales/technician/repairs', body, route: 'POST /technician/repairs' })) },
	// The portal page and the endpoints CONTRACT.md names.
	{ name: 'GET /portal/*', runs: 20, arb: () => fc.tuple(anyActor, fc.constantFrom('/portal', '/portal/', '/portal/index.html', '/portal/../../package.json', '/portal/%2e%2e/%2e%2e/package.json', '/portal/..%2F..%2Fapi.js', '/portal/assets/nope.js', '/portal/%00'))
		.map(([a, p]) => ({ actor: a, method: 'GET', path: `/after-sales${p}`, route: 'GET /portal/*' })) },
	{ name: 'contract endpoints', runs: 20, arb: () => fc.tuple(anyActor, fc.constantFrom<[string, string]>(['GET', '/me/notifications?unread=1'], ['POST', '/me/notifications/abc/read'], ['GET', '/follow-ups/due?date=2026-11-31'], ['GET', '/survey/not-a-token'], ['POST', '/survey/not-a-token'], ['POST', `/dealer/units/NO-SUCH/card`], ['GET', '/openapi.json']))
		.map(([a, [m, p]]) => ({ actor: a, method: m, path: `/after-sales${p}`, body: m === 'POST' ? { satisfaction: 9, card_received_on: '2026-11-31' } : undefined, route: `${m} ${p.split('?')[0]}` })) },
];

describe('INT-5: every /after-sales endpoint under generated bad input, as every role', () => {
	test.each(SPECS.map((s, i) => [s.name, i] as const))('INT-5: when every role sends generated bad input to %s, then no 5xx, no SQL text, no partial write and the invariants hold', async (_name, index) => {
		const spec = SPECS[index]!;
		const h = new Harness(`endpoint-${spec.name}`, BASE_SEED + 1000 + index);
		await h.init();
		await fuzz(h, spec.arb(), (req) => req, runs(spec.runs));
		h.finish();
	}, 600_000);
});
