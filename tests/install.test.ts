// Installing into an existing Directus project, and a fresh install tried as a new user would.
// These tests run their own Directus processes on their own databases (not the shared one).
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { api, dbs, loginToken, runCliStatus, startServer, stop } from './install-helpers';
import { ADMIN, ROOT, createTestDatabase, directusTestEnv } from './setup/directus-env';
import { freePort, runCli, snapshotExtensions } from './setup/global-setup';

describe('install into an existing Directus project', () => {
	test('merges only the pack: foreign collections, rows, roles and users are untouched; a second run changes nothing', async () => {
		const db = await createTestDatabase('existing');
		dbs.push(db);
		const port = await freePort();
		const env = directusTestEnv(db, port, { EXTENSIONS_PATH: mkdtempSync(join(tmpdir(), 'as-no-ext-')) });
		runCli(['bootstrap'], env);

		// The user's own project, before the pack exists.
		const plain = await startServer(env, [join(ROOT, 'node_modules', 'directus', 'cli.js'), 'start']);
		const url = env['PUBLIC_URL']!;
		let token = await loginToken(url, ADMIN.email, ADMIN.password);
		expect((await api(url, token, '/collections', { method: 'POST', body: JSON.stringify({
			collection: 'projects', meta: { icon: 'folder' }, schema: {},
			fields: [{ field: 'id', type: 'integer', meta: { hidden: true }, schema: { is_primary_key: true, has_auto_increment: true } }, { field: 'title', type: 'string' }],
		}) })).status).toBe(200);
		await api(url, token, '/items/projects', { method: 'POST', body: JSON.stringify([{ title: '老项目 A' }, { title: '老项目 B' }]) });
		const role = (await api(url, token, '/roles', { method: 'POST', body: JSON.stringify({ name: 'Editors' }) })).body.data;
		await api(url, token, '/users', { method: 'POST', body: JSON.stringify({ email: 'editor@example.com', password: 'editor-password', role: role.id, status: 'draft' }) });
		await stop(plain.child);

		// Install the pack through its CLI command, twice.
		const withPack = { ...env, EXTENSIONS_PATH: snapshotExtensions() };
		const first = await runCliStatus(['after-sales', 'install'], withPack);
		expect(first.status, first.output).toBe(0);
		expect(first.output).toMatch(/"schema_changes":[1-9]/);
		const installed = await runCliStatus(['after-sales', 'install'], withPack);
		expect(installed.status, installed.output).toBe(0);
		const second = installed.output;
		const report = JSON.parse(second.match(/install: (\{.*\})/)![1]!);
		expect(Object.values(report).every((n) => n === 0), second).toBe(true);

		const server = await startServer(withPack, [join(ROOT, 'node_modules', 'directus', 'cli.js'), 'start']);
		token = await loginToken(url, ADMIN.email, ADMIN.password);
		const projects = await api(url, token, '/items/projects?sort=id');
		expect(projects.body.data.map((p: { title: string }) => p.title)).toEqual(['老项目 A', '老项目 B']);
		const roles = await api(url, token, '/roles?limit=-1');
		expect(roles.body.data.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['Editors', 'Service Manager', 'Dealer', 'Technician']));
		const users = await api(url, token, '/users?filter[email][_eq]=editor@example.com');
		expect(users.body.data).toHaveLength(1);
		const collections = await api(url, token, '/collections');
		const names = collections.body.data.map((c: { collection: string }) => c.collection);
		expect(names).toEqual(expect.arrayContaining(['projects', 'dealers', 'warranty_claims', 'sla_timers']));
		// Install alone brings no demo data.
		expect((await api(url, token, '/items/dealers?limit=-1')).body.data).toEqual([]);
		await stop(server.child);
	}, 600_000);
});

describe('a fresh install, tried as a new user would', () => {
	test('npm start brings up the pack with demo data; Chinese labels for a zh-CN user; a second start is harmless', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'as-fresh-'));
		const port = await freePort();
		const env: Record<string, string> = {
			AFTER_SALES_DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, HOST: '127.0.0.1',
			EXTENSIONS_PATH: snapshotExtensions(), LOG_LEVEL: 'warn', PRESSURE_LIMITER_ENABLED: 'false',
			DB_CLIENT: 'sqlite3', DB_FILENAME: join(dataDir, 'directus.db'),
		};
		const url = env['PUBLIC_URL']!;
		const first = await startServer(env, [join(ROOT, 'scripts', 'start.mjs')]);
		const token = await loginToken(url, 'admin@example.com', 'admin-demo');
		const dealers = (await api(url, token, '/items/dealers?limit=-1&fields=code')).body.data;
		expect(dealers).toHaveLength(10);
		const units = (await api(url, token, '/items/units?aggregate[count]=*')).body.data[0].count;
		expect(Number(units)).toBe(500);

		// The demo service manager reads the Studio in Chinese.
		const managerToken = await loginToken(url, 'manager@example.com', 'service-demo');
		const me = (await api(url, managerToken, '/users/me?fields=language,role.name')).body.data;
		expect(me.language).toBe('zh-CN');
		const collection = (await api(url, managerToken, '/collections/warranty_claims')).body.data;
		expect(collection.meta.translations.find((t: { language: string }) => t.language === 'zh-CN').translation).toBe('三包索赔');
		expect(first.output()).toContain('demo data:');
		await stop(first.child);

		// Second start on the same database: no duplicate data, same admin password still works.
		const second = await startServer(env, [join(ROOT, 'scripts', 'start.mjs')]);
		expect(second.output()).toContain('already present');
		const again = await loginToken(url, 'admin@example.com', 'admin-demo');
		expect((await api(url, again, '/items/dealers?limit=-1&fields=code')).body.data).toHaveLength(10);
		await stop(second.child);
	}, 600_000);
});

describe('the pack installed twice in one project (copied folder and npm package)', () => {
	test('only one copy runs: the CLI and the server say which and what to keep, the after-sales command works, hooks and routes are registered once', async () => {
		const db = await createTestDatabase('two-copies');
		dbs.push(db);
		const port = await freePort();
		const env = directusTestEnv(db, port, { EXTENSIONS_PATH: mkdtempSync(join(tmpdir(), 'as-no-ext-')) });
		runCli(['bootstrap'], env);

		// extensions/after-sales (the copied folder) and node_modules/directus-extension-after-sales (npm install).
		const extensions = snapshotExtensions();
		renameSync(join(extensions, 'directus-extension-after-sales'), join(extensions, 'after-sales'));
		const project = mkdtempSync(join(tmpdir(), 'as-project-'));
		writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-directus', private: true, dependencies: { 'directus-extension-after-sales': '^0.1.0' } }));
		mkdirSync(join(project, 'node_modules'));
		renameSync(join(snapshotExtensions(), 'directus-extension-after-sales'), join(project, 'node_modules', 'directus-extension-after-sales'));
		const twice = { ...env, EXTENSIONS_PATH: extensions, PACKAGE_FILE_LOCATION: project };

		const cli = await runCliStatus(['after-sales', 'install'], twice);
		expect(cli.status, cli.output).toBe(0);
		expect(cli.output).toContain('the pack is installed 2 times in this project; only one copy runs');
		expect(cli.output).toContain(`${join(extensions, 'after-sales')} (扩展文件夹 / extension folder, 0.1.0)`);
		expect(cli.output).toContain(`${join(project, 'node_modules', 'directus-extension-after-sales')} (npm 包 / npm package, 0.1.0)`);
		expect(cli.output).toContain('Keep one: delete the folder extensions/after-sales or run `npm uninstall directus-extension-after-sales`, then restart Directus.');
		// Without the guard: "cannot add command 'after-sales'" on every command, and every hook twice.
		expect(cli.output).not.toContain('cannot add command');
		expect(cli.output).not.toContain('MaxListenersExceededWarning');
		expect(cli.output.match(/\[after-sales\] install: /g)).toHaveLength(1);

		const server = await startServer(twice, [join(ROOT, 'node_modules', 'directus', 'cli.js'), 'start']);
		const url = env['PUBLIC_URL']!;
		const token = await loginToken(url, ADMIN.email, ADMIN.password);
		expect((await api(url, token, '/after-sales/openapi.json')).status).toBe(200);
		const customer = await api(url, token, '/items/customers', { method: 'POST', body: JSON.stringify({ name: '王建军', phone: '13900000001', type: 'individual' }) });
		expect(customer.status, JSON.stringify(customer.body)).toBe(200);
		expect(server.output()).toContain('only one copy runs');
		expect(server.output()).not.toContain('MaxListenersExceededWarning');
		await stop(server.child);
	}, 600_000);
});
