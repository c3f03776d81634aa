import { DomainRuleError } from '../errors';
import { parseStrictInstant } from '../integrity';
import { formatMoney, parseMoney, sumMoney } from '../money';

/** Clocks of a phone and the server may disagree by this much. */
const SKEW_MS = 5 * 60_000;

export interface ConsentedWork {
	description: string;
	amount_fen: bigint;
	consented_by: string;
	consented_at: Date;
}

export interface RepairOrder {
	coverage: string | null;
	status: string | null;
	quote_amount: string | number | null;
	labour_cost: string | number | null;
	travel_cost: string | number | null;
	parts_cost: string | number | null;
	extra_work: unknown;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const fen = (v: string | number | null, field: string) => (blank(v) ? 0n : parseMoney(v as string | number, field));

/**
 * REQ-5: additional work found during a repair counts only with the customer's consent: each
 * entry names the work, its amount, who consented and when (not in the future). Returns the
 * parsed entries; throws a DomainRuleError naming `extra_work.<n>.<field>` otherwise.
 */
export function parseConsentedWork(value: unknown, now: Date): ConsentedWork[] {
	if (blank(value)) return [];
	const list = typeof value === 'string' ? safeJson(value) : value;
	if (!Array.isArray(list)) throw new DomainRuleError('REQ-5', 'extra_work', 'REQ-5: extra_work: must be a list of additional work with the customer’s consent');
	return list.map((raw, i) => {
		const entry = (raw ?? {}) as Record<string, unknown>;
		const at = (f: string) => `extra_work.${i}.${f}`;
		if (typeof entry['description'] !== 'string' || !entry['description'].trim()) throw new DomainRuleError('REQ-5', at('description'), `REQ-5: ${at('description')}: name the additional work`);
		if (typeof entry['consented_by'] !== 'string' || !entry['consented_by'].trim()) {
			throw new DomainRuleError('REQ-5', at('consented_by'), `REQ-5: ${at('consented_by')}: additional work needs the customer’s consent: who consented`);
		}
		if (blank(entry['consented_at'])) throw new DomainRuleError('REQ-5', at('consented_at'), `REQ-5: ${at('consented_at')}: additional work needs the customer’s consent: when`);
		const when = parseStrictInstant(entry['consented_at'], at('consented_at'));
		if (when.getTime() > now.getTime() + SKEW_MS) throw new DomainRuleError('REQ-5', at('consented_at'), `REQ-5: ${at('consented_at')}: the consent cannot lie in the future`);
		const amount = fen(entry['amount'] as string | number | null, at('amount'));
		if (amount < 0n) throw new DomainRuleError('REQ-5', at('amount'), `REQ-5: ${at('amount')}: must not be negative`);
		return { description: entry['description'].trim(), amount_fen: amount, consented_by: entry['consented_by'].trim(), consented_at: when };
	});
}

/**
 * REQ-4, REQ-5: a paid repair with a quote is charged no more than the quote plus the additional
 * work the customer consented to; checked when it is completed and whenever a completed one's
 * charges change. Throws a DomainRuleError naming `extra_work` (record the consent) otherwise.
 */
export function assertWithinQuote(order: RepairOrder, now: Date): void {
	const extra = parseConsentedWork(order.extra_work, now);
	if (order.coverage !== 'paid' || order.status !== 'completed' || blank(order.quote_amount)) return;
	const quote = fen(order.quote_amount, 'quote_amount');
	const charged = sumMoney([fen(order.labour_cost, 'labour_cost'), fen(order.travel_cost, 'travel_cost'), fen(order.parts_cost, 'parts_cost')]);
	const consented = sumMoney(extra.map((e) => e.amount_fen));
	if (charged > quote + consented) {
		throw new DomainRuleError('REQ-4', 'extra_work', `REQ-4: the charge ¥${formatMoney(charged)} is above the quote ¥${formatMoney(quote)} plus consented additional work ¥${formatMoney(consented)}: record the customer’s consent (who, when) for the difference first`);
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
