/**
 * CAL-2: the official public holidays (法定节假日) and adjusted working days (调休上班) of mainland
 * China, as the State Council's General Office publishes them each year. Install writes them into
 * the business calendar, where an admin sees and edits them; a year is added here when its notice
 * is published.
 */
export interface PublicHolidayYear {
	year: number;
	source: string;
	holidays: readonly string[];
	adjusted_working_days: readonly string[];
}

const days = (year: number, month: number, from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(month).padStart(2, '0')}-${String(from + i).padStart(2, '0')}`);

export const CHINA_PUBLIC_HOLIDAYS: readonly PublicHolidayYear[] = [
	{
		year: 2025,
		source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
		holidays: [
			'2025-01-01', ...days(2025, 1, 28, 31), ...days(2025, 2, 1, 4), ...days(2025, 4, 4, 6), ...days(2025, 5, 1, 5),
			'2025-05-31', '2025-06-01', '2025-06-02', ...days(2025, 10, 1, 8),
		],
		adjusted_working_days: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
	},
	{
		year: 2026,
		source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
		holidays: [
			...days(2026, 1, 1, 3), ...days(2026, 2, 15, 23), ...days(2026, 4, 4, 6), ...days(2026, 5, 1, 5),
			...days(2026, 6, 19, 21), ...days(2026, 9, 25, 27), ...days(2026, 10, 1, 7),
		],
		adjusted_working_days: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
	},
];

/**
 * A calendar with every published year's holidays and adjusted days that it does not have yet: a
 * year of which the calendar holds no date at all is added (an admin's own edits of a year stay).
 */
export function withPublicHolidays<T extends { holidays: string[]; adjusted_working_days: string[] }>(calendar: T, years: readonly PublicHolidayYear[] = CHINA_PUBLIC_HOLIDAYS): T {
	const known = new Set([...calendar.holidays, ...calendar.adjusted_working_days].map((d) => Number(d.slice(0, 4))));
	const missing = years.filter((y) => !known.has(y.year));
	if (!missing.length) return calendar;
	return {
		...calendar,
		holidays: [...calendar.holidays, ...missing.flatMap((y) => y.holidays)].sort(),
		adjusted_working_days: [...calendar.adjusted_working_days, ...missing.flatMap((y) => y.adjusted_working_days)].sort(),
	};
}
