/** WTY-7: columns the workflow computes; a client sending one is refused, naming it. */
export const CLAIM_COMPUTED_FIELDS = [
	'claim_no', 'labour_claimed', 'travel_claimed', 'parts_claimed', 'claimed_amount', 'approved_amount', 'writeoff_notice_no', 'history',
	'submitted_at', 'audited_at', 'audited_by', 'inspected_at', 'inspected_by', 'approved_at', 'approved_by', 'settled_at', 'settled_by', 'rejected_at',
	'repeat_reviewed_by', 'repeat_reviewed_at',
] as const;

/** What staff change on a claim besides its status; the approved amounts only by the roles that decide lines. */
export const CLAIM_STAFF_FIELDS = ['status', 'labour_approved', 'travel_approved', 'rejection_reasons', 'rejection_note', 'repeat_review', 'repeat_review_note'] as const;
export const CLAIM_DEALER_FIELDS = ['status', 'rejection_note'] as const;
export const LINE_DECIDING_ROLES = ['sales_rep', 'technical_dept', 'finance'] as const;

/** Columns Directus itself maintains; the Studio may send them back unchanged. */
export const DIRECTUS_OWNED_FIELDS = ['id', 'user_created', 'user_updated', 'date_created', 'date_updated'] as const;

/** Statuses in which the audit still decides amounts (before finance approves). */
export const CLAIM_DECIDING_STATUSES = ['submitted', 'audited', 'inspected'] as const;
