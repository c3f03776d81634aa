import { DomainRuleError } from '../errors';
import { formatMoney, parseMoney } from '../money';
import { msg } from '../messages';

/** INT-4: the default ceiling of one amount (a line, a cost, a ledger entry): ¥10,000,000.00. */
export const DEFAULT_MAX_LINE_FEN = 1_000_000_000n;
/** INT-4: the largest amount a money column (decimal 14,2) stores; the ceiling setting itself is held to this, not to its own current value. */
export const MAX_STORABLE_FEN = 99_999_999_999_999n;

/**
 * INT-4: an amount is a decimal with at most two places whose size stays within the configured
 * maximum, so a sum of many entries stays exact in every database (a REAL column included).
 */
export function parseBoundedMoney(value: unknown, field: string, options: { maxFen: bigint; nonNegative?: boolean }): bigint {
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new DomainRuleError('INT-4', field, msg('int.not_amount', { value: JSON.stringify(value) }));
	}
	let fen: bigint;
	try {
		fen = parseMoney(value, field, { nonNegative: options.nonNegative ?? false });
	} catch (error) {
		const message = (error as Error).message.replace(/^MONEY: /, 'INT-4: ');
		throw new DomainRuleError('INT-4', field, message, error instanceof DomainRuleError && error.text ? { text: error.text } : {});
	}
	const size = fen < 0n ? -fen : fen;
	if (size > options.maxFen) {
		throw new DomainRuleError('INT-4', field, msg('int.over_max', { amount: formatMoney(fen), max: formatMoney(options.maxFen) }));
	}
	return fen;
}
