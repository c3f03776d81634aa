// Issue 13 (1-3): install refuses what the pack does not own and what the licence does not allow,
// an upgrade keeps an admin's edits, and uninstall removes the pack and nothing else. Each test
// runs the pack's CLI against a Directus project of its own (SQLite, or PostgreSQL with DB_CLIENT=pg).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashValue } from '../extensions/after-sales/src/api/install/install-record';
import { DASHBOARD_ID } from '../extensions/after-sales/src/api/install/provision-dashboard';
import { PACK_COLLECTIONS, PACK_SNAPSHOT } from '../extensions/after-sales/src/api/install/pack-snapshot';
import { ROLES } from '../extensions/after-sales/src/api/install/roles';
import { api, dbs, loginToken, runCliStatus, startServer, stop, withDatabase } from './install-helpers';
import { ADMIN, ROOT, createTestDatabase, directusTestEnv } from './setup/directus-env';
import { freePort, runCli, snapshotExtensions } from './setup/global-setup';

const DIRECTUS = [join(ROOT, 'node_modules', 'directus', 'cli.js'), 'start'];
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
const collection = (name: string, fields: unknown[] = []) => ({
	collection: name, meta: { icon: 'folder' }, schema: {},
	fields: [{ field: 'id', type: 'integer', meta: { hidden: true }, schema: { is_primary_key: true, has_auto_increment: true } }, ...fields],
});

async function newProject(name: string) {
	const db = await createTestDatabase(name);
	dbs.push(db);
	const env = directusTestEnv(db, await freePort(), { EXTENSIONS_PATH: mkdtempSync(join(tmpdir(), 'as-no-ext-')) });
	runCli(['bootstrap'], env);
	return { env, withPack: { ...env, EXTENSIONS_PATH: snapshotExtensions() }, url: env['PUBLIC_URL']! };
}

/** Everything an install could touch, read straight from the database. */
function fingerprint(env: Record<string, string>) {
	return withDatabase(env, async (knex) => ({
		collections: await knex('directus_collections').orderBy('collection').select('collection', 'icon', 'note', 'group', 'translations', 'archive_field'),
		fields: await knex('directus_fields').orderBy(['collection', 'field']).select('collection', 'field', 'interface', 'options', 'note', 'validation'),
		relations: await knex('directus_relations').orderBy(['many_collection', 'many_field']).select('many_collection', 'many_field', 'one_collection'),
		roles: await knex('directus_roles').orderBy('name').pluck('name'),
		policies: await knex('directus_policies').orderBy('name').pluck('name'),
		permissions: await knex('directus_permissions').orderBy('id').select('policy', 'collection', 'action'),
		translations: await knex('directus_translations').count({ n: '*' }),
		dashboards: await knex('directus_dashboards').count({ n: '*' }),
		customers: await knex('customers').orderBy('id').select('*'),
		customerColumns: Object.keys(await knex('customers').columnInfo()).sort(),
		tables: (await Promise.all(PACK_COLLECTIONS.map(async (c) => ((await knex.schema.hasTable(c)) ? c : null)))).filter(Boolean),
	}));
}

describe('install refuses what the pack does not own and what the licence does not allow', () => {
	test('a foreign customers collection, 10 foreign collections and 3 Studio users: dry run and install list the clash and both limits, exit non-zero and change nothing', async () => {
		const { env, withPack, url } = await newProject('clash');
		const plain = await startServer(env, DIRECTUS);
		const token = await loginToken(url, ADMIN.email, ADMIN.password);
		// The owner's own customers app: a phone stored as a number, a status of their own.
		expect((await api(url, token, '/collections', post(collection('customers', [
			{ field: 'name', type: 'string', meta: { interface: 'input' } }, { field: 'phone', type: 'integer', meta: { interface: 'input' } },
			{ field: 'status', type: 'string', meta: { interface: 'select-dropdown', options: { choices: [{ text: 'VIP', value: 'vip' }] } } },
		])))).status).toBe(200);
		await api(url, token, '/items/customers', post([{ name: '老客户 甲', phone: 88880001, status: 'vip' }, { name: '老客户 乙', phone: 88880002, status: 'vip' }]));
		for (let i = 1; i <= 9; i++) expect((await api(url, token, '/collections', post(collection(`own_${i}`, [{ field: 'title', type: 'string' }])))).status).toBe(200);
		const policy = (await api(url, token, '/policies', post({ name: 'Editors', app_access: true, admin_access: false }))).body.data;
		const role = (await api(url, token, '/roles', post({ name: 'Editors' }))).body.data;
		await api(url, token, '/access', post({ role: role.id, policy: policy.id }));
		for (const email of ['editor1@example.com', 'editor2@example.com']) {
			expect((await api(url, token, '/users', post({ email, password: 'editor-password', role: role.id, status: 'active' }))).status).toBe(200);
		}
		await stop(plain.child);
		const before = await fingerprint(env);

		const dryRun = await runCliStatus(['after-sales', 'install', '--dry-run', '--seed'], withPack);
		expect(dryRun.status, dryRun.output).toBe(1);
		expect(dryRun.output).toMatch(/collection "customers" exists and was not created by the pack \(2 rows; field phone is integer, the pack needs string\)/);
		expect(dryRun.output).toContain('collections over the licence limit: 10 in use + 16 from the pack = 26, limit 25');
		expect(dryRun.output).toContain('seats over the licence limit: 3 in use + 2 Studio users of the demo data = 5, limit 3');
		expect(dryRun.output).toContain('Nothing was changed');
		expect(dryRun.output).not.toMatch(/\n\s+at \S+ \(/); // no stack trace
		expect(await fingerprint(env)).toEqual(before);

		const real = await runCliStatus(['after-sales', 'install', '--seed'], withPack);
		expect(real.status, real.output).toBe(1);
		expect(real.output).toContain('collection "customers" exists and was not created by the pack');
		expect(real.output).toContain('collections over the licence limit');
		expect(await fingerprint(env)).toEqual(before);

		const seed = await runCliStatus(['after-sales', 'seed'], withPack);
		expect(seed.status, seed.output).toBe(1);
		expect(seed.output).toContain('seats over the licence limit');
		expect(await fingerprint(env)).toEqual(before);
	}, 600_000);
});

describe('upgrade and uninstall', () => {
	test('a re-install keeps an admin’s note and updates what the pack last wrote; uninstall lists first, refuses without --yes, keeps data with --keep-data and otherwise removes the pack and nothing else', async () => {
		const { env, withPack, url } = await newProject('lifecycle');
		expect((await runCliStatus(['after-sales', 'install'], withPack)).status).toBe(0);

		// The admin's own work, in Studio: a collection pointing at the pack's customers, a role, a user, a changed note.
		const server = await startServer(withPack, DIRECTUS);
		const token = await loginToken(url, ADMIN.email, ADMIN.password);
		const customer = (await api(url, token, '/items/customers', post({ name: '王建军', phone: '13900000001', type: 'individual' })));
		expect(customer.status, JSON.stringify(customer.body)).toBe(200);
		expect((await api(url, token, '/collections', post(collection('projects', [{ field: 'title', type: 'string' }])))).status).toBe(200);
		expect((await api(url, token, '/fields/projects', post({ field: 'customer', type: 'integer', meta: { interface: 'select-dropdown-m2o', special: ['m2o'] }, schema: {} }))).status).toBe(200);
		expect((await api(url, token, '/relations', post({ collection: 'projects', field: 'customer', related_collection: 'customers' }))).status).toBe(200);
		await api(url, token, '/items/projects', post([{ title: '老项目 A', customer: customer.body.data.id }, { title: '老项目 B' }]));
		const role = (await api(url, token, '/roles', post({ name: 'Editors' }))).body.data;
		await api(url, token, '/users', post({ email: 'editor@example.com', password: 'editor-password', role: role.id, status: 'draft' }));
		expect((await api(url, token, '/fields/customers/name', { method: 'PATCH', body: JSON.stringify({ meta: { note: '管理员的说明' } }) })).status).toBe(200);
		await stop(server.child);

		// An earlier pack version wrote another note on dealers.name, and nobody changed it since.
		const shipped = PACK_SNAPSHOT.fields.find((f) => f.collection === 'dealers' && f.field === 'name')!.meta!['note'];
		await withDatabase(env, async (knex) => {
			await knex('directus_fields').where({ collection: 'dealers', field: 'name' }).update({ note: '旧版说明 / old note' });
			const stored = (await knex('service_settings').first('install_record')).install_record;
			const record = typeof stored === 'string' ? JSON.parse(stored) : stored; // PostgreSQL answers JSON parsed
			record.fields['dealers.name'].note = hashValue('旧版说明 / old note');
			// Issue 12 item 5: earlier versions wrote notes and the handling-level choices as one "中文 / English"
			// string and had no translation rows for them; an admin reworded one choice's Chinese label.
			const mixedNote = 'DLR-1：暂停或终止的经销商不能登记三包维修或提交索赔 / DLR-1: a suspended or terminated dealer logs no warranty repairs and files no claims';
			await knex('directus_fields').where({ collection: 'dealers', field: 'status' }).update({ note: mixedNote });
			record.fields['dealers.status'].note = hashValue(mixedNote);
			const mixedLevels = { choices: [{ text: 'L1 经办人 / L1 handler', value: 1 }, { text: 'L2 部门主管 / L2 manager', value: 2 }, { text: 'L3 公司领导 / L3 leadership', value: 3 }] };
			await knex('directus_fields').where({ collection: 'complaints', field: 'handling_level' }).update({ options: JSON.stringify(mixedLevels) });
			record.fields['complaints.handling_level'].options = hashValue(mixedLevels);
			await knex('directus_translations').whereIn('key', ['as_dealers_status_note', 'as_complaints_handling_level_1']).delete();
			await knex('directus_translations').where({ key: 'as_dealers_status_active', language: 'zh-CN' }).update({ value: '合作中' });
			// …and named the dashboard, a panel and the role bookmarks "中文 / English" (stored data, no $t: in Insights).
			await knex('directus_dashboards').where({ id: DASHBOARD_ID }).update({ name: '售后总览 / After-sales overview' });
			await knex('directus_panels').where({ dashboard: DASHBOARD_ID, type: 'after-sales-sla-board' }).update({ name: '时限看板 / SLA board', note: null });
			await knex('directus_presets').where({ bookmark: '$t:as_app_bookmark_open_complaints' }).update({ bookmark: '待处理投诉 / Open complaints' });
			await knex('service_settings').update({ install_record: JSON.stringify(record) });
			// WTY-11: earlier versions stored working-day limits as 8-hour blocks of minutes; an admin lengthened one policy.
			const legacy = (key: string, extra = 0) => knex('sla_policies').where({ key }).first('milestones').then(async (row) => {
				const milestones = (typeof row.milestones === 'string' ? JSON.parse(row.milestones) : row.milestones) as Array<Record<string, unknown>>;
				const old = milestones.map(({ duration_working_days: days, ...rest }) => (days ? { ...rest, duration_minutes: (Number(days) + extra) * 480 } : rest));
				await knex('sla_policies').where({ key }).update({ milestones: JSON.stringify(old) });
			});
			const keys = await knex('sla_policies').where('key', 'like', 'default_%').orderBy('key').pluck('key');
			expect(keys).toContain('default_repair_records_1');
			await legacy('default_repair_records_1');
			await legacy('default_service_requests_1', 1);
		});

		const upgrade = await runCliStatus(['after-sales', 'install'], withPack);
		expect(upgrade.status, upgrade.output).toBe(0);
		expect(JSON.parse(upgrade.output.match(/install: (\{.*\})/)![1]!)).toMatchObject({ admin_edits_kept: 1 });
		expect(upgrade.output).toContain('kept field customers.name note (changed by an admin)');
		expect(upgrade.output).toContain('Restart a running Directus');
		const notes = await withDatabase(env, (knex) => knex('directus_fields').whereIn('collection', ['customers', 'dealers']).where({ field: 'name' }).orderBy('collection').pluck('note'));
		expect(notes).toEqual(['管理员的说明', shipped]);
		// Issue 12 item 5: the untouched mixed note and choices are now $t: keys, their texts provisioned; the admin's wording stays.
		await withDatabase(env, async (knex) => {
			expect(await knex('directus_fields').where({ collection: 'dealers', field: 'status' }).first('note')).toEqual({ note: '$t:as_dealers_status_note' });
			const levels = (await knex('directus_fields').where({ collection: 'complaints', field: 'handling_level' }).first('options')).options;
			expect((typeof levels === 'string' ? JSON.parse(levels) : levels).choices.map((c: { text: string }) => c.text)).toEqual(['$t:as_complaints_handling_level_1', '$t:as_complaints_handling_level_2', '$t:as_complaints_handling_level_3']);
			const rows = await knex('directus_translations').whereIn('key', ['as_dealers_status_note', 'as_complaints_handling_level_1', 'as_dealers_status_active']).orderBy(['key', 'language']).select('key', 'language', 'value');
			expect(rows).toEqual([
				{ key: 'as_complaints_handling_level_1', language: 'en-US', value: 'L1 handler' },
				{ key: 'as_complaints_handling_level_1', language: 'zh-CN', value: 'L1 经办人' },
				{ key: 'as_dealers_status_active', language: 'en-US', value: 'Active' },
				{ key: 'as_dealers_status_active', language: 'zh-CN', value: '合作中' },
				{ key: 'as_dealers_status_note', language: 'en-US', value: 'DLR-1: a suspended or terminated dealer logs no warranty repairs and files no claims' },
				{ key: 'as_dealers_status_note', language: 'zh-CN', value: 'DLR-1：暂停或终止的经销商不能登记三包维修或提交索赔' },
			]);
			expect(await knex('directus_dashboards').where({ id: DASHBOARD_ID }).pluck('name')).toEqual(['售后总览']);
			expect(await knex('directus_panels').where({ dashboard: DASHBOARD_ID, type: 'after-sales-sla-board' }).select('name', 'note')).toEqual([{ name: '时限看板', note: 'SLA board' }]);
			const bookmarks = await knex('directus_presets').where({ collection: 'complaints' }).whereNotNull('bookmark').whereNotNull('role').pluck('bookmark');
			expect(bookmarks.sort()).toEqual(['$t:as_app_bookmark_open_complaints', '$t:as_app_bookmark_open_complaints']);
			// Every key the shipped fields and collections name has its two texts.
			const keys = new Set(await knex('directus_translations').whereIn('key', Object.keys(PACK_SNAPSHOT.translations)).select('key', 'language').then((r) => r.map((t) => `${t.key}|${t.language}`)));
			expect(Object.keys(PACK_SNAPSHOT.translations).flatMap((k) => ['zh-CN', 'en-US'].map((l) => `${k}|${l}`)).filter((k) => !keys.has(k))).toEqual([]);
		});
		// WTY-11: the untouched default policy now counts working days; the edited one is the admin's.
		const policies = await withDatabase(env, (knex) => knex('sla_policies').whereIn('key', ['default_repair_records_1', 'default_service_requests_1']).orderBy('key').select('key', 'milestones'));
		const lengths = policies.map((p) => (typeof p.milestones === 'string' ? JSON.parse(p.milestones) : p.milestones).map((m: Record<string, unknown>) => m['duration_working_days'] ?? m['duration_minutes']));
		expect(lengths[0]).toContain(30);
		expect(lengths[1]).toContain(4 * 480);

		// Without --yes: the list, a refusal, nothing removed.
		const ask = await runCliStatus(['after-sales', 'uninstall'], withPack);
		expect(ask.status, ask.output).toBe(1);
		expect(ask.output).toContain('run again with --yes');
		const dryRun = await runCliStatus(['after-sales', 'uninstall', '--dry-run'], withPack);
		expect(dryRun.status, dryRun.output).toBe(0);
		expect(dryRun.output).toMatch(/customers \(1 rows\)/);
		expect(dryRun.output).toContain('projects.customer → customers');
		expect(dryRun.output).toContain('Service Manager');
		expect((await fingerprint(env)).tables).toHaveLength(PACK_COLLECTIONS.length);

		// --keep-data: roles and policies go, the collections and rows stay, and a re-install takes them back.
		expect((await runCliStatus(['after-sales', 'uninstall', '--keep-data', '--yes'], withPack)).status).toBe(0);
		const kept = await fingerprint(env);
		expect(kept.tables).toHaveLength(PACK_COLLECTIONS.length);
		expect(kept.customers).toHaveLength(1);
		expect(kept.roles).toEqual(['Administrator', 'Editors']);
		const again = await runCliStatus(['after-sales', 'install'], withPack);
		expect(again.status, again.output).toBe(0);
		expect((await fingerprint(env)).roles).toEqual(expect.arrayContaining(['Service Manager', 'Dealer']));

		const removed = await runCliStatus(['after-sales', 'uninstall', '--yes'], withPack);
		expect(removed.status, removed.output).toBe(0);
		expect(removed.output).toContain('Restart a running Directus');
		await withDatabase(env, async (knex) => {
			for (const name of PACK_COLLECTIONS) expect(await knex.schema.hasTable(name), name).toBe(false);
			expect(await knex('directus_collections').pluck('collection')).toEqual(['projects']);
			expect(await knex('directus_roles').whereIn('id', ROLES.map((r) => r.id)).pluck('id')).toEqual([]);
			expect(await knex('directus_policies').whereIn('id', ROLES.map((r) => r.policyId)).pluck('id')).toEqual([]);
			expect(await knex('directus_translations').whereIn('key', Object.keys(PACK_SNAPSHOT.translations)).pluck('key')).toEqual([]);
			expect(await knex.schema.hasColumn('directus_users', 'mobile')).toBe(false);
			// The admin's collection, rows (with the customer id they held), role and user are as they were.
			expect(await knex('projects').orderBy('id').select('title', 'customer')).toEqual([{ title: '老项目 A', customer: customer.body.data.id }, { title: '老项目 B', customer: null }]);
			expect(await knex('directus_roles').where({ name: 'Editors' }).pluck('name')).toEqual(['Editors']);
			expect(await knex('directus_users').where({ email: 'editor@example.com' }).pluck('status')).toEqual(['draft']);
		});
		// Nothing of the pack is left to clash with a new install.
		const fresh = await runCliStatus(['after-sales', 'install', '--dry-run'], withPack);
		expect(fresh.status, fresh.output).toBe(0);
		expect(fresh.output).toContain('no clashes');
	}, 600_000);
});

const readRecord = (env: Record<string, string>) =>
	withDatabase(env, async (knex) => {
		const stored = (await knex('service_settings').first('install_record'))?.install_record;
		return typeof stored === 'string' ? JSON.parse(stored) : (stored ?? null); // PostgreSQL answers JSON parsed
	});
const globalPresets = (env: Record<string, string>) =>
	withDatabase(env, async (knex) => (await knex('directus_presets').whereNull('user').whereNull('role').whereNull('bookmark').orderBy('collection').select('id', 'collection', 'layout_query')).map((p) => ({ ...p, id: String(p.id), layout_query: typeof p.layout_query === 'string' ? JSON.parse(p.layout_query) : p.layout_query })));
const roleOf = (env: Record<string, string>) =>
	withDatabase(env, async (knex) => Object.fromEntries(((await knex('directus_users').orderBy('email').select('email', 'role', 'status')) as { email: string; role: string | null; status: string }[]).map((u) => [u.email, { role: u.role, status: u.status }])) as Record<string, { role: string | null; status: string }>);

describe('uninstall --keep-data and the next install', () => {
	test('the demo users and every other holder of a pack role get their role back on re-install (one given another role meanwhile keeps it); the pack’s untouched list presets go, an edited one stays and is reported', async () => {
		const { env, withPack, url } = await newProject('keep-data');
		const installed = await runCliStatus(['after-sales', 'install', '--seed'], withPack);
		expect(installed.status, installed.output).toBe(0);
		const technician = ROLES.find((r) => r.key === 'technician')!.id;
		const foreignRole = 'c0ffee00-0000-4000-8000-000000000001';
		await withDatabase(env, async (knex) => {
			await knex('directus_roles').insert({ id: foreignRole, name: 'Editors', icon: 'edit' });
			// Someone the admin gave a pack role, and an admin's own list preset for everyone.
			await knex('directus_users').insert({ id: 'c0ffee00-0000-4000-8000-000000000002', email: 'fieldwork@example.com', status: 'active', role: technician });
			await knex('directus_presets').insert({ collection: 'directus_files', layout: 'cards', layout_query: JSON.stringify({ cards: { limit: 20 } }) });
		});
		const presetsBefore = await globalPresets(env);
		expect(presetsBefore.map((p) => p.collection)).toEqual(['complaints', 'customers', 'directus_files', 'escalations', 'follow_ups', 'repair_records', 'service_requests', 'units', 'warranty_claims']);
		// The admin changes the columns of units.
		const units = presetsBefore.find((p) => p.collection === 'units')!;
		await withDatabase(env, (knex) => knex('directus_presets').where({ id: units.id }).update({ layout_query: JSON.stringify({ tabular: { fields: ['serial_no', 'customer'], limit: 25 } }) }));
		const rolesBefore = await roleOf(env);
		expect(rolesBefore['manager@example.com']!.role).toBe(ROLES.find((r) => r.key === 'service_manager')!.id);

		const dryRun = await runCliStatus(['after-sales', 'uninstall', '--keep-data', '--dry-run'], withPack);
		expect(dryRun.status, dryRun.output).toBe(0);
		expect(dryRun.output).toContain('users who lose a pack role until the next install (recorded; the install gives it back) (9)');
		expect(dryRun.output).toContain('fieldwork@example.com (Technician)');
		expect(dryRun.output).toMatch(/default list columns \(global presets\) \(7\): complaints, customers, escalations, follow_ups, repair_records, service_requests, warranty_claims\n/);
		expect(dryRun.output).toContain('default list columns an admin changed (kept) (1): units');

		const removed = await runCliStatus(['after-sales', 'uninstall', '--keep-data', '--yes'], withPack);
		expect(removed.status, removed.output).toBe(0);
		const between = await roleOf(env);
		for (const [email, user] of Object.entries(rolesBefore)) expect(between[email], email).toEqual({ role: email === ADMIN.email ? user.role : null, status: user.status });
		expect((await globalPresets(env)).map((p) => p.collection)).toEqual(['directus_files', 'units']);
		expect((await readRecord(env)).role_holders).toHaveLength(9);
		// Meanwhile the admin gives tech2 a role of their own.
		await withDatabase(env, (knex) => knex('directus_users').where({ email: 'tech2@example.com' }).update({ role: foreignRole }));
		const planned = await runCliStatus(['after-sales', 'install', '--dry-run'], withPack);
		expect(planned.output).toContain('the install gives 9 users their pack role back (recorded by uninstall --keep-data)');

		const again = await runCliStatus(['after-sales', 'install'], withPack);
		expect(again.status, again.output).toBe(0);
		expect(JSON.parse(again.output.match(/install: (\{.*\})/)![1]!)).toMatchObject({ roles_restored: 8, bookmarks_created: 7 + 2 * 6 });
		expect(again.output).toContain('gave manager@example.com back the role Service Manager');
		expect(again.output).toContain("tech2@example.com's pack role not restored: an admin has given the user another role since; kept");
		const after = await roleOf(env);
		expect(after).toEqual({ ...rolesBefore, 'tech2@example.com': { role: foreignRole, status: 'active' } });
		const record = await readRecord(env);
		expect(record.role_holders).toBeUndefined();
		const presetsAfter = await globalPresets(env);
		expect(presetsAfter.map((p) => p.collection)).toEqual(presetsBefore.map((p) => p.collection));
		expect(presetsAfter.find((p) => p.collection === 'units')!.layout_query).toEqual({ tabular: { fields: ['serial_no', 'customer'], limit: 25 } });
		expect(Object.keys(record.presets).sort()).toEqual(presetsAfter.filter((p) => p.collection !== 'directus_files').map((p) => p.id).sort());
		// A second install has nothing left to restore.
		expect(JSON.parse((await runCliStatus(['after-sales', 'install'], withPack)).output.match(/install: (\{.*\})/)![1]!)).toMatchObject({ roles_restored: 0, bookmarks_created: 0 });

		// The demo manager works again: signs in and reads the complaints.
		const server = await startServer(withPack, DIRECTUS);
		const token = await loginToken(url, 'manager@example.com', 'service-demo');
		const complaints = await api(url, token, '/items/complaints?limit=1');
		expect(complaints.status, JSON.stringify(complaints.body)).toBe(200);
		await stop(server.child);
	}, 600_000);
});

describe('adopting an install made before the install record existed', () => {
	test('with the install record deleted, the dry run and the install adopt the pack: no clash, nothing changed, the same record written again', async () => {
		const { env, withPack } = await newProject('adopt');
		expect((await runCliStatus(['after-sales', 'install'], withPack)).status).toBe(0);
		const record = await readRecord(env);
		const before = await fingerprint(env);
		const presets = await globalPresets(env);
		await withDatabase(env, (knex) => knex('service_settings').update({ install_record: null }));
		expect(await readRecord(env)).toBeNull();

		const dryRun = await runCliStatus(['after-sales', 'install', '--dry-run'], withPack);
		expect(dryRun.status, dryRun.output).toBe(0);
		expect(dryRun.output).toContain('no clashes');
		expect(dryRun.output).toContain('an earlier install of the pack (without an install record) is adopted');
		expect(dryRun.output).toContain('schema is up to date');

		const adopted = await runCliStatus(['after-sales', 'install'], withPack);
		expect(adopted.status, adopted.output).toBe(0);
		expect(adopted.output).toContain('is adopted');
		const report = JSON.parse(adopted.output.match(/install: (\{.*\})/)![1]!);
		expect(Object.entries(report).filter(([, n]) => n !== 0), adopted.output).toEqual([]);
		expect(await fingerprint(env)).toEqual(before);
		expect(await globalPresets(env)).toEqual(presets);
		const { applied_at: _then, ...was } = record;
		const { applied_at: _now, ...now } = await readRecord(env);
		expect(now).toEqual(was);
	}, 600_000);
});
