import { describe, expect, test } from 'vitest';
import { computeLocalParts } from './compute-local-parts';
import { computeTimeZoneOffset } from './compute-time-zone-offset';
import { computeZonedInstant } from './compute-zoned-instant';

describe('computeZonedInstant', () => {
	test.each([
		['Asia/Shanghai midnight', 'Asia/Shanghai', [2026, 9, 22, 0, 0], '2026-09-21T16:00:00.000Z'],
		['Asia/Shanghai opening', 'Asia/Shanghai', [2026, 9, 22, 8, 30], '2026-09-22T00:30:00.000Z'],
		['24:00 as next midnight', 'Asia/Shanghai', [2026, 9, 22, 24, 0], '2026-09-22T16:00:00.000Z'],
		['Berlin winter', 'Europe/Berlin', [2026, 1, 15, 9, 0], '2026-01-15T08:00:00.000Z'],
		['Berlin summer', 'Europe/Berlin', [2026, 7, 1, 12, 0], '2026-07-01T10:00:00.000Z'],
		['Berlin before spring-forward', 'Europe/Berlin', [2026, 3, 29, 1, 59], '2026-03-29T00:59:00.000Z'],
		['Berlin wall time skipped by spring-forward moves forward', 'Europe/Berlin', [2026, 3, 29, 2, 30], '2026-03-29T01:30:00.000Z'],
		['Berlin after spring-forward', 'Europe/Berlin', [2026, 3, 29, 3, 0], '2026-03-29T01:00:00.000Z'],
		['Berlin repeated wall time takes the first', 'Europe/Berlin', [2026, 10, 25, 2, 30], '2026-10-25T00:30:00.000Z'],
		['New York skipped wall time', 'America/New_York', [2026, 3, 8, 2, 30], '2026-03-08T07:30:00.000Z'],
		['UTC', 'UTC', [2026, 12, 31, 23, 59], '2026-12-31T23:59:00.000Z'],
	])('CAL-3: when the wall time is %s, then the UTC instant is right', (_label, zone, [year, month, day, hour, minute], iso) => {
		expect(computeZonedInstant({ year: year!, month: month!, day: day!, hour: hour!, minute: minute! }, zone).toISOString()).toBe(iso);
	});

	test.each([
		['Asia/Shanghai', '2026-06-01T00:00:00Z', 480],
		['Europe/Berlin', '2026-01-01T00:00:00Z', 60],
		['Europe/Berlin', '2026-07-01T00:00:00Z', 120],
		['America/New_York', '2026-07-01T00:00:00Z', -240],
	])('CAL-3: when the zone is %s at %s, then the offset is %i minutes', (zone, iso, offset) => {
		expect(computeTimeZoneOffset(new Date(iso), zone)).toBe(offset);
	});

	test('CAL-3: when an instant is local midnight, then its local hour is 0 and the weekday is local', () => {
		expect(computeLocalParts(new Date('2026-09-21T16:00:00Z'), 'Asia/Shanghai')).toEqual({
			year: 2026,
			month: 9,
			day: 22,
			hour: 0,
			minute: 0,
			second: 0,
			weekday: 2,
		});
	});

	test('CAL-3: when every local minute of a DST year is converted back, then the wall time round-trips', () => {
		for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 17 * 60_000) {
			const instant = new Date(ms);
			const local = computeLocalParts(instant, 'Europe/Berlin');
			expect(computeZonedInstant(local, 'Europe/Berlin').getTime(), instant.toISOString()).toBeLessThanOrEqual(ms);
			expect(computeLocalParts(computeZonedInstant(local, 'Europe/Berlin'), 'Europe/Berlin')).toEqual(local);
		}
	});
});
