import type { PackContext } from '../lib/context';
import { vendorOf } from '../lib/db-values';

// Composite indexes the rules need that a Directus field definition cannot express.
// Single-column ones (sla_timers.due_at, unique serial_no, unique claim per repair record, the
// unique escalation key) are part of the snapshot itself.
export const COMPOSITE_INDEXES = [
	{ name: 'as_repair_records_dealer_completed', table: 'repair_records', columns: ['dealer', 'completed_at'] },
	{ name: 'as_repair_records_unit_fault', table: 'repair_records', columns: ['unit', 'fault_category', 'completed_at'] },
	{ name: 'as_sla_timers_item', table: 'sla_timers', columns: ['collection', 'item'] },
	{ name: 'as_warranty_claims_dealer_status', table: 'warranty_claims', columns: ['dealer', 'status'] },
	{ name: 'as_dealer_ledger_dealer_posted', table: 'dealer_ledger', columns: ['dealer', 'posted_at'] },
	{ name: 'as_service_requests_dealer_received', table: 'service_requests', columns: ['dealer', 'received_at'] },
	// RPT-1 dealer report and RPT-4 quality scan: range scans by period.
	{ name: 'as_service_requests_type_dispatched', table: 'service_requests', columns: ['type', 'dispatched_at', 'dealer'] },
	{ name: 'as_warranty_claims_submitted_dealer', table: 'warranty_claims', columns: ['submitted_at', 'dealer'] },
	{ name: 'as_follow_ups_done', table: 'follow_ups', columns: ['done_at', 'satisfaction'] },
	{ name: 'as_escalations_item', table: 'escalations', columns: ['collection', 'item'] },
	{ name: 'as_parts_returns_deadline_dealer', table: 'parts_returns', columns: ['deadline', 'dealer'] },
	// ESC-1: the sweep reconciles the records changed since its watermark.
	...['complaints', 'service_requests', 'repair_records', 'warranty_claims'].flatMap((table) => ['date_created', 'date_updated'].map((column) => ({ name: `as_${table}_${column}`, table, columns: [column] }))),
];

export async function provisionIndexes(ctx: PackContext): Promise<{ created: number }> {
	const knex = ctx.database;
	let created = 0;
	for (const index of COMPOSITE_INDEXES) {
		if (await indexExists(knex, index.table, index.name)) continue;
		await knex.schema.alterTable(index.table, (table) => { table.index(index.columns, index.name); });
		created++;
	}
	return { created };
}

async function indexExists(knex: PackContext['database'], table: string, name: string): Promise<boolean> {
	const vendor = vendorOf(knex);
	if (vendor === 'sqlite') {
		const rows = await knex.raw(`select name from sqlite_master where type = 'index' and name = ?`, [name]);
		return rows.length > 0;
	}
	if (vendor === 'postgres') {
		const { rows } = await knex.raw(`select 1 from pg_indexes where tablename = ? and indexname = ?`, [table, name]);
		return rows.length > 0;
	}
	if (vendor === 'mysql') {
		const [rows] = await knex.raw(`select 1 from information_schema.statistics where table_schema = database() and table_name = ? and index_name = ?`, [table, name]);
		return rows.length > 0;
	}
	return false;
}
