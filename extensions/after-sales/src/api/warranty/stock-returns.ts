// DLR-5 (003 (二)9): dealers' stock returns are parts_returns of kind `stock`. Filed from the portal
// (or by staff in the Studio), shipped with the return batch's ship endpoint, received by the
// technical department or a service manager, who enter the freight and restoration amounts. On
// receipt the ledger is posted in the same transaction as the status, each entry once by its key:
// the stock value credited; freight charged when the dealer pays it; restoration when disassembled.
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatMoney, parseMoney } from '../../domain/money';
import { decideStockReceipt, decideStockReturn, StockLineSchema, STOCK_RETURN_REASONS, type StockReturnReason } from '../../domain/parts-returns';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';
import { formatZodIssues } from '../../domain/errors';
import { msg, state } from '../../domain/messages';
import { hasRole, resolveCaller } from '../lib/caller';
import type { Accountability } from '../lib/context';
import { fromInstant, toJson } from '../lib/db-values';
import { insertOnce } from '../lib/insert-once';
import { forbidden, ruleViolation } from '../lib/errors';
import { loadPlanSettings } from '../dealer-plans/load-plan-settings';

type Payload = Record<string, unknown>;
type HookContext = { database: Knex; accountability: Accountability | null };

/** Fields only a stock return has. */
export const STOCK_FIELDS = ['return_reason', 'stock_lines', 'stock_value', 'freight_payer', 'freight_amount', 'restoration_amount', 'ledger_posted_at'] as const;
/** Computed by the pack: a client's value is replaced. */
const COMPUTED = ['stock_value', 'freight_payer', 'ledger_posted_at'];

/** DLR-5: a stock return moves open → shipped → received (ledger posted) → closed. */
export const STOCK_FLOW: Record<string, string[]> = { open: ['shipped'], shipped: ['received'], received: ['closed'] };

/** A stored decimal as '0.00' (numbers on SQLite, strings on PostgreSQL); empty stays null. */
const money = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : formatMoney(parseMoney(String(value), 'amount')));

const StoredLinesSchema = z.array(StockLineSchema).min(1).max(200);
const ReasonSchema = z.enum(STOCK_RETURN_REASONS);

const decodeJson = (value: unknown) => {
	try {
		return typeof value === 'string' ? toJson(value) : value;
	} catch {
		return value;
	}
};

/** DLR-5: the reason, lines, value and freight payer of a stock return, computed from what is stored and sent. */
async function computeStockFields(knex: Knex, reason: unknown, lines: unknown): Promise<Payload> {
	if (reason === undefined || reason === null || reason === '') throw ruleViolation('DLR-5', 'return_reason', msg('zod.required'), { collection: 'parts_returns' });
	const parsedReason = ReasonSchema.safeParse(reason);
	if (!parsedReason.success) throw prefixed(formatZodIssues(parsedReason.error, 'DLR-5'), 'return_reason');
	const parsedLines = StoredLinesSchema.safeParse(decodeJson(lines));
	if (!parsedLines.success) throw prefixed(formatZodIssues(parsedLines.error, 'DLR-5'), 'stock_lines');
	const { plans, timezone, maxLineFen } = await loadPlanSettings(knex);
	const row = decideStockReturn({ return_reason: parsedReason.data, lines: parsedLines.data }, { seasons: plans.seasons, today: computeLocalDate(new Date(), timezone), maxLineFen }, 'stock_lines');
	return { return_reason: row.return_reason, stock_lines: row.stock_lines, stock_value: row.stock_value, freight_payer: row.freight_payer };
}

function prefixed(error: Error & { field?: string | null }, field: string) {
	error.field = error.field ? `${field}.${error.field}` : field;
	error.message = error.message.replace(/^([A-Z]+-\d+): /, `$1: ${field}.`);
	return error;
}

/** DLR-5 on create (portal and Studio alike): a stock return is computed and starts open; an old-part batch carries no stock fields. */
export async function filterReturnCreate(payload: Payload, hook: HookContext): Promise<Payload | null> {
	if (payload['kind'] !== 'stock') {
		const stray = STOCK_FIELDS.filter((f) => f in payload && payload[f] !== null);
		if (stray.length) throw ruleViolation('DLR-5', stray[0]!, msg('stock_return.stock_only', { fields: stray.join(', ') }), { collection: 'parts_returns' });
		return null;
	}
	const status = payload['status'] ?? 'open';
	if (status !== 'open') throw ruleViolation('DLR-5', 'status', msg('parts_return.transition', { from: state('parts_returns', 'status', 'open'), to: state('parts_returns', 'status', String(status)) }), { collection: 'parts_returns' });
	const computed = await computeStockFields(hook.database, payload['return_reason'], payload['stock_lines']);
	const { timezone } = await loadPlanSettings(hook.database);
	return {
		...payload, ...computed, status: 'open', batch_key: null, reminders_sent: [], ledger_posted_at: null,
		// The deadline of a stock return is the day it was filed (a return batch always has one).
		deadline: typeof payload['deadline'] === 'string' ? payload['deadline'] : computeLocalDate(new Date(), timezone),
	};
}

type StoredReturn = { id: number; dealer: number; kind: string | null; status: string; return_reason: string | null; stock_lines: unknown; stock_value: unknown; freight_amount: unknown; restoration_amount: unknown };

/** DLR-5 on update: a stock return's own workflow; an old-part batch carries no stock fields. Returns the payload to write. */
export async function filterReturnUpdate(payload: Payload, batch: StoredReturn, hook: HookContext): Promise<Payload> {
	const cleaned = { ...payload };
	if ('kind' in cleaned && (cleaned['kind'] ?? 'old_parts') !== (batch.kind ?? 'old_parts')) throw ruleViolation('DLR-5', 'kind', msg('stock_return.kind_fixed'), { collection: 'parts_returns' });
	if (batch.kind !== 'stock') {
		const stray = STOCK_FIELDS.filter((f) => f in cleaned && cleaned[f] !== null);
		if (stray.length) throw ruleViolation('DLR-5', stray[0]!, msg('stock_return.stock_only', { fields: stray.join(', ') }), { collection: 'parts_returns' });
		return cleaned;
	}
	for (const f of COMPUTED) delete cleaned[f];
	const to = 'status' in cleaned ? String(cleaned['status']) : batch.status;
	const moving = to !== batch.status;
	if (moving && !(Object.hasOwn(STOCK_FLOW, batch.status) ? STOCK_FLOW[batch.status]! : []).includes(to)) {
		throw ruleViolation('DLR-5', 'status', msg('parts_return.transition', { from: state('parts_returns', 'status', batch.status), to: state('parts_returns', 'status', to) }), { collection: 'parts_returns' });
	}
	if ('return_reason' in cleaned || 'stock_lines' in cleaned) {
		if (batch.status !== 'open') throw ruleViolation('DLR-5', 'return_reason' in cleaned ? 'return_reason' : 'stock_lines', msg('stock_return.locked'), { collection: 'parts_returns' });
		Object.assign(cleaned, await computeStockFields(hook.database, 'return_reason' in cleaned ? cleaned['return_reason'] : batch.return_reason, 'stock_lines' in cleaned ? cleaned['stock_lines'] : batch.stock_lines));
	}
	// The amounts the ledger was posted with stay as they were posted.
	for (const f of ['freight_amount', 'restoration_amount']) {
		if (f in cleaned && ['received', 'closed'].includes(batch.status) && money(cleaned[f]) !== money(batch[f as keyof StoredReturn])) {
			throw ruleViolation('DLR-5', f, msg('stock_return.locked'), { collection: 'parts_returns' });
		}
	}
	if (!moving) return cleaned;
	// The dealer ships; the technical department or a service manager receives and closes.
	if (to !== 'shipped' && hook.accountability && !hook.accountability.admin) {
		const caller = await resolveCaller(hook.database, hook.accountability);
		if (!hasRole(caller, 'technical_dept', 'service_manager')) throw forbidden('DLR-5', msg('stock_return.receiver'));
	}
	if (to !== 'received') return cleaned;
	const { timezone, maxLineFen } = await loadPlanSettings(hook.database);
	const now = new Date();
	const received_on = typeof cleaned['received_on'] === 'string' ? cleaned['received_on'] : computeLocalDate(now, timezone);
	const pick = (f: 'freight_amount' | 'restoration_amount') => money(f in cleaned ? cleaned[f] : batch[f]);
	const entries = decideStockReceipt({
		id: batch.id, dealer: Number(batch.dealer), reason: batch.return_reason as StockReturnReason, stock_value: money(batch.stock_value) ?? '0.00',
		freight_amount: pick('freight_amount'), restoration_amount: pick('restoration_amount'), maxLineFen, now, user: hook.accountability?.user ?? null,
	});
	const row = { status: 'received', received_on, freight_amount: pick('freight_amount'), restoration_amount: pick('restoration_amount'), ledger_posted_at: now.toISOString() };
	await receiveStockReturn(hook.database, batch.id, row, entries, now);
	return { ...cleaned, ...row };
}

/** DLR-5: the receipt and its ledger entries, in one transaction; each entry once by its key. */
async function receiveStockReturn(knex: Knex, id: number, row: Payload, entries: ReturnType<typeof decideStockReceipt>, now: Date): Promise<void> {
	await knex.transaction(async (trx) => {
		await trx('parts_returns').where({ id }).whereIn('status', ['shipped', 'received']).update({ ...row, ledger_posted_at: fromInstant(now, trx) });
		for (const entry of entries) await insertOnce(trx, 'dealer_ledger', { ...entry, posted_at: fromInstant(now, trx) }, 'idempotency_key');
	});
}
