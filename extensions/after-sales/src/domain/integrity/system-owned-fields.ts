/**
 * INT-3: keys that make effects exactly-once and document numbers. Only the pack writes them: a
 * client value would let someone pre-empt a settlement's credit (`claim:74:credit`) or an
 * escalation. Any value a client sends for one of these is refused, not silently dropped.
 */
export const SYSTEM_OWNED_FIELDS: Readonly<Record<string, readonly string[]>> = {
	dealer_ledger: ['idempotency_key', 'posted_by'],
	escalations: ['escalation_key'],
	follow_ups: ['follow_up_key', 'survey_url'],
	quality_alerts: ['alert_key'],
	warranty_claims: ['claim_no', 'writeoff_notice_no'],
	parts_returns: ['batch_key'],
	sla_timers: ['timer_key'],
};

/** The first system-owned field present in a client's payload, or null. */
export function findSystemOwnedField(collection: string, payload: Record<string, unknown>): string | null {
	return (SYSTEM_OWNED_FIELDS[collection] ?? []).find((field) => field in payload) ?? null;
}
