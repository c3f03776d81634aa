import { parseCalendarDate } from '../warranty';
import type { QualityWindow } from './schemas';

/**
 * RPT-4: the calendar window a business date falls in ('2026-11', '2026-Q4', '2026'). Alerts are
 * unique per (product, fault, window key), so each fires once per window however often the
 * sweep runs.
 */
export function computeWindowKey(window: QualityWindow, date: string): string {
	const { year, month } = parseCalendarDate(date, 'date');
	if (window === 'year') return String(year);
	if (window === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
	return `${year}-${String(month).padStart(2, '0')}`;
}
