import { describe, expect, test } from 'vitest';
import { BusySeasonsSchema, computeBusySeason } from './compute-busy-season';

const seasons = BusySeasonsSchema.parse([
	{ name: '三夏麦收', regions: ['山东', '河南'], categories: ['harvester'], from: '05-25', to: '06-25' },
	{ name: '冬季', from: '12-15', to: '01-15' },
]);

describe('computeBusySeason (WTY-11)', () => {
	test('WTY-11: a harvester in Shandong dropped off on 06-01 is in the summer harvest; in Guangdong, or a tractor, it is not', () => {
		expect(computeBusySeason(seasons, { region: '山东潍坊', category: 'harvester', date: '2026-06-01' })?.name).toBe('三夏麦收');
		expect(computeBusySeason(seasons, { region: '广东', category: 'harvester', date: '2026-06-01' })).toBeNull();
		expect(computeBusySeason(seasons, { region: '山东', category: 'tractor', date: '2026-06-01' })).toBeNull();
		expect(computeBusySeason(seasons, { region: '山东', category: 'harvester', date: '2026-06-26' })).toBeNull();
	});

	test('WTY-11: a season without regions or categories applies to all, and may run over the year end', () => {
		expect(computeBusySeason(seasons, { region: null, category: null, date: '2027-01-10' })?.name).toBe('冬季');
		expect(computeBusySeason(seasons, { region: null, category: null, date: '2026-12-20' })?.name).toBe('冬季');
		expect(computeBusySeason(seasons, { region: null, category: null, date: '2026-11-20' })).toBeNull();
	});

	test('WTY-11: a season with a date that is not a month-day is refused', () => {
		expect(BusySeasonsSchema.safeParse([{ name: 'x', from: '02-30', to: '03-01' }]).success).toBe(false);
	});
});
