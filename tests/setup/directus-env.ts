// The environment of a throwaway Directus for one test run: a temporary SQLite file, or a fresh
// PostgreSQL database (DB_CLIENT=pg) or MariaDB / MySQL database (DB_CLIENT=mysql, utf8mb4) on the
// local server (dropped afterwards).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** Held by scripts/build-extension.mjs while it writes dist/ (a portable lock file, scripts/lock.mjs). */
export { BUILD_LOCK } from '../../scripts/lock.mjs';

export const ADMIN = { email: 'admin@example.com', password: 'admin-test-password' };

export type TestDatabase = { env: Record<string, string>; drop: () => Promise<void>; label: string };

export async function createTestDatabase(name: string): Promise<TestDatabase> {
	const requested = process.env['DB_CLIENT'];
	const client = requested === 'pg' || requested === 'postgres' ? 'pg' : requested === 'mysql' || requested === 'mariadb' ? 'mysql' : 'sqlite3';
	if (client === 'mysql') return await createMysqlDatabase(name);
	if (client === 'sqlite3') {
		const dir = mkdtempSync(join(tmpdir(), `as-${name}-`));
		return { env: { DB_CLIENT: 'sqlite3', DB_FILENAME: join(dir, 'directus.db') }, drop: async () => {}, label: `sqlite ${dir}` };
	}
	const pg = (await import('pg')).default;
	const base = {
		host: process.env['DB_HOST'] ?? '127.0.0.1', port: Number(process.env['DB_PORT'] ?? 5432),
		user: process.env['DB_USER'] ?? 'postgres', password: process.env['DB_PASSWORD'] ?? '',
	};
	const database = `as_test_${name}_${process.pid}_${Date.now().toString(36)}`.toLowerCase();
	const admin = new pg.Client({ ...base, database: 'postgres' });
	await admin.connect();
	await admin.query(`create database "${database}"`);
	await admin.end();
	return {
		label: `postgres ${database}`,
		env: { DB_CLIENT: 'pg', DB_HOST: base.host, DB_PORT: String(base.port), DB_USER: base.user, DB_PASSWORD: base.password, DB_DATABASE: database },
		drop: async () => {
			const c = new pg.Client({ ...base, database: 'postgres' });
			await c.connect();
			await c.query(`drop database if exists "${database}" with (force)`);
			await c.end();
		},
	};
}

async function createMysqlDatabase(name: string): Promise<TestDatabase> {
	const mysql = (await import('mysql2/promise')).default;
	const base = {
		host: process.env['DB_HOST'] ?? '127.0.0.1', port: Number(process.env['DB_PORT'] ?? 3306),
		user: process.env['DB_USER'] ?? 'root', password: process.env['DB_PASSWORD'] ?? '',
	};
	const database = `as_test_${name}_${process.pid}_${Date.now().toString(36)}`.toLowerCase();
	const run = async (sql: string) => {
		const c = await mysql.createConnection(base);
		try { await c.query(sql); } finally { await c.end(); }
	};
	// utf8mb4 so Chinese text (and any 4-byte character) is stored as entered.
	await run(`create database \`${database}\` character set utf8mb4 collate utf8mb4_unicode_ci`);
	return {
		label: `mysql ${database}`,
		env: { DB_CLIENT: 'mysql', DB_HOST: base.host, DB_PORT: String(base.port), DB_USER: base.user, DB_PASSWORD: base.password, DB_DATABASE: database },
		drop: () => run(`drop database if exists \`${database}\``),
	};
}

export function directusTestEnv(db: TestDatabase, port: number, extra: Record<string, string> = {}): Record<string, string> {
	const storage = mkdtempSync(join(tmpdir(), 'as-uploads-'));
	return {
		...db.env,
		KEY: 'after-sales-test-key', SECRET: 'after-sales-test-secret-0123456789abcdef',
		ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
		HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`,
		EXTENSIONS_PATH: join(ROOT, 'extensions'), EXTENSIONS_AUTO_RELOAD: 'false', EXTENSIONS_MUST_LOAD: 'true',
		// Directus writes the Studio's extension bundle under TEMP_PATH (default ./node_modules/.directus): one per instance.
		TEMP_PATH: mkdtempSync(join(tmpdir(), 'as-directus-tmp-')),
		STORAGE_LOCATIONS: 'local', STORAGE_LOCAL_ROOT: storage, TELEMETRY: 'false', LOG_LEVEL: 'warn', LOG_STYLE: 'raw',
		RATE_LIMITER_ENABLED: 'false', PRESSURE_LIMITER_ENABLED: 'false', CACHE_ENABLED: 'false', WEBSOCKETS_ENABLED: 'false', FILES_MAX_UPLOAD_SIZE: '5mb',
		// Mail goes to a local SMTP sink a test may start on this port (tests/sla-notifications.test.ts); nothing listens otherwise.
		EMAIL_TRANSPORT: 'smtp', EMAIL_SMTP_HOST: '127.0.0.1', EMAIL_SMTP_PORT: String(testSmtpPort()), EMAIL_SMTP_SECURE: 'false', EMAIL_SMTP_IGNORE_TLS: 'true',
		EMAIL_FROM: 'after-sales@example.com', EMAIL_VERIFY_SETUP: 'false',
		// Tests drive the deadline sweep through POST /after-sales/sla/sweep; the minute schedule would race their counts.
		AFTER_SALES_SWEEP_CRON: 'off',
		...extra,
	};
}

/** A port per test run (derived from the runner's pid, so parallel runs do not collide); override with TEST_SMTP_PORT. */
export function testSmtpPort(pid = process.pid): number {
	return Number(process.env['TEST_SMTP_PORT'] ?? 20000 + (pid % 20000));
}
