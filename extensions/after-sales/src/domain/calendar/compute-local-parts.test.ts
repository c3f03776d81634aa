import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeLocalParts, readLocalParts } from './compute-local-parts';

// Zones with daylight saving, half- and quarter-hour offsets and a half-hour DST shift (Lord Howe).
const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'America/Sao_Paulo'];
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2100, 0, 1);

describe('computeLocalParts (CAL-3)', () => {
	test('CAL-3: when any instant of 1970–2100 is read in any zone, then the cached offset gives what the zone’s formatter gives', () => {
		fc.assert(
			fc.property(fc.integer({ min: FROM, max: TO }), fc.constantFrom(...ZONES), (ms, zone) => {
				expect(computeLocalParts(new Date(ms), zone)).toEqual(readLocalParts(new Date(ms), zone));
			}),
			{ numRuns: 3000 },
		);
	});

	test.each([
		['America/New_York', '2026-03-08T06:59:59.999Z'], ['America/New_York', '2026-03-08T07:00:00Z'], ['America/New_York', '2026-11-01T05:30:00Z'], ['America/New_York', '2026-11-01T06:00:00Z'],
		['Australia/Lord_Howe', '2026-04-04T14:59:59Z'], ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
		['Europe/Berlin', '2026-03-29T00:59:59Z'], ['Europe/Berlin', '2026-03-29T01:00:00Z'], ['Asia/Shanghai', '2026-12-31T15:59:59.500Z'],
	])('CAL-3: when %s is read at %s, a second around its offset change, then it is the formatter’s reading', (zone, iso) => {
		const at = new Date(iso);
		for (const ms of [at.getTime() - 1000, at.getTime(), at.getTime() + 1000, at.getTime() + 1_800_000]) {
			expect(computeLocalParts(new Date(ms), zone)).toEqual(readLocalParts(new Date(ms), zone));
		}
	});
});
