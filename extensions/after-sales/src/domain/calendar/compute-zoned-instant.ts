import { computeTimeZoneOffset } from './compute-time-zone-offset';
import type { LocalDateTime } from './types';

const DAY_MS = 86_400_000;

/**
 * CAL-3: the UTC instant of a local wall time. Around DST changes it behaves like Temporal's
 * 'compatible' choice: a repeated wall time means its first occurrence, and a wall time that
 * does not exist (skipped by spring-forward) is moved forward by the size of the gap.
 */
export function computeZonedInstant(wall: LocalDateTime, timeZone: string): Date {
	const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
	const offsetBefore = computeTimeZoneOffset(new Date(wallMs - DAY_MS), timeZone) * 60_000;
	const offsetAfter = computeTimeZoneOffset(new Date(wallMs + DAY_MS), timeZone) * 60_000;

	const matches = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
		(candidate) => computeTimeZoneOffset(new Date(candidate), timeZone) * 60_000 === wallMs - candidate,
	);

	if (matches.length > 0) return new Date(Math.min(...matches));

	return new Date(wallMs - offsetBefore);
}
