import { computeLocalParts } from './compute-local-parts';

/** CAL-3: minutes the zone is ahead of UTC at that instant (Asia/Shanghai: 480); changes across DST. */
export function computeTimeZoneOffset(at: Date, timeZone: string): number {
	// Intl has no milliseconds in its parts, so compare whole seconds.
	const base = Math.floor(at.getTime() / 1000) * 1000;
	const local = computeLocalParts(new Date(base), timeZone);
	const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);

	return (wall - base) / 60_000;
}
