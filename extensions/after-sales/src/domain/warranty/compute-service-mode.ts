export type ServiceMode = 'free' | 'contract' | 'paid';

/**
 * REQ-4: free when the warranty covers the fault, else under the maintenance contract if there is
 * one, else paid (quoted first, see assertQuoteRespected).
 */
export function computeServiceMode(coverage: { covered: boolean } | 'warranty' | 'paid', has_contract: boolean): ServiceMode {
	const covered = typeof coverage === 'string' ? coverage === 'warranty' : coverage.covered;
	if (covered) return 'free';
	return has_contract ? 'contract' : 'paid';
}
