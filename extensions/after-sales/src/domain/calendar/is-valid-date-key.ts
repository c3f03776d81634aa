const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** CAL-1: holidays and adjusted days are local dates; '2026-02-30' must be refused, not rolled over. */
export function isValidDateKey(key: string): boolean {
	const match = DATE_KEY.exec(key);
	if (!match) return false;

	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (year < 1970) return false;

	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
