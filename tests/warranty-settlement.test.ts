// WTY-8 under load: however many settle calls race (the dealer's confirmation in the portal, finance
// in the Studio), a claim posts exactly one warranty_credit. Meaningful on PostgreSQL (DB_CLIENT=pg),
// where the requests really run in parallel; on SQLite they are serialised but must agree too.
import { describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { createUnit, dealerSession, repairBody, uploadSignature } from './warranty-fixtures';

async function approvedClaim() {
	const dealer = await dealerSession(1);
	const admin = await loginAdmin();
	const signature = await uploadSignature(dealer);
	const unit = await createUnit('D001', 40, 10);
	const repair = (await dealer.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(unit.serial_no, signature)) })).body.data;
	const claim = (await dealer.call('/after-sales/dealer/claims', { method: 'POST', body: json({ repair_record: repair.id, submit: true }) })).body.data;
	for (const part of repair.parts) await admin.call(`/items/repair_parts/${part.id}`, { method: 'PATCH', body: json({ old_part_status: 'reusable' }) });
	// The administrator may act for each role, one stage at a time.
	for (const status of ['audited', 'inspected', 'approved']) {
		const res = await admin.call(`/items/warranty_claims/${claim.id}`, { method: 'PATCH', body: json({ status }) });
		if (res.status !== 200) throw new Error(`${status}: ${JSON.stringify(res.body)}`);
	}
	return { dealer, admin, claimId: claim.id as number };
}

describe('settlement is idempotent (WTY-8)', () => {
	test('WTY-8: when 50 confirmations of the write-off race, then one ledger credit is posted', async () => {
		const { dealer, admin, claimId } = await approvedClaim();
		const results = await Promise.all(Array.from({ length: 50 }, () => dealer.call(`/after-sales/dealer/claims/${claimId}/confirm-writeoff`, { method: 'POST', body: '{}' })));
		expect(results.filter((r) => r.status >= 500)).toEqual([]);
		expect(results.every((r) => r.status === 200)).toBe(true);
		const entries = (await admin.call(`/items/dealer_ledger?filter[claim][_eq]=${claimId}&filter[entry_type][_eq]=warranty_credit`)).body.data;
		expect(entries).toHaveLength(1);
		expect(Number(entries[0].amount)).toBe(1321);
		expect((await admin.call(`/items/warranty_claims/${claimId}?fields=status`)).body.data.status).toBe('settled');
	});

	test('WTY-8: when 50 settlements through /items race, then one ledger credit is posted', async () => {
		const { admin, claimId } = await approvedClaim();
		const results = await Promise.all(Array.from({ length: 50 }, () => admin.call(`/items/warranty_claims/${claimId}`, { method: 'PATCH', body: json({ status: 'settled' }) })));
		expect(results.filter((r) => r.status >= 500).map((r) => r.body)).toEqual([]);
		const entries = (await admin.call(`/items/dealer_ledger?filter[claim][_eq]=${claimId}`)).body.data;
		expect(entries).toHaveLength(1);
		const claim = (await admin.call(`/items/warranty_claims/${claimId}?fields=status,settled_at,writeoff_notice_no,history`)).body.data;
		expect(claim.status).toBe('settled');
		expect(claim.history.filter((h: any) => h.to === 'settled')).toHaveLength(1);
	});
});
