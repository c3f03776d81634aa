/**
 * INT-3: keys that make effects exactly-once, document numbers and values the pack computes (DLR-3, DLR-5). Only the pack writes them: a
 * client value would let someone pre-empt a settlement's credit (`claim:74:credit`) or an
 * escalation. Any value a client sends for one of these is refused, not silently dropped.
 */
export const SYSTEM_OWNED_FIELDS: Readonly<Record<string, readonly string[]>> = {
	dealer_ledger: ['idempotency_key', 'posted_by'],
	escalations: ['escalation_key'],
	follow_ups: ['follow_up_key', 'survey_url'],
	quality_alerts: ['alert_key'],
	warranty_claims: ['claim_no', 'writeoff_notice_no'],
	parts_returns: ['batch_key', 'stock_value', 'freight_payer', 'ledger_posted_at'],
	// DLR-3: plans are filed by the dealer through the portal, never typed into the Studio.
	dealers: ['parts_plans', 'parts_plan_filed_on'],
	sla_timers: ['timer_key'],
};

/** The first system-owned field present in a client's payload, or null. */
export function findSystemOwnedField(collection: string, payload: Record<string, unknown>): string | null {
	return (SYSTEM_OWNED_FIELDS[collection] ?? []).find((field) => field in payload) ?? null;
}
