import { formatCalendarDate, parseCalendarDate } from '../warranty';
import type { QualityWindow } from './schemas';

/** RPT-4: the first and last business date of the window containing `date`, for counting repairs in it. */
export function computeWindowRange(window: QualityWindow, date: string): { from: string; to: string } {
	const { year, month } = parseCalendarDate(date, 'date');
	const firstMonth = window === 'year' ? 1 : window === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
	const lastMonth = window === 'year' ? 12 : window === 'quarter' ? firstMonth + 2 : month;
	const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
	return { from: formatCalendarDate({ year, month: firstMonth, day: 1 }), to: formatCalendarDate({ year, month: lastMonth, day: lastDay }) };
}
