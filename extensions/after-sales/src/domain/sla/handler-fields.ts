import type { SlaCollection } from './schemas';

/** ESC-2: the field naming the person handling a record of each collection (L1); a breach may reassign it. */
export const HANDLER_FIELD: Record<SlaCollection, string | null> = {
	complaints: 'handler', service_requests: 'assignee', repair_records: 'technician', warranty_claims: null,
};

/**
 * ESC-2, CMP-1: who hears about an escalation as the record's own person, first filled wins: the
 * handler, or, for a record nobody has taken yet, its recorder (first-contact responsibility).
 */
export const NOTICE_HANDLER_FIELDS: Record<SlaCollection, readonly string[]> = {
	complaints: ['handler', 'recorder'], service_requests: ['assignee', 'recorder'], repair_records: ['technician'], warranty_claims: [],
};
