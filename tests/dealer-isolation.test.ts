// DLR-1, ARC-4: a dealer never reads or changes another dealer's data, by any path — the dealer API,
// /items, GraphQL, /files and /assets (signatures), relational expansion and exports.
import { beforeAll, describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { createUnit, dealerSession, PNG_1PX, repairBody, uploadSignature } from './warranty-fixtures';

let d1: Awaited<ReturnType<typeof dealerSession>>;
let d2: Awaited<ReturnType<typeof dealerSession>>;
let mine: { repair: number; claim: number; file: string; serial: string; batch: number };

beforeAll(async () => {
	d1 = await dealerSession(1);
	d2 = await dealerSession(2);
	const file = await uploadSignature(d1);
	const unit = await createUnit('D001', 40, 10);
	const repair = (await d1.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(unit.serial_no, file)) })).body.data;
	const claim = (await d1.call('/after-sales/dealer/claims', { method: 'POST', body: json({ repair_record: repair.id, submit: true }) })).body.data;
	const batch = (await d1.call('/after-sales/dealer/parts-returns')).body.data[0].id;
	mine = { repair: repair.id, claim: claim.id, file, serial: unit.serial_no, batch };
});

describe('dealer API scoping (DLR-1)', () => {
	test('DLR-1: when dealer 1 asks who they are, then they get their own dealer', async () => {
		const me = await d1.call('/after-sales/dealer/me');
		expect(me.status).toBe(200);
		expect(me.body.data.dealer.code).toBe('D001');
	});

	test('DLR-1: when dealer 2 lists repairs, claims, units and ledger, then none of dealer 1’s appear', async () => {
		const repairs = (await d2.call('/after-sales/dealer/repairs')).body.data;
		expect(repairs.map((r: any) => r.id)).not.toContain(mine.repair);
		const claims = (await d2.call('/after-sales/dealer/claims')).body.data;
		expect(claims.map((c: any) => c.id)).not.toContain(mine.claim);
		const units = (await d2.call(`/after-sales/dealer/units?search=${mine.serial}`)).body.data;
		expect(units).toEqual([]);
		const ledger = (await d2.call('/after-sales/dealer/ledger')).body.data;
		expect(ledger.entries.every((e: any) => e.claim !== mine.claim)).toBe(true);
		expect((await d1.call('/after-sales/dealer/repairs')).body.data.map((r: any) => r.id)).toContain(mine.repair);
	});

	test.each([
		['GET', () => `/after-sales/dealer/repairs/${mine.repair}`],
		['GET', () => `/after-sales/dealer/claims/${mine.claim}`],
		['POST', () => `/after-sales/dealer/claims/${mine.claim}/submit`],
		['POST', () => `/after-sales/dealer/claims/${mine.claim}/confirm-writeoff`],
		['POST', () => `/after-sales/dealer/parts-returns/${mine.batch}/ship`],
		['GET', () => `/after-sales/dealer/files/${mine.file}`],
	])('DLR-1: when dealer 2 calls %s %s on dealer 1’s record, then it is a 403', async (method, path) => {
		const res = await d2.call(path(), method === 'POST' ? { method, body: '{}' } : {});
		expect(res.status).toBe(403);
	});

	test('DLR-1: when dealer 2 logs a repair on dealer 1’s unit or with dealer 1’s signature, then it is a 403', async () => {
		expect((await d2.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(mine.serial, null)) })).status).toBe(403);
		const own = await createUnit('D002', 40, 10);
		expect((await d2.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(own.serial_no, mine.file)) })).status).toBe(403);
	});

	test('ARC-4: when dealer 2 asks coverage of dealer 1’s unit or of an unknown serial, then both are the same 403', async () => {
		const foreign = await d2.call(`/after-sales/dealer/units/${mine.serial}/coverage`);
		const unknown = await d2.call('/after-sales/dealer/units/NO-SUCH-SERIAL-0000/coverage');
		expect(foreign.status).toBe(403);
		expect(unknown.status).toBe(403);
		expect(unknown.body.errors[0].message).toBe(foreign.body.errors[0].message);
		expect((await d1.call(`/after-sales/dealer/units/${mine.serial}/coverage`)).status).toBe(200);
	});

	test('DLR-1: when dealer 1 reads their own signature, then the PNG comes back', async () => {
		const own = await d1.call(`/after-sales/dealer/files/${mine.file}`);
		expect(own.status, JSON.stringify(own.body).slice(0, 300)).toBe(200);
	});
});

describe('Directus paths are closed to dealers (ARC-4)', () => {
	test.each([
		['/items', () => `/items/repair_records/${mine.repair}`],
		['/items list', () => '/items/warranty_claims'],
		['/items ledger', () => '/items/dealer_ledger'],
		['/items relational expansion', () => `/items/units?filter[serial_no][_eq]=${mine.serial}&fields=repairs.*,repairs.parts.*`],
		['/items dealers', () => '/items/dealers?fields=*,users.*'],
		['/files', () => `/files/${mine.file}`],
		['/files list', () => '/files'],
		['/assets', () => `/assets/${mine.file}`],
	])('ARC-4: when dealer 2 probes %s, then it is refused', async (_label, path) => {
		const res = await d2.call(path(), {});
		expect([401, 403]).toContain(res.status);
	});

	test('ARC-4: when dealer 2 asks for an export, then no file with dealer 1’s data is produced', async () => {
		const admin = await loginAdmin();
		const me = (await d2.call('/users/me?fields=id')).body.data.id;
		const res = await d2.call('/utils/export/repair_records', { method: 'POST', body: json({ format: 'csv', query: { limit: -1 }, file: {} }) });
		expect([204, 403]).toContain(res.status);
		// The export runs in the background as the dealer: it must fail for lack of permissions.
		await new Promise((r) => setTimeout(r, 1500));
		const files = (await admin.call(`/files?filter[uploaded_by][_eq]=${me}&fields=id,filename_download`)).body.data;
		for (const file of files) {
			const content = await admin.call(`/assets/${file.id}`);
			expect(String(content.body)).not.toContain(mine.serial);
		}
		expect(files.filter((f: any) => /repair_records/.test(f.filename_download))).toEqual([]);
	});

	test('ARC-4: when dealer 2 queries GraphQL, then no record of dealer 1 comes back', async () => {
		const res = await d2.call('/graphql', { method: 'POST', body: json({ query: `{ warranty_claims { id dealer { code } } repair_records_by_id(id: ${mine.repair}) { id } }` }) });
		const text = JSON.stringify(res.body);
		expect(res.body.data ?? null).toBeNull();
		expect(text).toMatch(/FORBIDDEN|GRAPHQL_VALIDATION|Cannot query/);
		const files = await d2.call('/graphql/system', { method: 'POST', body: json({ query: `{ files { id } }` }) });
		expect(JSON.stringify(files.body)).not.toContain(mine.file);
	});

	test('ARC-4: when dealer 2 uploads a non-image or an oversized signature, then it is a 400', async () => {
		const text = await d2.call('/after-sales/dealer/signatures', { method: 'POST', body: json({ data: Buffer.from('<svg onload=alert(1)>').toString('base64') }) });
		expect(text.status).toBe(400);
		expect(text.body.errors[0].extensions.rule).toBe('WTY-5');
		const huge = Buffer.concat([Buffer.from(PNG_1PX, 'base64'), Buffer.alloc(300 * 1024)]);
		const big = await d2.call('/after-sales/dealer/signatures', { method: 'POST', body: json({ data: huge.toString('base64') }) });
		expect(big.status).toBe(400);
		expect(big.body.errors[0].extensions.field).toBe('data');
	});

	test('DLR-1: when a staff user or a technician calls the dealer API, then it is a 403', async () => {
		const tech = await (await import('./helpers')).login('tech1@example.com', 'service-demo');
		expect((await tech.call('/after-sales/dealer/me')).status).toBe(403);
		expect((await d1.call('/after-sales/technician/requests')).status).toBe(403);
		expect((await tech.call('/after-sales/technician/requests')).status).toBe(200);
	});
});
