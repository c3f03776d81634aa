import { DomainRuleError } from '../errors';

export interface CalendarDateParts {
	year: number;
	month: number;
	day: number;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a 'YYYY-MM-DD' business date; 2026-02-30 is refused rather than silently rolled into March. */
export function parseCalendarDate(date: string, field: string | null = null): CalendarDateParts {
	const match = typeof date === 'string' ? CALENDAR_DATE.exec(date) : null;
	if (match) {
		const year = Number(match[1]);
		const month = Number(match[2]);
		const day = Number(match[3]);
		const probe = new Date(Date.UTC(year, month - 1, day));
		if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
			return { year, month, day };
		}
	}
	throw new DomainRuleError('DATE', field, `DATE: ${field ?? 'date'}: ${JSON.stringify(date)} is not a calendar date (YYYY-MM-DD)`);
}
