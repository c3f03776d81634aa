// Direct database access for the report tests, for the rows the product only ever writes itself
// (claims moved through the WTY-7 workflow at real time, ledger credits from settlement, the SLA
// escalation log): the report reads them as stored, so the tests store them as Directus would.
import knexFactory, { type Knex } from 'knex';

let instance: Knex | null = null;

export function testDb(): Knex {
	if (instance) return instance;
	const env = process.env;
	const server = { host: env['DB_HOST'], port: Number(env['DB_PORT']), user: env['DB_USER'], password: env['DB_PASSWORD'], database: env['DB_DATABASE'] };
	instance = env['DB_CLIENT'] === 'pg'
		? knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 2 } })
		: env['DB_CLIENT'] === 'mysql'
			? knexFactory({ client: 'mysql2', connection: server, pool: { min: 0, max: 2 } })
			: knexFactory({ client: 'sqlite3', connection: { filename: env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
	return instance;
}

export async function closeTestDb() {
	await instance?.destroy();
	instance = null;
}

/** An instant as Directus stores it: epoch milliseconds in SQLite, timestamptz in PostgreSQL, the UTC wall clock in MySQL. */
export const stored = (iso: string) => {
	const client = process.env['DB_CLIENT'];
	if (client === 'pg') return new Date(iso);
	if (client === 'mysql') return new Date(iso).toISOString().slice(0, 23).replace('T', ' ');
	return new Date(iso).getTime();
};
