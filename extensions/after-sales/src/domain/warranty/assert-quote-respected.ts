import { DomainRuleError } from '../errors';
import { formatMoney, parseMoney } from '../money';
import { msg } from '../messages';

/**
 * REQ-4, REQ-5: paid work is quoted first, and nothing above the quote is charged unless the
 * customer consented to the extra work.
 */
export function assertQuoteRespected(input: { quoted_total: string | number; actual_total: string | number; customer_consented_extra: boolean }): void {
	const quoted = parseMoney(input.quoted_total, 'quoted_total', { nonNegative: true });
	const actual = parseMoney(input.actual_total, 'actual_total', { nonNegative: true });
	if (actual > quoted && !input.customer_consented_extra) {
		throw new DomainRuleError(
			'REQ-4',
			'actual_total',
			`REQ-4: actual_total: ${formatMoney(actual)} exceeds the quote ${formatMoney(quoted)} by ${formatMoney(actual - quoted)} without the customer's consent (超出报价须经用户同意)`,
			{ collection: 'repair_records', text: msg('quote.exceeded', { actual: formatMoney(actual), quoted: formatMoney(quoted), difference: formatMoney(actual - quoted) }) },
		);
	}
}
