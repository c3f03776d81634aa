// Issue 11 over REST, as the users who meet these rules: CMP-3 (a complaint is agreed only with the
// signed handling agreement attached), REQ-8 (a repeat repair's claim is held for the technical
// department, who is told; an old part is claimed once) and DLR-1 (a suspended, terminated or
// expired dealer logs no repairs and files no claims, on the portal and through /items alike).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, login, loginAdmin, type CallResult } from './helpers';
import { agent, createComplaint, manager, uploadAgreementFile } from './sla-helpers';
import { DEMO_PASSWORD, asStaff, createUnit, dealerSession, repairBody, restoreDemoStaff, uploadSignature } from './warranty-fixtures';

type Who = { call: (path: string, init?: RequestInit) => Promise<CallResult> };
const post = (who: Who, path: string, body: unknown = {}) => who.call(path, { method: 'POST', body: json(body) });
const patch = (who: Who, path: string, body: unknown) => who.call(path, { method: 'PATCH', body: json(body) });
const DEALER_ROLE = 'a5a1e5a1-0000-4000-8000-000000000008';

const expectRule = (res: CallResult, status: number, rule: string, field: string) => {
	expect(res.status, JSON.stringify(res.body)).toBe(status);
	expect(res.body.errors[0].extensions).toMatchObject({ rule, field });
	return res.body.errors[0];
};

/** CAL-3: the business calendar's date (the demo calendar is Asia/Shanghai). */
const businessDay = (offsetDays = 0) => {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
	return new Date(Date.parse(`${today}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
};

afterAll(async () => {
	await restoreDemoStaff();
});

describe('CMP-3: the customer agrees by the signed handling agreement', () => {
	async function approvedComplaint() {
		const complaint = await createComplaint({ received_at: new Date().toISOString() });
		for (const [who, status] of [[agent, 'contacting'], [agent, 'analysing'], [agent, 'proposed'], [manager, 'approved']] as const) {
			const res = await patch(await who(), `/items/complaints/${complaint.id}`, { status });
			expect(res.status, `${status}: ${JSON.stringify(res.body)}`).toBe(200);
		}
		return complaint.id as number;
	}
	const statusOf = async (id: number) => (await (await loginAdmin()).call(`/items/complaints/${id}?fields=status,agreement_file,history`)).body.data;

	test('CMP-3: when a complaint is moved to agreed without the signed agreement, then it is a 400 naming agreement_file and it stays approved', async () => {
		const id = await approvedComplaint();
		const error = expectRule(await patch(await agent(), `/items/complaints/${id}`, { status: 'agreed' }), 400, 'CMP-3', 'agreement_file');
		expect(error.message).toContain('处理协议');
		// Not even an administrator skips the document.
		expectRule(await patch(await loginAdmin(), `/items/complaints/${id}`, { status: 'agreed', agreement_file: null }), 400, 'CMP-3', 'agreement_file');
		const after = await statusOf(id);
		expect(after.status).toBe('approved');
		expect(after.history.at(-1).to).toBe('approved');
	});

	test('CMP-3: when a made-up file id is attached, then it is a 400 naming agreement_file and nothing is written', async () => {
		const id = await approvedComplaint();
		for (const agreement_file of ['6f1c1a52-0d1e-4c61-9b86-1f4a0e2b7c11', 'not-a-file']) {
			const res = await patch(await agent(), `/items/complaints/${id}`, { status: 'agreed', agreement_file });
			expect(res.status, JSON.stringify(res.body)).toBe(400);
			// The integrity layer (INT-5: references name real rows) may answer before the workflow does.
			expect(res.body.errors[0].extensions.field).toBe('agreement_file');
			expect(['CMP-3', 'INT-5']).toContain(res.body.errors[0].extensions.rule);
		}
		expect(await statusOf(id)).toMatchObject({ status: 'approved', agreement_file: null });
	});

	test('CMP-3: when the signed agreement is uploaded through /files and attached, then the complaint is agreed; removing it afterwards is refused, replacing it is not', async () => {
		const id = await approvedComplaint();
		const file = await uploadAgreementFile(await agent());
		const res = await patch(await agent(), `/items/complaints/${id}?fields=status,agreement_file`, { status: 'agreed', agreement_file: file });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ status: 'agreed', agreement_file: file });
		expectRule(await patch(await agent(), `/items/complaints/${id}`, { agreement_file: null }), 400, 'CMP-3', 'agreement_file');
		const replacement = await uploadAgreementFile(await agent(), 'agreement-v2.pdf');
		expect((await patch(await agent(), `/items/complaints/${id}`, { agreement_file: replacement })).status).toBe(200);
		expect((await patch(await agent(), `/items/complaints/${id}`, { status: 'implementing' })).status).toBe(200);
		expectRule(await patch(await agent(), `/items/complaints/${id}`, { agreement_file: null }), 400, 'CMP-3', 'agreement_file');
		expect(await statusOf(id)).toMatchObject({ status: 'implementing', agreement_file: replacement });
	});

	test('CMP-3: when the file is attached before the customer agrees, then the later move to agreed needs nothing more', async () => {
		const id = await approvedComplaint();
		const file = await uploadAgreementFile(await agent());
		expect((await patch(await agent(), `/items/complaints/${id}`, { agreement_file: file })).status).toBe(200);
		expect((await patch(await agent(), `/items/complaints/${id}`, { status: 'agreed' })).status).toBe(200);
	});
});

describe('REQ-8: repeat repairs and reused old parts', () => {
	let dealer: Awaited<ReturnType<typeof dealerSession>>;
	let signature: string;
	let tech: Awaited<ReturnType<typeof asStaff>>;

	beforeAll(async () => {
		dealer = await dealerSession(1);
		signature = await uploadSignature(dealer);
		// The technical department exists before the claim is submitted, so it can be told.
		tech = await asStaff('technical_dept');
	});

	/** A unit repaired a month ago and back now with the same fault: the second repair is a repeat (REQ-8). */
	async function repeatRepair() {
		const unit = await createUnit('D001', 100, 5);
		const first = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature, {
			received_at: new Date(Date.now() - 30 * 86_400_000).toISOString(), completed_at: new Date(Date.now() - 29 * 86_400_000).toISOString(),
		}));
		expect(first.status, JSON.stringify(first.body)).toBe(200);
		const second = await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature));
		expect(second.body.data.repeat_of).toBe(first.body.data.id);
		return second.body.data;
	}

	/** The admin takes the claim through audit and inspection (every old part reusable). */
	async function bringToInspected(claimId: number, parts: { id: number }[]) {
		const admin = await loginAdmin();
		expect((await patch(admin, `/items/warranty_claims/${claimId}`, { status: 'audited' })).status).toBe(200);
		for (const part of parts) expect((await patch(admin, `/items/repair_parts/${part.id}`, { old_part_status: 'reusable' })).status).toBe(200);
		const inspected = await patch(admin, `/items/warranty_claims/${claimId}`, { status: 'inspected' });
		expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
	}

	test('REQ-8: when a dealer submits the claim of a repeat repair, then it is held for review and the technical department is notified in-app', async () => {
		const repair = await repeatRepair();
		const res = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data).toMatchObject({ status: 'submitted', repeat_review: 'pending' });
		const admin = await loginAdmin();
		const notices = (await admin.call(`/notifications?filter[recipient][_eq]=${tech.id}&filter[collection][_eq]=warranty_claims&filter[item][_eq]=${res.body.data.id}&fields=subject,message,status`)).body.data;
		expect(notices).toHaveLength(1);
		expect(notices[0].subject).toContain(res.body.data.claim_no);
		expect(notices[0].message).toContain(`#${repair.repeat_of}`);
		expect(notices[0].status).toBe('inbox');
	});

	test('REQ-8: when an ordinary repair’s claim is submitted, then it is not held and nobody is told', async () => {
		const unit = await createUnit('D001', 40, 5);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature))).body.data;
		const res = await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.data.repeat_review).toBeNull();
		const admin = await loginAdmin();
		expect((await admin.call(`/notifications?filter[collection][_eq]=warranty_claims&filter[item][_eq]=${res.body.data.id}`)).body.data).toHaveLength(0);
	});

	test('REQ-8: when finance approves a held repeat-repair claim, then it is a 400 naming repeat_review; once the technical department clears it, finance approves', async () => {
		const repair = await repeatRepair();
		const claim = (await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id })).body.data;
		expect((await post(dealer, `/after-sales/dealer/claims/${claim.id}/submit`)).body.data.repeat_review).toBe('pending');
		await bringToInspected(claim.id, repair.parts);
		const fin = await asStaff('finance');
		const held = expectRule(await patch(fin, `/items/warranty_claims/${claim.id}`, { status: 'approved' }), 400, 'REQ-8', 'repeat_review');
		expect(held.extensions.reason).toContain('technical department');
		// Finance does not record the review itself.
		expectRule(await patch(fin, `/items/warranty_claims/${claim.id}`, { repeat_review: 'cleared' }), 400, 'REQ-8', 'repeat_review');
		const t = await asStaff('technical_dept');
		const cleared = await patch(t, `/items/warranty_claims/${claim.id}?fields=repeat_review,repeat_reviewed_by,repeat_reviewed_at,status`, { repeat_review: 'cleared', repeat_review_note: '首次维修正常，本次为新的零件故障' });
		expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
		expect(cleared.body.data).toMatchObject({ repeat_review: 'cleared', repeat_reviewed_by: t.id, status: 'inspected' });
		expect(cleared.body.data.repeat_reviewed_at).toBeTruthy();
		const fin2 = await asStaff('finance');
		const approved = await patch(fin2, `/items/warranty_claims/${claim.id}?fields=status`, { status: 'approved' });
		expect(approved.status, JSON.stringify(approved.body)).toBe(200);
		expect(approved.body.data.status).toBe('approved');
	});

	test('REQ-8: when the technical department refuses a repeat-repair claim (with a reason), then it cannot be approved, only rejected', async () => {
		const repair = await repeatRepair();
		const claim = (await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true })).body.data;
		await bringToInspected(claim.id, repair.parts);
		const t = await asStaff('technical_dept');
		expectRule(await patch(t, `/items/warranty_claims/${claim.id}`, { repeat_review: 'refused' }), 400, 'REQ-8', 'repeat_review_note');
		expect((await patch(t, `/items/warranty_claims/${claim.id}`, { repeat_review: 'refused', repeat_review_note: '首次维修未更换密封件，属返修' })).status).toBe(200);
		const fin = await asStaff('finance');
		expectRule(await patch(fin, `/items/warranty_claims/${claim.id}`, { status: 'approved' }), 400, 'REQ-8', 'repeat_review');
		expect((await patch(fin, `/items/warranty_claims/${claim.id}`, { status: 'rejected', rejection_reasons: ['excluded_cause'] })).status).toBe(200);
		expect((await dealer.call(`/after-sales/dealer/claims/${claim.id}`)).body.data).toMatchObject({ status: 'rejected', repeat_review: 'refused' });
	});

	test('REQ-8: when a dealer logs a repair with an old part already on another submitted claim, then it is a 400 naming old_part_serial (duplicate) and nothing is written', async () => {
		const unit = await createUnit('D001', 40, 5);
		const body = repairBody(unit.serial_no, signature);
		const repair = (await post(dealer, '/after-sales/dealer/repairs', body)).body.data;
		expect((await post(dealer, '/after-sales/dealer/claims', { repair_record: repair.id, submit: true })).status).toBe(200);
		const serial = String(body.parts[0]!.old_part_serial);
		const before = (await dealer.call('/after-sales/dealer/repairs')).body.data.length;
		const again = await createUnit('D001', 40, 5);
		// Written with other case and blanks, it is still the same part.
		const reused = repairBody(again.serial_no, signature);
		reused.parts[1] = { ...reused.parts[1]!, old_part_serial: ` ${serial.toLowerCase()} ` };
		const error = expectRule(await post(dealer, '/after-sales/dealer/repairs', reused), 400, 'REQ-8', 'old_part_serial');
		expect(error.message).toContain('parts.1');
		expect(error.extensions.reason).toContain('duplicate');
		expect((await dealer.call('/after-sales/dealer/repairs')).body.data.length).toBe(before);
	});

	test('REQ-8: when a claim is submitted for a repair whose old part (added through /items) is on another live claim, then it is a 400 naming old_part_serial on every path; once that claim is rejected the part is free', async () => {
		const unitA = await createUnit('D001', 40, 5);
		const bodyA = repairBody(unitA.serial_no, signature);
		const repairA = (await post(dealer, '/after-sales/dealer/repairs', bodyA)).body.data;
		const claimA = (await post(dealer, '/after-sales/dealer/claims', { repair_record: repairA.id, submit: true })).body.data;
		const unitB = await createUnit('D001', 40, 5);
		const repairB = (await post(dealer, '/after-sales/dealer/repairs', repairBody(unitB.serial_no, signature))).body.data;
		const draft = (await post(dealer, '/after-sales/dealer/claims', { repair_record: repairB.id })).body.data;
		const admin = await loginAdmin();
		const line = await post(admin, '/items/repair_parts', { repair_record: repairB.id, part_no: 'HP-455', quantity: '1', unit_price: '455.25', old_part_serial: bodyA.parts[0]!.old_part_serial });
		expect(line.status, JSON.stringify(line.body)).toBe(200);
		const portal = expectRule(await post(dealer, `/after-sales/dealer/claims/${draft.id}/submit`), 400, 'REQ-8', 'old_part_serial');
		expect(portal.message).toContain(claimA.claim_no);
		expectRule(await patch(admin, `/items/warranty_claims/${draft.id}`, { status: 'submitted' }), 400, 'REQ-8', 'old_part_serial');
		const gql = await post(admin, '/graphql', { query: `mutation { update_warranty_claims_item(id: ${draft.id}, data: { status: "submitted" }) { id } }` });
		expect(gql.body.errors?.[0]?.extensions).toMatchObject({ rule: 'REQ-8', field: 'old_part_serial' });
		expect((await dealer.call(`/after-sales/dealer/claims/${draft.id}`)).body.data.status).toBe('draft');
		// A rejected claim holds nothing: the same part may now be claimed.
		expect((await patch(admin, `/items/warranty_claims/${claimA.id}`, { status: 'rejected', rejection_reasons: ['over_scope'] })).status).toBe(200);
		const submitted = await post(dealer, `/after-sales/dealer/claims/${draft.id}/submit`);
		expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
	});
});

describe('DLR-1: a dealer files only while its agreement stands', () => {
	let dealerId: number;
	let code: string;
	let session: Awaited<ReturnType<typeof login>>;
	let signature: string;
	const repairs: { id: number }[] = [];
	let unit: { id: number; serial_no: string };

	beforeAll(async () => {
		const admin = await loginAdmin();
		code = `DX${process.pid}${Date.now().toString(36)}`.slice(0, 32);
		const created = await post(admin, '/items/dealers', { code, name: '测试协议经销商', tier: 'B', status: 'active', agreement_start: businessDay(-400), agreement_end: businessDay(300) });
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		dealerId = created.body.data.id;
		const email = `dlr1-${code.toLowerCase()}@example.com`;
		const user = await post(admin, '/users', { email, password: DEMO_PASSWORD, role: DEALER_ROLE, dealer: dealerId, first_name: '协议' });
		expect(user.status, JSON.stringify(user.body)).toBe(200);
		session = await login(email, DEMO_PASSWORD);
		signature = await uploadSignature(session);
		unit = await createUnit(code, 40, 5);
		// Two repairs logged and one draft claim filed while the dealer is in good standing.
		for (let i = 0; i < 2; i++) {
			const res = await post(session, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature, { fault_category: i ? 'electrical' : 'hydraulic' }));
			expect(res.status, JSON.stringify(res.body)).toBe(200);
			repairs.push(res.body.data);
		}
	});

	const setDealer = async (data: Record<string, unknown>) => {
		const res = await patch(await loginAdmin(), `/items/dealers/${dealerId}`, data);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
	};
	const expectStanding = (res: CallResult, standing: string) => {
		const error = expectRule(res, 403, 'DLR-1', 'dealer');
		expect(error.extensions.standing).toBe(standing);
		expect(error.extensions.reason).toContain(standing);
		return error;
	};

	test('DLR-1: when the dealer is suspended, then logging a repair or filing and submitting a claim on the portal is a 403 naming the reason, and GET /dealer/me tells why', async () => {
		const draft = await post(session, '/after-sales/dealer/claims', { repair_record: repairs[0]!.id });
		expect(draft.status, JSON.stringify(draft.body)).toBe(200);
		expect((await session.call('/after-sales/dealer/me')).body.data.standing).toMatchObject({ may_file: true, reason: null });
		await setDealer({ status: 'suspended' });
		const before = (await session.call('/after-sales/dealer/repairs')).body.data.length;
		expectStanding(await post(session, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature)), 'suspended');
		expectStanding(await post(session, '/after-sales/dealer/claims', { repair_record: repairs[1]!.id, submit: true }), 'suspended');
		expectStanding(await post(session, '/after-sales/dealer/claims', { repair_record: repairs[1]!.id }), 'suspended');
		expectStanding(await post(session, `/after-sales/dealer/claims/${draft.body.data.id}/submit`), 'suspended');
		expect((await session.call('/after-sales/dealer/repairs')).body.data.length).toBe(before);
		expect((await session.call(`/after-sales/dealer/claims/${draft.body.data.id}`)).body.data.status).toBe('draft');
		const me = (await session.call('/after-sales/dealer/me')).body.data;
		expect(me.standing).toMatchObject({ may_file: false, reason: 'suspended', rule: 'DLR-1' });
		expect(me.standing.message_zh).toContain('暂停');
		// Reading stays open: the dealer still sees its own records.
		expect((await session.call('/after-sales/dealer/claims')).status).toBe(200);
	});

	test('DLR-1: when staff log a dealer repair or submit its claim through /items for a suspended dealer, then it is a 403 naming the reason; a company technician’s repair on its unit is still logged', async () => {
		const admin = await loginAdmin();
		const repair = { unit: unit.id, dealer: dealerId, status: 'completed', fault_category: 'engine', fault_description: '启动困难', coverage: 'warranty', labour_cost: '10.00', travel_cost: '0' };
		expectStanding(await post(admin, '/items/repair_records', repair), 'suspended');
		const draft = (await session.call('/after-sales/dealer/claims')).body.data.find((c: any) => c.status === 'draft');
		expectStanding(await patch(admin, `/items/warranty_claims/${draft.id}`, { status: 'submitted' }), 'suspended');
		expectStanding(await post(admin, '/items/warranty_claims', { repair_record: repairs[1]!.id }), 'suspended');
		const techId = (await admin.call('/users?filter[email][_eq]=tech1@example.com&fields=id')).body.data[0].id;
		const byTechnician = await post(admin, '/items/repair_records', { ...repair, technician: techId });
		expect(byTechnician.status, JSON.stringify(byTechnician.body)).toBe(200);
	});

	test('DLR-1: when the dealer is terminated, then the reason is terminated', async () => {
		await setDealer({ status: 'terminated' });
		expectStanding(await post(session, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature)), 'terminated');
		expect((await session.call('/after-sales/dealer/me')).body.data.standing.reason).toBe('terminated');
	});

	test('DLR-1: when the agreement ended yesterday (business calendar), then filing is refused as agreement_ended; an agreement ending today still files', async () => {
		await setDealer({ status: 'active', agreement_end: businessDay(-1) });
		const error = expectStanding(await post(session, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature)), 'agreement_ended');
		expect(error.message).toContain(businessDay(-1));
		expect((await session.call('/after-sales/dealer/me')).body.data.standing).toMatchObject({ may_file: false, reason: 'agreement_ended', agreement_end: businessDay(-1) });
		await setDealer({ agreement_end: businessDay(0) });
		const res = await post(session, '/after-sales/dealer/repairs', repairBody(unit.serial_no, signature, { fault_category: 'cab' }));
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const claim = await post(session, '/after-sales/dealer/claims', { repair_record: res.body.data.id, submit: true });
		expect(claim.status, JSON.stringify(claim.body)).toBe(200);
		expect((await session.call('/after-sales/dealer/me')).body.data.standing).toMatchObject({ may_file: true, reason: null });
	});
});
