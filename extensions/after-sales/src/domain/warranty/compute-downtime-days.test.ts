import { describe, expect, test } from 'vitest';
import { computeDowntimeDays, type DowntimeRepair } from './index';

const at = new Date('2026-09-01T00:00:00Z');
const repair = (from: string | null, to: string | null, coverage = 'warranty'): DowntimeRepair => ({
	dropped_off_at: from ? new Date(from) : null,
	completed_at: to ? new Date(to) : null,
	coverage,
});

describe('computeDowntimeDays', () => {
	test.each([
		['no repairs', [], 0],
		['one 5-day warranty repair', [repair('2026-03-01T08:00:00Z', '2026-03-06T08:00:00Z')], 5],
		['a repair of 4 days 23 hours', [repair('2026-03-01T08:00:00Z', '2026-03-06T07:00:00Z')], 4],
		['a same-day repair', [repair('2026-03-01T01:00:00Z', '2026-03-01T09:00:00Z')], 0],
		['two separate repairs of 3 and 2 days', [repair('2026-03-01T00:00:00Z', '2026-03-04T00:00:00Z'), repair('2026-05-01T00:00:00Z', '2026-05-03T00:00:00Z')], 5],
		['two overlapping repairs (days 1–5 and 3–8)', [repair('2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z'), repair('2026-03-03T00:00:00Z', '2026-03-08T00:00:00Z')], 7],
		['one repair inside another', [repair('2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z'), repair('2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z')], 9],
		['half days adding up across repairs', [repair('2026-03-01T00:00:00Z', '2026-03-01T12:00:00Z'), repair('2026-04-01T00:00:00Z', '2026-04-01T12:00:00Z')], 1],
		['a paid repair', [repair('2026-03-01T00:00:00Z', '2026-03-11T00:00:00Z', 'paid')], 0],
		['a contract repair', [repair('2026-03-01T00:00:00Z', '2026-03-11T00:00:00Z', 'contract')], 0],
		['a repair without a drop-off time', [repair(null, '2026-03-11T00:00:00Z')], 0],
		['an open repair (waiting for parts) since 2026-08-20', [repair('2026-08-20T00:00:00Z', null)], 12],
		['a repair completed after `at`', [repair('2026-08-25T00:00:00Z', '2026-09-10T00:00:00Z')], 7],
		['a repair dropped off after `at`', [repair('2026-09-02T00:00:00Z', '2026-09-05T00:00:00Z')], 0],
		['a completion recorded before the drop-off', [repair('2026-03-05T00:00:00Z', '2026-03-01T00:00:00Z')], 0],
	])('WTY-10: when the history has %s, then the unit was down %i whole days', (_label, repairs, days) => {
		expect(computeDowntimeDays(repairs, at)).toBe(days);
	});
});
