import type { SlaCollection } from './schemas';

/** ESC-1: states after which a record needs no new timers (its open ones are fulfilled or left as history). */
export const FINAL_STATES: Record<SlaCollection, readonly string[]> = {
	complaints: ['closed', 'rejected'],
	service_requests: ['resolved', 'closed', 'cancelled'],
	repair_records: ['completed', 'cancelled'],
	warranty_claims: ['settled', 'rejected'],
};
