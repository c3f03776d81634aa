import { computeDatePlusDays } from './compute-date-plus-days';
import { parseCalendarDate } from './parse-calendar-date';

function isWeekday(date: string): boolean {
	const { year, month, day } = parseCalendarDate(date);
	const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
	return weekday !== 0 && weekday !== 6;
}

/**
 * WTY-12: a lost 三包凭证 is reissued within `working_days` working days of the day the unit was
 * shown to be in warranty. The business calendar (CAL-1: holidays, 调休) is passed in as a predicate
 * so this stays independent of how calendars are stored; plain Mon–Fri otherwise.
 */
export function computeCertificateReissueDue(input: {
	shown_in_warranty_on: string;
	working_days?: number;
	is_working_day?: (date: string) => boolean;
}): string {
	const isWorkingDay = input.is_working_day ?? isWeekday;
	let remaining = input.working_days ?? 10;
	let date = input.shown_in_warranty_on;
	// Bounded so a calendar with no working days fails loudly instead of looping forever.
	for (let guard = 0; remaining > 0; guard++) {
		if (guard > 3660) throw new RangeError('WTY-12: the calendar has no working days within ten years');
		date = computeDatePlusDays(date, 1);
		if (isWorkingDay(date)) remaining--;
	}
	return date;
}
