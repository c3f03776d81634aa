export type ServiceMode = 'free' | 'contract' | 'paid';

/**
 * REQ-4: free when the warranty covers the fault or the dealer bears the cost (WTY-2, WTY-4), else
 * under the maintenance contract if there is one, else paid (quoted first, see assertQuoteRespected).
 */
export function computeServiceMode(coverage: { covered: boolean; dealer_bears_cost?: boolean } | 'warranty' | 'paid' | 'dealer_expense', has_contract: boolean): ServiceMode {
	const covered = typeof coverage === 'string' ? coverage !== 'paid' : coverage.covered || coverage.dealer_bears_cost === true;
	if (covered) return 'free';
	return has_contract ? 'contract' : 'paid';
}
