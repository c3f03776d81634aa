// WTY-3..8, REQ-8 over REST with a real user of every role: a dealer logs a warranty repair with a
// signature and files a claim; the sales rep audits, the technical dept inspects old parts, finance
// approves lines partly, the dealer confirms the write-off and sees exactly one ledger credit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { asStaff, createUnit, dealerSession, repairBody, restoreDemoStaff, uploadSignature } from './warranty-fixtures';

let dealer: Awaited<ReturnType<typeof dealerSession>>;
let signature: string;

beforeAll(async () => {
	dealer = await dealerSession(1);
	signature = await uploadSignature(dealer);
});
afterAll(async () => {
	await restoreDemoStaff();
});

const post = (who: { call: (p: string, i?: RequestInit) => Promise<any> }, path: string, body: unknown = {}) => who.call(path, { method: 'POST', body: json(body) });
const patch = (who: { call: (p: string, i?: RequestInit) => Promise<any> }, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });

describe('repair records (WTY-3, WTY-5, REQ-8)', () => {
	test('WTY-5: when a dealer logs a warranty repair with parts, then coverage, parts and totals are computed in decimals', async () => {
		const unit = await createUnit('D001', 40, 10);
		const res = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature));
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const repair = res.body.data;
		expect(repair.coverage).toBe('warranty');
		expect(repair.coverage_reasons).toEqual([]);
		expect(repair.parts.map((p: any) => p.amount).map(Number)).toEqual([910.5, 10]);
		expect(Number(repair.parts_cost)).toBe(920.5);
		expect(Number(repair.total_cost)).toBe(1321);
		expect(repair.customer_signature).toBe(signature);
	});

	test('WTY-2: when the card came back on day 23, then the repair is the dealer’s expense (free to the customer) with the card reason', async () => {
		const unit = await createUnit('D001', 60, 23);
		const res = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature));
		expect(res.status).toBe(200);
		expect(res.body.data.coverage).toBe('dealer_expense');
		expect(res.body.data.coverage_reasons.map((r: any) => r.code)).toContain('card_late');
	});

	test('REQ-8: when the same unit comes back with the same fault within 90 days, then the repair is linked as a repeat', async () => {
		const unit = await createUnit('D001', 100, 5);
		const first = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature, { received_at: new Date(Date.now() - 30 * 86_400_000).toISOString(), completed_at: new Date(Date.now() - 29 * 86_400_000).toISOString() }));
		const second = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature));
		const other = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature, { fault_category: 'electrical' }));
		expect(second.body.data.repeat_of).toBe(first.body.data.id);
		expect(other.body.data.repeat_of).toBeNull();
	});

	test.each([
		['a negative quantity', { parts: [{ part_no: 'X', quantity: -1, unit_price: '1.00' }] }, 'parts.0.quantity'],
		['a zero quantity', { parts: [{ part_no: 'X', quantity: 0, unit_price: '1.00' }] }, 'parts.0.quantity'],
		['a non-numeric price', { parts: [{ part_no: 'X', quantity: 1, unit_price: 'abc' }] }, 'parts.0.unit_price'],
		['a price with 3 decimals', { parts: [{ part_no: 'X', quantity: 1, unit_price: '1.005' }] }, 'parts.0.unit_price'],
		['a negative labour cost', { labour_cost: '-5' }, 'labour_cost'],
		['an unknown fault category', { fault_category: 'magic' }, 'fault_category'],
	])('WTY-5: when a repair has %s, then it is refused with 400 naming the field and nothing is written', async (_label, extra, field) => {
		const unit = await createUnit('D001', 40, 10);
		const before = (await dealer.call('/after-sales/dealer/repairs')).body.data.length;
		const res = await post(dealer, '/after-sales/dealer/repairs', { ...repairBody(unit.serial_no, signature), ...extra });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.field).toBe(field);
		expect((await dealer.call('/after-sales/dealer/repairs')).body.data.length).toBe(before);
	});

	test('WTY-5: when staff write a negative part price through /items, then it is a 400 naming unit_price', async () => {
		const admin = await loginAdmin();
		const repair = (await dealer.call('/after-sales/dealer/repairs')).body.data[0];
		const res = await post(admin, '/items/repair_parts', { repair_record: repair.id, part_no: 'X', quantity: '1', unit_price: '-3' });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.body.errors[0])).toContain('unit_price');
	});
});

describe('submission pre-checks (WTY-2, WTY-3, WTY-5, WTY-7)', () => {
	test('WTY-2: when the unit’s card came back on day 23, then the claim is refused with the card reason', async () => {
		const unit = await createUnit('D001', 60, 23);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		const res = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.rule).toBe('WTY-2');
		expect(res.body.errors[0].extensions.reason).toContain('card_late');
	});

	test('WTY-3: when the warranty has expired, then the claim is refused as out of warranty', async () => {
		const unit = await createUnit('D001', 3 * 365, 5);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		expect(repair.coverage).toBe('paid');
		const res = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.reason).toContain('out_of_warranty');
	});

	test('WTY-3: when the fault was caused by misuse, then the claim is refused as an excluded cause', async () => {
		const unit = await createUnit('D001', 40, 5);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature, { fault_cause: 'misuse' }))).body.data;
		const res = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.reason).toContain('excluded_cause');
	});

	test('WTY-5: when the repair record has no customer signature, then a draft is allowed but submission is refused', async () => {
		const unit = await createUnit('D001', 40, 5);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, null))).body.data;
		const draft = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id });
		expect(draft.status).toBe(200);
		expect(draft.body.data.status).toBe('draft');
		const res = await post(dealer, `/after-sales/dealer/claims/${draft.body.data.id}/submit`);
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.rule).toBe('WTY-5');
		expect(res.body.errors[0].extensions.reason).toContain('missing_signature');
	});

	test('WTY-7: when a second claim is filed for the same repair, then it is refused as a duplicate', async () => {
		const unit = await createUnit('D001', 40, 5);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		expect((await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id })).status).toBe(200);
		const res = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.reason).toContain('duplicate');
	});

	test('DLR-1: when a dealer claims another dealer’s repair, then it is a 403', async () => {
		const unit = await createUnit('D001', 40, 5);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		const other = await dealerSession(2);
		const res = await post(other, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true });
		expect(res.status).toBe(403);
	});
});

describe('line-level partial approval (WTY-7)', () => {
	test('WTY-7: when finance approves a part line partly with a reason, then the claim total is the exact sum of the approved lines', async () => {
		const unit = await createUnit('D001', 40, 10);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		const claim = (await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true })).body.data;
		const admin = await loginAdmin();
		for (const part of repair.parts) await patch(admin, `/items/repair_parts/${part.id}`, { old_part_status: 'scrap' });
		for (const status of ['audited', 'inspected']) expect((await patch(admin, `/items/warranty_claims/${claim.id}`, { status })).status).toBe(200);
		const fin = await asStaff('finance');
		const pricey = await patch(fin, `/items/repair_parts/${repair.parts[0].id}`, { unit_price: '1.00' });
		// INT-1: the line is frozen on a submitted claim: a conflict with the record's state.
		expect(pricey.status).toBe(409);
		expect(pricey.body.errors[0].extensions.field).toBe('unit_price');
		const over = await patch(fin, `/items/repair_parts/${repair.parts[0].id}`, { approved_amount: '910.51', rejection_reason: 'over_quote' });
		expect(over.status).toBe(400);
		expect(over.body.errors[0].extensions.field).toBe('approved_amount');
		expect((await patch(fin, `/items/repair_parts/${repair.parts[0].id}`, { approved_amount: '400.00', rejection_reason: 'over_quote' })).status).toBe(200);
		const res = await patch(fin, `/items/warranty_claims/${claim.id}?fields=approved_amount,rejection_reasons`, { status: 'approved' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		// 280.00 + 120.50 + 400.00 of 910.50 + 10.00
		expect(Number(res.body.data.approved_amount)).toBe(810.5);
		expect(res.body.data.rejection_reasons).toEqual(['over_quote']);
		const late = await patch(fin, `/items/repair_parts/${repair.parts[1].id}`, { approved_amount: '0', rejection_reason: 'over_quote' });
		// INT-1: after approval the line decisions are over: a conflict with the claim's state.
		expect(late.status).toBe(409);
		expect(late.body.errors[0].extensions.rule).toBe('INT-1');
	});
});

describe('claim life-cycle with every role (WTY-6, WTY-7, WTY-8)', () => {
	let claimId: number;
	let parts: any[];

	test('WTY-7: when the dealer submits, then the claimed amounts come from the repair and a claim number is assigned', async () => {
		const unit = await createUnit('D001', 40, 10);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		parts = repair.parts;
		const res = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const claim = res.body.data;
		claimId = claim.id;
		expect(claim.status).toBe('submitted');
		expect(claim.claim_no).toMatch(/^WC\d{4}-R\d{6}$/);
		expect([claim.labour_claimed, claim.travel_claimed, claim.parts_claimed, claim.claimed_amount].map(Number)).toEqual([280, 120.5, 920.5, 1321]);
		expect(claim.submitted_at).toBeTruthy();
	});

	test('WTY-7: when a dealer reaches for /items, then it is refused (no item permissions)', async () => {
		expect((await dealer.call(`/items/warranty_claims/${claimId}`)).status).toBe(403);
		expect((await patch(dealer, `/items/warranty_claims/${claimId}`, { status: 'audited' })).status).toBe(403);
	});

	test('WTY-7: when the sales rep audits, then the claim is audited with who and when', async () => {
		const rep = await asStaff('sales_rep');
		const skip = await patch(rep, `/items/warranty_claims/${claimId}`, { status: 'approved' });
		expect(skip.status).toBe(400);
		expect(skip.body.errors[0].extensions.rule).toBe('WTY-7');
		const res = await patch(rep, `/items/warranty_claims/${claimId}?fields=status,audited_by,audited_at,history`, { status: 'audited' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ status: 'audited', audited_by: rep.id });
		expect(res.body.data.history.map((h: any) => h.to)).toEqual(['submitted', 'audited']);
	});

	test('WTY-6: when the technical dept inspects, then every old part must be classified first', async () => {
		const tech = await asStaff('technical_dept');
		const early = await patch(tech, `/items/warranty_claims/${claimId}`, { status: 'inspected' });
		expect(early.status).toBe(400);
		expect(early.body.errors[0].extensions.rule).toBe('WTY-6');
		expect((await patch(tech, `/items/repair_parts/${parts[0].id}`, { old_part_status: 'reusable' })).status).toBe(200);
		expect((await patch(tech, `/items/repair_parts/${parts[1].id}`, { old_part_status: 'missing' })).status).toBe(200);
		const wrongRole = await patch(tech, `/items/warranty_claims/${claimId}`, { status: 'approved' });
		expect(wrongRole.status).toBe(400);
		const res = await patch(tech, `/items/warranty_claims/${claimId}?fields=status,inspected_by`, { status: 'inspected' });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ status: 'inspected', inspected_by: tech.id });
	});

	test('WTY-7: when finance approves travel partly and a part is missing, then the approved amount is the sum of approved lines', async () => {
		const fin = await asStaff('finance');
		const noReason = await patch(fin, `/items/warranty_claims/${claimId}`, { travel_approved: '100.00', status: 'approved' });
		expect(noReason.status).toBe(400);
		expect(noReason.body.errors[0].extensions.field).toBe('rejection_reasons');
		const tooMuch = await patch(fin, `/items/warranty_claims/${claimId}`, { travel_approved: '999.00' });
		expect(tooMuch.status).toBe(400);
		expect(tooMuch.body.errors[0].extensions.field).toBe('travel_approved');
		const res = await patch(fin, `/items/warranty_claims/${claimId}?fields=status,approved_amount,labour_approved,travel_approved,rejection_reasons,approved_by`, {
			travel_approved: '100.00', rejection_reasons: ['over_quote'], status: 'approved',
		});
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		// 280.00 labour + 100.00 of 120.50 travel + 910.50 reusable pump + 0 of 10.00 missing seal
		expect(Number(res.body.data.approved_amount)).toBe(1290.5);
		expect(res.body.data.rejection_reasons.sort()).toEqual(['over_quote', 'parts_not_returned']);
		expect(res.body.data.approved_by).toBe(fin.id);
		const claim = (await dealer.call(`/after-sales/dealer/claims/${claimId}`)).body.data;
		expect(claim.lines.map((l: any) => [Number(l.approved_amount), l.rejection_reason?.code ?? null])).toEqual([[910.5, null], [0, 'parts_not_returned']]);
		expect(claim.rejection_reasons.find((r: any) => r.code === 'parts_not_returned').label_zh).toBe('旧件未返回');
	});

	test('WTY-8: when finance edits an approved claim, then it is refused', async () => {
		const fin = await asStaff('finance');
		const res = await patch(fin, `/items/warranty_claims/${claimId}`, { labour_approved: '1.00' });
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.rule).toBe('WTY-8');
	});

	test('WTY-8: when the dealer confirms the write-off twice, then the claim is settled with exactly one ledger credit', async () => {
		const before = (await dealer.call('/after-sales/dealer/ledger')).body.data;
		const res = await post(dealer, `/after-sales/dealer/claims/${claimId}/confirm-writeoff`);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data.status).toBe('settled');
		expect(res.body.data.writeoff_notice_no).toMatch(/^HX/);
		expect((await post(dealer, `/after-sales/dealer/claims/${claimId}/confirm-writeoff`)).status).toBe(200);
		const after = (await dealer.call('/after-sales/dealer/ledger')).body.data;
		const credits = after.entries.filter((e: any) => e.claim === claimId);
		expect(credits).toHaveLength(1);
		expect(credits[0]).toMatchObject({ entry_type: 'warranty_credit', amount: '1290.50' });
		// CAL-3: the portal shows when, as a date and time in the calendar's zone, not an epoch number.
		expect(credits[0].posted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(credits[0].posted_local).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		expect((Number(after.balance) * 100 - Number(before.balance) * 100) / 100).toBeCloseTo(1290.5, 2);
	});

	test('WTY-8: when anyone changes or deletes a ledger entry, then it is refused; a correction is a new adjustment', async () => {
		const admin = await loginAdmin();
		const entry = (await admin.call(`/items/dealer_ledger?filter[claim][_eq]=${claimId}`)).body.data[0];
		const upd = await patch(admin, `/items/dealer_ledger/${entry.id}`, { amount: '1.00' });
		expect(upd.status).toBe(409);
		expect(upd.body.errors[0].extensions.rule).toBe('WTY-8');
		const del = await admin.call(`/items/dealer_ledger/${entry.id}`, { method: 'DELETE' });
		expect(del.status).toBe(409);
		const fin = await asStaff('finance');
		const forged = await post(fin, '/items/dealer_ledger', { dealer: entry.dealer, entry_type: 'warranty_credit', amount: '50.00' });
		expect(forged.status).toBe(400);
		const adj = await post(fin, '/items/dealer_ledger', { dealer: entry.dealer, entry_type: 'adjustment', amount: '-10.00', claim: claimId, reverses: entry.id, note: '更正' });
		expect(adj.status, JSON.stringify(adj.body)).toBe(200);
		const ledger = (await dealer.call('/after-sales/dealer/ledger')).body.data;
		expect(ledger.entries.filter((e: any) => e.claim === claimId).map((e: any) => e.amount).sort()).toEqual(['-10.00', '1290.50']);
	});

	test('WTY-7: when a sales rep rejects without a reason, then it is refused; with a reason it is rejected', async () => {
		const unit = await createUnit('D001', 40, 10);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		const claim = (await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true })).body.data;
		const rep = await asStaff('sales_rep');
		const bare = await patch(rep, `/items/warranty_claims/${claim.id}`, { status: 'rejected' });
		expect(bare.status).toBe(400);
		expect(bare.body.errors[0].extensions.field).toBe('rejection_reasons');
		const res = await patch(rep, `/items/warranty_claims/${claim.id}`, { status: 'rejected', rejection_reasons: ['over_scope'], rejection_note: '超范围承诺' });
		expect(res.status).toBe(200);
		const seen = (await dealer.call(`/after-sales/dealer/claims/${claim.id}`)).body.data;
		expect(seen.status).toBe('rejected');
		expect(seen.rejection_reasons[0]).toMatchObject({ code: 'over_scope', label_en: 'beyond the warranty scope' });
	});
});
