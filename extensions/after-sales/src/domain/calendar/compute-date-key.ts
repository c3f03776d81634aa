import type { LocalDate } from './types';

/** CAL-1: holidays are listed as 'YYYY-MM-DD', so local dates are compared in that form. */
export function computeDateKey(date: LocalDate): string {
	const pad = (value: number, width: number) => String(value).padStart(width, '0');
	return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
