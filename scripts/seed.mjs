// `npm run seed`: loads the demo archive into the configured database (refuses when pack data
// exists; pass --force to add another set).
import { spawnSync } from 'node:child_process';
import { DIRECTUS_CLI, ROOT, ensureNode22 } from './runtime.mjs';
import { directusEnv } from './env.mjs';

ensureNode22(import.meta.url);
const env = directusEnv(process.env);
const result = spawnSync(process.execPath, [DIRECTUS_CLI, 'after-sales', 'seed', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env });
process.exit(result.status ?? 1);
