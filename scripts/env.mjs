// The environment Directus runs with: its own env vars (documented in .env.example), with
// defaults that make `npm start` work on a fresh machine. Precedence: process env > .env > defaults.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ROOT, withNodeOnPath } from './runtime.mjs';

export function readDotEnv(file = join(ROOT, '.env')) {
	if (!existsSync(file)) return {};
	const out = {};
	for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
		const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
		if (!match) continue;
		out[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
	}
	return out;
}

/** KEY and SECRET are generated once per data directory and kept there (never in git). */
function persistentSecrets(dataDir) {
	const file = join(dataDir, '.directus-secrets.json');
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
	const secrets = { KEY: randomBytes(24).toString('hex'), SECRET: randomBytes(32).toString('hex') };
	writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	return secrets;
}

export function directusEnv(processEnv = process.env) {
	const merged = { ...readDotEnv(), ...processEnv };
	const dataDir = resolvePath(merged.AFTER_SALES_DATA_DIR ?? './data');
	mkdirSync(dataDir, { recursive: true });
	const port = merged.PORT ?? '8055';
	const defaults = {
		HOST: '0.0.0.0',
		PORT: port,
		PUBLIC_URL: `http://localhost:${port}`,
		DB_CLIENT: 'sqlite3',
		DB_FILENAME: join(dataDir, 'directus.db'),
		ADMIN_EMAIL: 'admin@example.com',
		ADMIN_PASSWORD: 'admin-demo',
		STORAGE_LOCATIONS: 'local',
		STORAGE_LOCAL_ROOT: join(dataDir, 'uploads'),
		EXTENSIONS_PATH: join(ROOT, 'extensions'),
		EXTENSIONS_AUTO_RELOAD: 'false',
		EXTENSIONS_MUST_LOAD: 'true',
		TELEMETRY: 'false',
		LOG_LEVEL: 'info',
		LOG_STYLE: 'pretty',
		WEBSOCKETS_ENABLED: 'false',
		FILES_MAX_UPLOAD_SIZE: '5mb',
		...(merged.KEY && merged.SECRET ? {} : persistentSecrets(dataDir)),
	};
	const env = withNodeOnPath({ ...defaults, ...merged });
	if (env.DB_CLIENT === 'sqlite3') env.DB_FILENAME = resolvePath(env.DB_FILENAME);
	env.STORAGE_LOCAL_ROOT = resolvePath(env.STORAGE_LOCAL_ROOT);
	mkdirSync(env.STORAGE_LOCAL_ROOT, { recursive: true });
	return env;
}

function resolvePath(path) {
	return isAbsolute(path) ? path : join(ROOT, path);
}
