// CAL-1: the portal shows every moment in the business calendar's time zone (service_settings,
// from the API), never the browser's or UTC; and reads a datetime-local input in that zone too.

function parts(date: Date, timeZone: string) {
	const all = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(date);
	const get = (type: string) => all.find((p) => p.type === type)?.value ?? '00';
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** An instant from the API: an ISO string, or (from an older answer) epoch seconds or milliseconds. */
export function toDate(value: unknown): Date | null {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) {
		const n = Number(value);
		return new Date(n < 1e11 ? n * 1000 : n);
	}
	const date = new Date(String(value));
	return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026-10-01 14:05` in the calendar's zone; '' for no value. */
export function formatInstant(value: unknown, timeZone: string): string {
	const date = toDate(value);
	if (!date) return '';
	const p = parts(date, timeZone);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `2026-10-01`: a calendar day as it is, an instant as the day it fell on in the calendar's zone. */
export function formatDay(value: unknown, timeZone: string): string {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	const date = toDate(value);
	if (!date) return '';
	const p = parts(date, timeZone);
	return `${p.year}-${p.month}-${p.day}`;
}

/** The instant a datetime-local value (`2026-10-01T09:30`) names in the calendar's zone, as ISO. */
export function localInputToIso(value: string, timeZone: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!m) return null;
	const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
	// The zone's offset at that wall time: guess, then correct once (a DST edge moves it by the change).
	const offsetAt = (t: number) => {
		const p = parts(new Date(t), timeZone);
		return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - t;
	};
	let guess = wall - offsetAt(wall);
	guess = wall - offsetAt(guess);
	return new Date(guess).toISOString();
}

/** Whole minutes from `now` until `due` (negative when late), for a countdown that ticks in the page. */
export function minutesUntil(due: unknown, now: number): number | null {
	const date = toDate(due);
	return date ? Math.round((date.getTime() - now) / 60_000) : null;
}
