import { computeDaysBetween } from '../warranty';

/**
 * WTY-6, DLR-4: old parts count as returned on time when the dealer shipped them by the deadline
 * (the transit time is not the dealer's to control); lacking a shipping date, the receipt date is
 * used. Nothing shipped or received is not on time.
 */
export function isReturnedOnTime(returned: { shipped_on?: string | null; received_on?: string | null }, deadline: string): boolean {
	const date = returned.shipped_on || returned.received_on;
	return Boolean(date) && computeDaysBetween(date!, deadline) >= 0;
}
