import { DomainRuleError } from '../errors';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The business date of an instant. Instants are stored in UTC (CAL-3) but 三包 periods and card
 * deadlines are counted in days where the business is: 23:30 UTC is already tomorrow in Shanghai.
 */
export function computeLocalDate(at: Date, timeZone: string): string {
	if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
		throw new DomainRuleError('DATE', null, 'DATE: an instant is required');
	}
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		try {
			formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		} catch {
			throw new DomainRuleError('DATE', 'timezone', `DATE: timezone: ${JSON.stringify(timeZone)} is not an IANA time zone`);
		}
		formatters.set(timeZone, formatter);
	}
	const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}
