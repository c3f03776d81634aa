// The fuzz suite's own rows, created once per test file through the API: every generated update or
// delete targets these (or foreign / unknown / unreadable ids), never the demo data the other test
// files rely on. Two dealers' worth of claims in every status, tasks, batches, complaints, an
// escalation, timers, a ledger entry, a policy (inactive) and signature files.
import type { FieldInfo, Pools } from './arbitraries';
import { actor, createClaim, createComplaint, createServiceRequest, createUnit, db, dealerId, hoursFromNow, patch, post, uploadSignature, type ClaimFixture } from './kit';

export type FuzzWorld = {
	pools: Pools;
	fields: Record<string, FieldInfo[]>;
	claims: ClaimFixture[];
	units: { id: number; serial_no: string; dealer: number }[];
	tasks: { id: number; dealer: number }[];
	techRequests: { id: number; tech: string }[];
	batches: { id: number; dealer: number }[];
	escalations: number[];
	settings: Record<string, unknown>;
	fuzzDealer: number;
};

const PACK = ['service_settings', 'dealers', 'customers', 'products', 'units', 'service_requests', 'complaints', 'repair_records', 'repair_parts', 'parts_returns',
	'warranty_claims', 'dealer_ledger', 'follow_ups', 'sla_policies', 'sla_timers', 'escalations', 'quality_alerts'];

const ok = (what: string, res: { status: number; body: any }) => {
	if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
	return res.body.data;
};

export async function loadFields(): Promise<Record<string, FieldInfo[]>> {
	const admin = await actor('admin');
	const all = ok('fields', await admin.call('/fields'));
	const out: Record<string, FieldInfo[]> = {};
	for (const c of PACK) {
		out[c] = (all as any[]).filter((f) => f.collection === c && (f.schema || (f.meta?.special ?? []).includes('o2m'))).map((f) => ({
			field: f.field, type: f.schema ? f.type : 'alias', nullable: f.schema?.is_nullable ?? true, primary: f.schema?.is_primary_key ?? false,
			fk: f.schema?.foreign_key_table ?? null,
			choices: (f.meta?.options?.choices ?? []).map((ch: any) => (typeof ch === 'object' && ch !== null ? ch.value : ch)),
			special: f.meta?.special ?? [],
		}));
	}
	return out;
}

export async function buildWorld(): Promise<FuzzWorld> {
	const admin = await actor('admin');
	const manager = await actor('manager');
	const [d1, d2] = [await actor('dealer1'), await actor('dealer2')];
	const tag = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
	const fields = await loadFields();
	const settings = ok('settings', await admin.call('/items/service_settings'));

	const fuzzDealer = ok('dealer', await post(admin, '/items/dealers', { code: `FZ${tag}`.slice(0, 20), name: `模糊测试经销商 ${tag}`, region: '测试', tier: 'C', status: 'active' })).id as number;
	const product = ok('product', await post(admin, '/items/products', { model: `FZ-${tag}`.slice(0, 30), name: '模糊测试机型', category: 'tractor', warranty_months: 12, main_parts_warranty_months: 24 })).id as number;
	const customers = [
		ok('customer', await post(admin, '/items/customers', { name: `模糊客户甲 ${tag}`, type: 'company', phone: '13800000001', dealer: await dealerId(1) })).id,
		ok('customer', await post(admin, '/items/customers', { name: `模糊客户乙 ${tag}`, type: 'individual', phone: '13800000002', dealer: await dealerId(2) })).id,
	] as number[];

	const files = [await uploadSignature(d1), await uploadSignature(d2)];
	const claims: ClaimFixture[] = [];
	for (const [n, status] of [[1, 'draft'], [1, 'submitted'], [1, 'inspected'], [1, 'approved'], [1, 'settled'], [1, 'rejected'], [2, 'submitted'], [2, 'approved'], [2, 'settled']] as const) {
		claims.push(await createClaim(n, status, files[n - 1]));
	}
	const units = [
		...claims.map((c) => ({ ...c.unit, dealer: c.dealer })),
		{ ...(await createUnit(1)), dealer: await dealerId(1) },
		{ ...(await createUnit(2)), dealer: await dealerId(2) },
	];
	const freeRepair = ok('free repair', await post(d1, '/after-sales/dealer/repairs', {
		unit: units[units.length - 2]!.serial_no, fault_category: 'engine', fault_description: '模糊测试', labour_cost: '10.00', travel_cost: '0',
		received_at: hoursFromNow(-5), completed_at: hoursFromNow(-4), parts: [{ part_no: 'FZ-1', quantity: '1', unit_price: '5.00' }],
	}));

	const tasks = [
		{ id: await createServiceRequest({ dealer: await dealerId(1), status: 'dispatched', dispatched_at: hoursFromNow(-1), unit: units[units.length - 2]!.id }), dealer: await dealerId(1) },
		{ id: await createServiceRequest({ dealer: await dealerId(2), status: 'dispatched', dispatched_at: hoursFromNow(-1), unit: units[units.length - 1]!.id }), dealer: await dealerId(2) },
	];
	const techRequests = [
		{ id: await createServiceRequest({ assignee: (await actor('tech1')).id, status: 'dispatched', unit: units[units.length - 2]!.id }), tech: (await actor('tech1')).id },
		{ id: await createServiceRequest({ assignee: (await actor('tech2')).id, status: 'dispatched', unit: units[units.length - 1]!.id }), tech: (await actor('tech2')).id },
	];
	const plainRequest = await createServiceRequest({ handling_level: 2 });

	const complaints = [
		await createComplaint('normal'), await createComplaint('serious', 'contacting'), await createComplaint('critical', 'proposed'),
		await createComplaint('normal', 'received', { received_at: hoursFromNow(-72) }),
	];
	ok('sweep', await post(manager, '/after-sales/sla/sweep'));
	const escalations = (await db()('escalations').whereIn('item', complaints.map(String)).where({ collection: 'complaints' }).select('id')).map((r: any) => Number(r.id));
	const timers = (await db()('sla_timers')
		.where((w) => w.where('collection', 'complaints').whereIn('item', complaints.map(String)))
		.orWhere((w) => w.where('collection', 'service_requests').whereIn('item', [...tasks.map((t) => t.id), plainRequest].map(String)))
		.select('id')).map((r: any) => Number(r.id));

	// Batches of their own deadline, so a generated "ship" never ships the batch another test file waits on.
	const batches: { id: number; dealer: number }[] = [];
	for (const n of [1, 2]) {
		const res = await post(manager, '/items/parts_returns', { dealer: await dealerId(n), deadline: `2031-06-${n === 1 ? '30' : '29'}`, status: 'open' });
		if (res.status === 200) batches.push({ id: res.body.data.id, dealer: await dealerId(n) });
	}
	const ledger = ok('ledger', await post(manager, '/items/dealer_ledger', { dealer: fuzzDealer, entry_type: 'adjustment', amount: '1.00', note: 'fuzz fixture' })).id as number;
	const policy1 = ok('policy', await admin.call('/items/sla_policies?limit=1&sort=id')) as any[];
	const policy = policy1[0] ? ok('fuzz policy', await post(admin, '/items/sla_policies', { ...Object.fromEntries(Object.entries(policy1[0]).filter(([k]) => !['id', 'date_created', 'date_updated', 'user_created', 'user_updated'].includes(k))), name: `FZ ${tag}`, key: `fz_${tag.toLowerCase()}`, active: false })).id : null;
	const followUp = await post(admin, '/items/follow_ups', { kind: 'first_call', customer: customers[0], due_at: hoursFromNow(24), status: 'planned' });

	const ledgerIds = (await db()('dealer_ledger').whereIn('claim', claims.map((c) => c.id)).select('id')).map((r: any) => Number(r.id));
	const pools: Pools = {
		ids: {
			dealers: [fuzzDealer],
			customers,
			products: [product],
			units: units.map((u) => u.id),
			service_requests: [...tasks.map((t) => t.id), ...techRequests.map((t) => t.id), plainRequest],
			complaints,
			repair_records: [...claims.map((c) => c.repair), freeRepair.id],
			repair_parts: [...claims.flatMap((c) => c.parts), ...freeRepair.parts.map((p: any) => p.id)],
			parts_returns: batches.map((b) => b.id),
			warranty_claims: claims.map((c) => c.id),
			dealer_ledger: [ledger, ...ledgerIds],
			follow_ups: followUp.status === 200 ? [followUp.body.data.id] : [],
			sla_policies: policy ? [policy] : [],
			sla_timers: timers,
			escalations,
			quality_alerts: [],
		},
		files,
		users: [(await actor('tech1')).id, d1.id, (await actor('agent')).id],
		claims: claims.map((c) => c.id),
	};
	return { pools, fields, claims, units, tasks, techRequests, batches, escalations, settings, fuzzDealer };
}

/** The settings singleton as it was: put back after any generated write that got through. */
export async function restoreSettings(settings: Record<string, unknown>) {
	const admin = await actor('admin');
	const { id: _id, ...rest } = settings as Record<string, unknown> & { id?: unknown };
	const res = await patch(admin, '/items/service_settings', rest);
	if (res.status === 200) return;
	// A restore that fails would leave a generated setting (a line maximum of 12.00, say) for every
	// later test file: say why, and put the row back as it was read.
	console.warn(`[fuzz] restoring service_settings through the API failed (${res.status} ${JSON.stringify(res.body).slice(0, 500)}); restored in the database`);
	const row = Object.fromEntries(Object.entries(rest).filter(([k]) => !['date_updated', 'user_updated', 'date_created', 'user_created'].includes(k))
		.map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));
	await db()('service_settings').update(row);
}
