import type { SlaCollection } from './schemas';
import type { SlaFacts } from './types';

type Row = Record<string, unknown>;

/** What the adapter read from the record's relations, keyed by id as text. */
export interface SlaLookups {
	/** customers.key_account */
	keyAccounts: ReadonlyMap<string, boolean>;
	/** dealers.tier */
	dealerTiers: ReadonlyMap<string, SlaFacts['dealer_tier']>;
}

const isSet = (value: unknown) => value !== null && value !== undefined && value !== '';
const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

/** ESC-1, DLR-2, WTY-11: what a policy condition is matched against, from the record and its customer and dealer. */
export function computeSlaFacts(collection: SlaCollection, row: Row, lookups: SlaLookups): SlaFacts {
	const facts: SlaFacts = { collection };
	const customer = row['customer'];
	const dealer = row['dealer'];
	if (isSet(customer)) facts.key_account = lookups.keyAccounts.get(String(customer)) ?? false;
	if (isSet(dealer)) facts.dealer_tier = lookups.dealerTiers.get(String(dealer)) ?? null;

	if (collection === 'complaints') {
		facts.severity = (row['severity'] as string) ?? null;
		facts.category = (row['category'] as string) ?? null;
	}
	if (collection === 'service_requests') {
		// DLR-2: a task sent to a dealer is a dealer task whatever its type says.
		facts.is_dealer_task = row['type'] === 'dealer_task' || isSet(dealer);
		facts.category = (row['type'] as string) ?? null;
	}
	if (collection === 'repair_records') {
		facts.coverage = (row['coverage'] as string) ?? null;
		facts.busy_season = truthy(row['busy_season']);
		facts.fault_scope = (row['fault_scope'] as SlaFacts['fault_scope']) ?? null;
		facts.category = (row['fault_category'] as string) ?? null;
	}
	return facts;
}
