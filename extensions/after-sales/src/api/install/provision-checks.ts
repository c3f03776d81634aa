// INT-1: approved never exceeds claimed, enforced by the database too where the vendor allows it
// (CHECK constraints on PostgreSQL and MySQL/MariaDB, triggers on SQLite, which cannot add a
// constraint to an existing table). The domain refuses first with a readable 400; these are the
// last line of defence against any write that bypasses the pack.
import type { PackContext } from '../lib/context';
import { vendorOf } from '../lib/db-values';

const CHECKS: Array<{ name: string; table: string; condition: string; fields: string[] }> = [
	{ name: 'as_parts_approved_le_amount', table: 'repair_parts', condition: 'approved_amount IS NULL OR amount IS NULL OR approved_amount <= amount', fields: ['approved_amount', 'amount'] },
	{ name: 'as_claim_approved_le_claimed', table: 'warranty_claims', condition: 'approved_amount IS NULL OR claimed_amount IS NULL OR approved_amount <= claimed_amount', fields: ['approved_amount', 'claimed_amount'] },
	{ name: 'as_claim_labour_le_claimed', table: 'warranty_claims', condition: 'labour_approved IS NULL OR labour_claimed IS NULL OR labour_approved <= labour_claimed', fields: ['labour_approved', 'labour_claimed'] },
	{ name: 'as_claim_travel_le_claimed', table: 'warranty_claims', condition: 'travel_approved IS NULL OR travel_claimed IS NULL OR travel_approved <= travel_claimed', fields: ['travel_approved', 'travel_claimed'] },
];

/** Adds the missing checks; returns the names added. Idempotent. */
export async function provisionChecks(ctx: PackContext): Promise<string[]> {
	const knex = ctx.database;
	const vendor = vendorOf(knex);
	const added: string[] = [];
	for (const check of CHECKS) {
		if (vendor === 'postgres') {
			const exists = await knex('pg_constraint').where({ conname: check.name }).first('conname');
			if (exists) continue;
			await knex.raw(`alter table ?? add constraint ?? check (${check.condition})`, [check.table, check.name]);
		} else if (vendor === 'sqlite') {
			const newRow = check.condition.replace(/\b(approved_amount|amount|claimed_amount|labour_approved|labour_claimed|travel_approved|travel_claimed)\b/g, 'NEW.$1');
			const exists = await knex('sqlite_master').where({ type: 'trigger', name: `${check.name}_update` }).first('name');
			if (exists) continue;
			for (const event of ['insert', 'update']) {
				await knex.raw(`create trigger if not exists ${check.name}_${event} before ${event} on ${check.table} for each row when not (${newRow}) begin select raise(abort, 'INT-1: approved exceeds claimed (${check.table})'); end`);
			}
		} else if (vendor === 'mysql') {
			const exists = await knex.raw('select constraint_name from information_schema.table_constraints where constraint_schema = database() and constraint_name = ?', [check.name]);
			const rows = Array.isArray(exists) ? exists[0] : exists;
			if (Array.isArray(rows) && rows.length) continue;
			await knex.raw(`alter table ?? add constraint ?? check (${check.condition})`, [check.table, check.name]);
		} else {
			continue;
		}
		added.push(check.name);
	}
	return added;
}
