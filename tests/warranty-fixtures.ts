// Shared by the warranty and dealer tests: units with known dates, staff users of the Studio roles
// (within the core tier's 3 seats), and a drawn signature.
import { call, json, loginAdmin, login } from './helpers';

export const DEMO_PASSWORD = 'service-demo';
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const ROLE_IDS = { service_agent: 1, service_manager: 2, technical_dept: 4, finance: 5, sales_rep: 6 } as const;
const roleId = (n: number) => `a5a1e5a1-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
let serial = 0;

export async function dealerId(code: string): Promise<number> {
	const admin = await loginAdmin();
	return (await admin.call(`/items/dealers?filter[code][_eq]=${code}&fields=id`)).body.data[0].id;
}

/** A unit of a dealer sold `soldDaysAgo` days ago whose card came back `cardDay` days after sale (null: never). */
export async function createUnit(dealerCode: string, soldDaysAgo: number, cardDay: number | null): Promise<{ id: number; serial_no: string }> {
	const admin = await loginAdmin();
	const product = (await admin.call('/items/products?limit=1&sort=id&fields=id')).body.data[0].id;
	const serial_no = `T-${process.pid}-${Date.now().toString(36)}-${++serial}`;
	const res = await admin.call('/items/units', {
		method: 'POST',
		body: json({ serial_no, product, dealer: await dealerId(dealerCode), sold_on: dayOffset(-soldDaysAgo), card_received_on: cardDay === null ? null : dayOffset(-soldDaysAgo + cardDay) }),
	});
	if (res.status !== 200) throw new Error(`unit: ${JSON.stringify(res.body)}`);
	return { id: res.body.data.id, serial_no };
}

export const dealerSession = (n: number) => login(`dealer${n}@example.com`, DEMO_PASSWORD);

export async function uploadSignature(dealer: { call: (p: string, i?: RequestInit) => Promise<any> }) {
	const res = await dealer.call('/after-sales/dealer/signatures', { method: 'POST', body: json({ data: `data:image/png;base64,${PNG_1PX}`, signer_name: '王师傅' }) });
	if (res.status !== 200) throw new Error(`signature: ${JSON.stringify(res.body)}`);
	return res.body.data.id as string;
}

/** Old-part serials are unique per repair: REQ-8 refuses an old part already on another claim. */
export function repairBody(unit: string, signature: string | null, extra: Record<string, unknown> = {}) {
	const old = `OLD-${process.pid}-${Date.now().toString(36)}-${++serial}`;
	return {
		unit, fault_category: 'hydraulic', fault_scope: 'whole_machine', fault_description: '液压泵异响，提升无力', work_done: '更换液压泵',
		labour_cost: '280.00', travel_cost: '120.50',
		parts: [
			{ part_no: 'HP-455', part_name: '液压泵', quantity: 2, unit_price: '455.25', old_part_serial: `${old}-1` },
			{ part_no: 'SL-10', part_name: '密封圈', quantity: '1', unit_price: '10.00', old_part_serial: `${old}-2` },
		],
		...(signature ? { customer_signature: signature, signer_name: '王师傅' } : {}),
		...extra,
	};
}

type StaffKey = keyof typeof ROLE_IDS;
const staffIds = new Map<StaffKey, string>();

/**
 * The core tier allows three active Studio seats (admin included): the demo manager and agent are
 * suspended while the test's own sales rep / technical dept / finance users take turns.
 */
export async function asStaff(key: StaffKey) {
	const admin = await loginAdmin();
	const email = `t-${key.replace('_', '-')}@example.com`;
	if (!staffIds.has(key)) {
		const found = (await admin.call(`/users?filter[email][_eq]=${email}&fields=id`)).body.data[0];
		const id = found?.id ?? (await admin.call('/users', { method: 'POST', body: json({ email, password: DEMO_PASSWORD, role: roleId(ROLE_IDS[key]), status: 'suspended', first_name: key }) })).body.data?.id;
		if (!id) throw new Error(`could not create ${key}`);
		staffIds.set(key, id);
	}
	// Free every seat except the admin's, then take one.
	const holders = (await admin.call('/users?filter[status][_eq]=active&filter[role][_in]=' + Object.values(ROLE_IDS).map(roleId).join(',') + '&fields=id')).body.data;
	for (const h of holders) if (h.id !== staffIds.get(key)) await admin.call(`/users/${h.id}`, { method: 'PATCH', body: json({ status: 'suspended' }) });
	const up = await admin.call(`/users/${staffIds.get(key)}`, { method: 'PATCH', body: json({ status: 'active' }) });
	if (up.status !== 200) throw new Error(`activate ${key}: ${JSON.stringify(up.body)}`);
	const session = await login(email, DEMO_PASSWORD);
	return { ...session, id: staffIds.get(key)! };
}

/** Puts the demo manager and agent back, as the other test files expect. */
export async function restoreDemoStaff() {
	const admin = await loginAdmin();
	for (const id of staffIds.values()) await admin.call(`/users/${id}`, { method: 'PATCH', body: json({ status: 'suspended' }) });
	for (const email of ['manager@example.com', 'agent@example.com']) {
		const user = (await admin.call(`/users?filter[email][_eq]=${email}&fields=id`)).body.data[0];
		if (user) await admin.call(`/users/${user.id}`, { method: 'PATCH', body: json({ status: 'active' }) });
	}
}

export { call };
