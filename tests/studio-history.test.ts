// The Studio side of issue 12 item 2: every history field is shown as a timeline (display and
// read-only interface), an upgrade brings old field settings to the shipped ones, escalations
// show labels, and the acknowledge button's request works for a notified manager only (ESC-4).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { PACK_SNAPSHOT } from '../extensions/after-sales/src/api/install/apply-schema';
import { computeAcknowledgeRequest, decideAcknowledgeView } from '../extensions/after-sales/src/app/interfaces/acknowledge/lib/acknowledge';
import { json, loginAdmin } from './helpers';
import { ROOT } from './setup/directus-env';
import { agent, createComplaint, dealerUser, escalationsOf, manager, sweep, userId, waitForTimers } from './sla-helpers';
import { hashValue } from '../extensions/after-sales/src/api/install/install-record';
import { closeTestDb, testDb } from './reports-db';

afterAll(async () => {
	await closeTestDb();
});

/**
 * `directus after-sales install` on the shared database, as an admin upgrading runs it. Not
 * spawnSync: a blocked event loop would keep idle keep-alive sockets the server has since closed.
 */
async function runInstall(): Promise<string> {
	const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'directus', 'cli.js'), 'after-sales', 'install'], { cwd: ROOT, env: process.env, maxBuffer: 64 * 1024 * 1024 });
	return stdout;
}

type FieldRow = { collection: string; field: string; type: string; meta: Record<string, any> | null };

const HISTORY_COLLECTIONS = ['complaints', 'customers', 'repair_records', 'service_requests', 'warranty_claims'];

async function historyFields(): Promise<FieldRow[]> {
	const admin = await loginAdmin();
	const { body } = await admin.call('/fields');
	return (body.data as FieldRow[]).filter((f) => f.field === 'history' && !f.collection.startsWith('directus_')).sort((a, b) => a.collection.localeCompare(b.collection));
}

describe('history fields in the Studio (ARC-3, CMP-3, WTY-7)', () => {
	test('ARC-3: when the pack is installed, then every history field of the snapshot and of the project has the timeline display and the read-only timeline interface', async () => {
		const shipped = PACK_SNAPSHOT.fields.filter((f) => f.field === 'history') as FieldRow[];
		expect(shipped.map((f) => f.collection).sort()).toEqual(HISTORY_COLLECTIONS);
		for (const f of shipped) expect(f.meta).toMatchObject({ display: 'after-sales-history', interface: 'after-sales-timeline', readonly: true });

		const provisioned = await historyFields();
		expect(provisioned.map((f) => f.collection)).toEqual(HISTORY_COLLECTIONS);
		for (const f of provisioned) expect(f.meta, f.collection).toMatchObject({ display: 'after-sales-history', interface: 'after-sales-timeline', readonly: true });
	});

	test('ARC-3: the bundle declares the display and both interfaces the fields name, and the built Studio code registers them', async () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'extensions', 'after-sales', 'package.json'), 'utf8'));
		const entries = pkg['directus:extension'].entries.map((e: { type: string; name: string }) => `${e.type}:${e.name}`);
		expect(entries).toEqual(expect.arrayContaining(['display:after-sales-history', 'interface:after-sales-timeline', 'interface:after-sales-acknowledge']));
		const admin = await loginAdmin();
		const { status, body } = await admin.call('/extensions');
		expect(status).toBe(200);
		const bundle = (body.data as Array<{ schema?: { name?: string; entries?: Array<{ type: string; name: string }> }; bundle?: string | null }>)
			.find((e) => e.schema?.name === 'directus-extension-after-sales');
		expect(bundle?.schema?.entries?.map((e) => `${e.type}:${e.name}`)).toEqual(expect.arrayContaining(entries));
	});

	test('ARC-3: when a project installed before the timeline is upgraded, then install brings the history fields\' display and interface to the shipped ones', async () => {
		const admin = await loginAdmin();
		// A history field as an older version of the pack left it.
		const old = { interface: 'list', options: { template: '{{at}} {{by}} {{summary}}', fields: [] }, display: null };
		expect((await admin.call('/fields/complaints/history', { method: 'PATCH', body: json({ meta: old }) })).status).toBe(200);
		expect((await admin.call('/fields/complaints/history')).body.data.meta.interface).toBe('list');
		// That older pack's install recorded what it wrote (an admin's own edit would be kept, issue 13).
		const db = testDb();
		const row = await db('service_settings').first('install_record');
		const record = typeof row.install_record === 'string' ? JSON.parse(row.install_record) : row.install_record;
		record.fields['complaints.history'] = { ...record.fields['complaints.history'], interface: hashValue(old.interface), options: hashValue(old.options), display: hashValue(old.display) };
		await db('service_settings').update({ install_record: JSON.stringify(record) });

		const output = await runInstall();
		const report = JSON.parse(output.match(/install: (\{.*\})/)![1]!);
		expect(report.schema_changes, output).toBeGreaterThan(0);
		const after = (await historyFields()).find((f) => f.collection === 'complaints')!;
		expect(after.meta).toMatchObject({ interface: 'after-sales-timeline', display: 'after-sales-history', options: null });
	}, 120_000);

	test('CMP-3: a staff member who opens a complaint can read what the timeline shows: the history, the status choices and the names of the users in it', async () => {
		const complaint = await createComplaint();
		const a = await agent();
		const { body } = await a.call(`/items/complaints/${complaint.id}?fields=history`);
		const [entry] = body.data.history;
		expect(entry).toMatchObject({ to: 'received', by: expect.any(String) });
		const users = await a.call(`/users?filter=${encodeURIComponent(JSON.stringify({ id: { _in: [entry.by] } }))}&fields=id,first_name,last_name,email&limit=-1`);
		expect(users.status).toBe(200);
		expect(users.body.data).toEqual([expect.objectContaining({ id: entry.by })]);
		const status = await a.call('/fields/complaints/status');
		expect(status.body.data.meta.options.choices).toEqual(expect.arrayContaining([{ text: '$t:as_complaints_status_received', value: 'received', color: '#6644FF' }]));
		const settings = await a.call('/items/service_settings?fields=calendar,default_timezone');
		expect(settings.status).toBe(200);
	});
});

describe('escalations in the Studio (ESC-4)', () => {
	test('ESC-4: collection and milestone are shown as translated labels, and the display template names the record', async () => {
		const admin = await loginAdmin();
		const fields = (await admin.call('/fields/escalations')).body.data as FieldRow[];
		const byName = new Map(fields.map((f) => [f.field, f]));
		expect(byName.get('collection')!.meta).toMatchObject({ display: 'labels' });
		expect(byName.get('collection')!.meta!['display_options'].choices).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'complaints', text: '$t:as_escalations_collection_complaints' })]));
		expect(byName.get('milestone')!.meta).toMatchObject({ display: 'labels', validation: null });
		expect(byName.get('milestone')!.meta!['display_options'].choices).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'first_response', text: '$t:as_escalations_milestone_first_response' })]));
		expect(byName.get('acknowledge')!.meta).toMatchObject({ interface: 'after-sales-acknowledge', special: ['alias', 'no-data'] });

		const translations = await admin.call(`/translations?filter=${encodeURIComponent(JSON.stringify({ key: { _in: ['as_escalations_collection_complaints', 'as_escalations_milestone_first_response'] } }))}&fields=key,language,value&limit=-1`);
		const text = Object.fromEntries((translations.body.data as Array<{ key: string; language: string; value: string }>).map((t) => [`${t.key}|${t.language}`, t.value]));
		expect(text).toMatchObject({
			'as_escalations_collection_complaints|zh-CN': '投诉', 'as_escalations_collection_complaints|en-US': 'Complaints',
			'as_escalations_milestone_first_response|zh-CN': '首次响应', 'as_escalations_milestone_first_response|en-US': 'First response',
		});
		const collection = (await admin.call('/collections/escalations')).body.data;
		expect(collection.meta.display_template).toContain('{{collection}} #{{item}}');
	});

	test('ESC-4: when the acknowledge button\'s request is sent, then a notified manager acknowledges once, an agent who was not notified is refused and a dealer learns nothing', async () => {
		const complaint = await createComplaint();
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		await sweep();
		const escalation = (await escalationsOf('complaints', complaint.id)).find((e) => e.kind === 'breach');
		expect(escalation, 'the sweep escalates a complaint received 3 h ago').toBeTruthy();
		const managerId = await userId(manager());
		const agentId = await userId(agent());
		expect(escalation.notified_users).toContain(managerId);
		expect(escalation.notified_users).not.toContain(agentId);

		const m = await manager();
		// What the form gives the button: the item as the manager reads it.
		const asManager = (await m.call(`/items/escalations/${escalation.id}`)).body.data;
		const request = computeAcknowledgeRequest(escalation.id);
		expect(decideAcknowledgeView({ primaryKey: escalation.id, acknowledgedAt: asManager.acknowledged_at, notifiedUsers: asManager.notified_users, me: agentId, admin: false })).toBe('not-notified');
		const refused = await (await agent()).call(request.path, { method: request.method });
		expect(refused.status).toBe(403);
		expect(JSON.stringify(refused.body)).toContain('ESC-4');
		expect((await (await dealerUser(1)).call(request.path, { method: request.method })).status).toBe(404);

		expect(decideAcknowledgeView({ primaryKey: escalation.id, acknowledgedAt: asManager.acknowledged_at, notifiedUsers: asManager.notified_users, me: managerId, admin: false })).toBe('available');
		const done = await m.call(request.path, { method: request.method });
		expect(done.status).toBe(200);
		expect(done.body.data).toMatchObject({ id: escalation.id, acknowledged_by: managerId, acknowledged_at: expect.any(String) });
		const reread = (await m.call(`/items/escalations/${escalation.id}`)).body.data;
		expect(reread.acknowledged_by).toBe(managerId);
		expect(decideAcknowledgeView({ primaryKey: escalation.id, acknowledgedAt: reread.acknowledged_at, notifiedUsers: reread.notified_users, me: managerId, admin: false })).toBe('acknowledged');
		// The log stays immutable for everyone but the endpoint (ESC-4).
		expect([403, 409]).toContain((await m.call(`/items/escalations/${escalation.id}`, { method: 'PATCH', body: json({ acknowledged_by: agentId }) })).status);
		expect((await m.call(`/items/escalations/${escalation.id}`)).body.data.acknowledged_by).toBe(managerId);
	});
});
