import { parseCalendar } from './parse-calendar';

/** A wall time in Asia/Shanghai written the way people say it: '2026-09-30 17:00'. */
export const shanghai = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export const utc = (iso: string): Date => new Date(iso);

/** National Day 2026 (国庆): Oct 1–7 off, Sunday Sep 27 and Saturday Oct 10 worked instead (调休). */
export const NATIONAL_DAY_CALENDAR = parseCalendar({
	holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
	adjusted_working_days: ['2026-09-27', '2026-10-10'],
});

export const BERLIN_CALENDAR = parseCalendar({ timezone: 'Europe/Berlin' });

/** Deterministic pseudo-random numbers so property tables never depend on the run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}
