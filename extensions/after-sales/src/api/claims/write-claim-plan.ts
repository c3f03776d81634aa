// WTY-7, WTY-8: a claim plan written in one transaction. The conditional update makes concurrent
// steps queue on the row: the first moves the status, the others find it moved and are refused
// (or, for a repeated settlement, change nothing); the ledger credit is an insertOnce on its key.
import type { Knex } from 'knex';
import type { ClaimPlan } from '../../domain/claims';
import { conflict } from '../lib/errors';
import { toWriteRow, vendorOf } from '../lib/db-values';
import { insertOnce } from '../lib/insert-once';
import { writeClaimNotices } from './write-claim-notices';
import { msg, state } from '../../domain/messages';

type Row = Record<string, unknown>;

const toColumns = (row: Row): Row =>
	Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));

/**
 * INT-3, WTY-8: the credit is inserted once on its key. The winning status update above already
 * makes it once per claim; the key is the last line of defence. A row holding the key that is not
 * this claim's credit (a foreign row from before INT-3, written outside the pack) must not swallow
 * the credit: it is posted under the next free key of the same claim instead.
 */
async function postCredit(trx: Knex, entry: NonNullable<ClaimPlan['ledgerEntry']>) {
	for (let attempt = 0; attempt < 5; attempt++) {
		const key = attempt === 0 ? entry.idempotency_key : `${entry.idempotency_key}:${attempt + 1}`;
		if (await insertOnce(trx, 'dealer_ledger', toWriteRow({ ...entry, idempotency_key: key }, trx), 'idempotency_key')) return;
		const holder = await trx('dealer_ledger').where({ idempotency_key: key }).first('claim', 'entry_type', 'dealer');
		const ours = holder && Number(holder.claim) === entry.claim && holder.entry_type === 'warranty_credit' && Number(holder.dealer) === entry.dealer;
		if (ours) return;
	}
	throw conflict('INT-3', 'idempotency_key', msg('claim.credit_keys_taken', { claim: entry.claim }));
}

/** Returns false when a concurrent call already made the very same settlement (nothing more to do). */
export async function writeClaimPlan(knex: Knex, claimId: number, plan: ClaimPlan): Promise<boolean> {
	const run = async (trx: Knex): Promise<boolean> => {
		if (Object.keys(plan.row).length) {
			const query = trx('warranty_claims').where({ id: claimId });
			if (plan.transition && plan.from) query.where({ status: plan.from });
			const changed = await query.update(toWriteRow(toColumns(plan.row), trx));
			if (changed === 0) {
				// MySQL's REPEATABLE READ would show the snapshot, not the row the winner just wrote.
				const reread = trx('warranty_claims').where({ id: claimId });
				const now = await (vendorOf(trx) === 'mysql' ? reread.forShare() : reread).first('status');
				if (plan.row['status'] === 'settled' && now?.status === 'settled') return false;
				throw conflict('WTY-7', 'status', msg('claim.stale', { from: state('warranty_claims', 'status', plan.from ?? ''), now: state('warranty_claims', 'status', String(now?.status)) }), { collection: 'warranty_claims' });
			}
		}
		for (const line of plan.lineUpdates) {
			await trx('repair_parts').where({ id: line.id }).update({ approved_amount: line.approved_amount, rejection_reason: line.rejection_reason });
		}
		if (plan.ledgerEntry) await postCredit(trx, plan.ledgerEntry);
		if (plan.notices?.length) await writeClaimNotices(trx, plan.notices, new Date());
		return true;
	};
	return (knex as Knex & { isTransaction?: boolean }).isTransaction ? run(knex) : knex.transaction(run);
}
