// WTY-6: old parts of a dealer's warranty repairs join the batch of the next return deadline; the
// dealer ships it; reminders go out 14 and 3 days before a deadline, each once.
import { afterAll, describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { asStaff, createUnit, dayOffset, dealerId, dealerSession, repairBody, restoreDemoStaff, uploadSignature } from './warranty-fixtures';

afterAll(async () => {
	await restoreDemoStaff();
});

describe('old-part returns (WTY-6)', () => {
	test('WTY-6: when a dealer logs a warranty repair, then its old parts join the batch of the next deadline, which the dealer ships once', async () => {
		const dealer = await dealerSession(3);
		const unit = await createUnit('D003', 40, 10);
		const repair = (await dealer.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(unit.serial_no, await uploadSignature(dealer))) })).body.data;
		const batches = (await dealer.call('/after-sales/dealer/parts-returns')).body.data;
		const batch = batches.find((b: any) => b.parts.some((p: any) => p.repair_record === repair.id));
		expect(batch).toBeTruthy();
		const today = new Date().toISOString().slice(0, 10);
		const expected = today <= `${today.slice(0, 4)}-06-30` ? `${today.slice(0, 4)}-06-30` : `${today.slice(0, 4)}-12-31`;
		expect(batch.deadline).toBe(expected);
		expect(batch.parts.filter((p: any) => p.repair_record === repair.id)).toHaveLength(2);
		// A second repair of the same dealer and period joins the same batch (batch_key unique).
		const unit2 = await createUnit('D003', 40, 10);
		const repair2 = (await dealer.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(unit2.serial_no, null)) })).body.data;
		const again = (await dealer.call('/after-sales/dealer/parts-returns')).body.data.find((b: any) => b.id === batch.id);
		expect(again.parts.filter((p: any) => p.repair_record === repair2.id)).toHaveLength(2);

		const bad = await dealer.call(`/after-sales/dealer/parts-returns/${batch.id}/ship`, { method: 'POST', body: json({ shipped_on: '22/11/2026' }) });
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].extensions.field).toBe('shipped_on');
		const ship = await dealer.call(`/after-sales/dealer/parts-returns/${batch.id}/ship`, { method: 'POST', body: json({ carrier: '随送货车', tracking_no: 'SF123' }) });
		expect(ship.status, JSON.stringify(ship.body)).toBe(200);
		expect(ship.body.data.status).toBe('shipped');
		const twice = await dealer.call(`/after-sales/dealer/parts-returns/${batch.id}/ship`, { method: 'POST', body: '{}' });
		expect(twice.status).toBe(400);
		expect(twice.body.errors[0].extensions.rule).toBe('WTY-6');
	});

	test('WTY-6: when a deadline is 10 and then 2 days away, then the dealer’s users get the 14-day and the 3-day reminder once each', async () => {
		const admin = await loginAdmin();
		const dealer = await dealerId('D002');
		const deadline = dayOffset(10);
		const created = await admin.call('/items/parts_returns', { method: 'POST', body: json({ dealer, deadline, status: 'open'}) });
		expect(created.status).toBe(200);
		const id = created.body.data.id;
		const notes = async () => (await admin.call(`/notifications?filter[collection][_eq]=parts_returns&filter[item][_eq]=${id}&fields=recipient,subject&limit=-1`)).body.data;
		const users = (await admin.call(`/users?filter[dealer][_eq]=${dealer}&filter[status][_eq]=active&fields=id`)).body.data;
		expect(users.length).toBeGreaterThan(0);

		expect((await admin.call('/after-sales/parts-returns/remind', { method: 'POST' })).status).toBe(200);
		expect((await admin.call('/after-sales/parts-returns/remind', { method: 'POST' })).status).toBe(200);
		expect(await notes()).toHaveLength(users.length);
		expect((await admin.call(`/items/parts_returns/${id}?fields=reminders_sent`)).body.data.reminders_sent).toEqual([14]);

		const later = new Date(Date.now() + 8 * 86_400_000).toISOString();
		await admin.call(`/after-sales/parts-returns/remind?at=${later}`, { method: 'POST' });
		await admin.call(`/after-sales/parts-returns/remind?at=${later}`, { method: 'POST' });
		expect(await notes()).toHaveLength(2 * users.length);
		expect((await admin.call(`/items/parts_returns/${id}?fields=reminders_sent`)).body.data.reminders_sent.sort()).toEqual([14, 3].sort());
	});

	test('WTY-6: when a dealer asks to run the reminders, then it is a 403', async () => {
		const dealer = await dealerSession(3);
		expect((await dealer.call('/after-sales/parts-returns/remind', { method: 'POST' })).status).toBe(403);
	});

	test('WTY-6: when the technical dept receives and inspects a shipped batch, then it goes one step at a time and every part must be classified', async () => {
		const dealer = await dealerSession(2);
		const unit = await createUnit('D002', 40, 10);
		const repair = (await dealer.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(unit.serial_no, await uploadSignature(dealer))) })).body.data;
		const batch = (await dealer.call('/after-sales/dealer/parts-returns')).body.data.find((b: any) => b.parts.some((p: any) => p.repair_record === repair.id));
		const tech = await asStaff('technical_dept');
		const skip = await tech.call(`/items/parts_returns/${batch.id}`, { method: 'PATCH', body: json({ status: 'received' }) });
		expect(skip.status).toBe(400);
		expect(skip.body.errors[0].extensions.rule).toBe('WTY-6');
		expect((await dealer.call(`/after-sales/dealer/parts-returns/${batch.id}/ship`, { method: 'POST', body: '{}' })).status).toBe(200);
		expect((await tech.call(`/items/parts_returns/${batch.id}`, { method: 'PATCH', body: json({ status: 'received' }) })).status).toBe(200);
		// This repair's parts (other test files add their own lines to the dealer's batch).
		const parts = (await tech.call(`/items/repair_parts?filter[parts_return][_eq]=${batch.id}&filter[repair_record][_eq]=${repair.id}&fields=id,old_part_status&limit=-1`)).body.data;
		expect(parts.length).toBeGreaterThan(0);
		expect(parts.every((p: any) => p.old_part_status === 'returned')).toBe(true);
		const early = await tech.call(`/items/parts_returns/${batch.id}`, { method: 'PATCH', body: json({ status: 'inspected' }) });
		expect(early.status).toBe(400);
		const open = (await tech.call(`/items/repair_parts?filter[parts_return][_eq]=${batch.id}&filter[old_part_status][_in]=pending,returned&fields=id&limit=-1`)).body.data;
		for (const part of open) expect((await tech.call(`/items/repair_parts/${part.id}`, { method: 'PATCH', body: json({ old_part_status: 'reusable' }) })).status).toBe(200);
		const done = await tech.call(`/items/parts_returns/${batch.id}?fields=status,inspected_by,received_on`, { method: 'PATCH', body: json({ status: 'inspected' }) });
		expect(done.status, JSON.stringify(done.body)).toBe(200);
		expect(done.body.data).toMatchObject({ status: 'inspected', inspected_by: tech.id });
	});

	test('WTY-5: when a batch’s deadline passes unshipped, then its pending parts are missing and their claim lines are rejected as parts_not_returned', async () => {
		const admin = await loginAdmin();
		const dealer = await dealerSession(2);
		const unit = await createUnit('D002', 40, 10);
		const repair = (await dealer.call('/after-sales/dealer/repairs', { method: 'POST', body: json(repairBody(unit.serial_no, await uploadSignature(dealer))) })).body.data;
		const claim = (await dealer.call('/after-sales/dealer/claims', { method: 'POST', body: json({ repair_record: repair.id, submit: true }) })).body.data;
		const d = await dealerId('D002');
		const past = (await admin.call('/items/parts_returns', { method: 'POST', body: json({ dealer: d, deadline: dayOffset(-1), status: 'open'}) })).body.data.id;
		for (const part of repair.parts) expect((await admin.call(`/items/repair_parts/${part.id}`, { method: 'PATCH', body: json({ parts_return: past }) })).status).toBe(200);
		const run = await admin.call('/after-sales/parts-returns/remind', { method: 'POST' });
		expect(run.body.data.parts_marked_missing).toBeGreaterThanOrEqual(2);
		const statuses = (await admin.call(`/items/repair_parts?filter[repair_record][_eq]=${repair.id}&fields=old_part_status`)).body.data.map((p: any) => p.old_part_status);
		expect(statuses).toEqual(['missing', 'missing']);
		for (const status of ['audited', 'inspected', 'approved']) expect((await admin.call(`/items/warranty_claims/${claim.id}`, { method: 'PATCH', body: json({ status }) })).status).toBe(200);
		const seen = (await dealer.call(`/after-sales/dealer/claims/${claim.id}`)).body.data;
		// Only labour and travel remain: 280.00 + 120.50.
		expect(seen.approved_amount).toBe('400.50');
		expect(seen.lines.every((l: any) => l.rejection_reason?.code === 'parts_not_returned')).toBe(true);
	});
});
