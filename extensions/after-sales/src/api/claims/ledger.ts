import type { Knex } from 'knex';
import { formatMoney, parseMoney, sumMoney } from '../../domain/money';

/** WTY-8, INT-4: a dealer's balance, the exact decimal sum of its entries (positive reduces receivables). */
export async function dealerBalance(knex: Knex, dealer: number | string) {
	const rows = await knex('dealer_ledger').where({ dealer }).select('amount');
	return formatMoney(sumMoney(rows.map((r: { amount: unknown }, i: number) => parseMoney(String(r.amount), `amount.${i}`))));
}
