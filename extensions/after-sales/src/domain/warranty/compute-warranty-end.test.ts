import { describe, expect, test } from 'vitest';
import { computeWarrantyEnd, computeWarrantyPeriods, REGULATION_PROFILES } from './index';

describe('computeWarrantyEnd', () => {
	test.each([
		{ sold_on: '2026-01-15', months: 12, downtime_days: 0, replaced_on: null, expected: '2027-01-15' },
		{ sold_on: '2026-01-31', months: 1, downtime_days: 0, replaced_on: null, expected: '2026-02-28' },
		{ sold_on: '2024-02-29', months: 12, downtime_days: 0, replaced_on: null, expected: '2025-02-28' },
		{ sold_on: '2026-01-15', months: 12, downtime_days: 10, replaced_on: null, expected: '2027-01-25' },
		{ sold_on: '2026-12-20', months: 12, downtime_days: 15, replaced_on: null, expected: '2028-01-04' },
		{ sold_on: '2026-01-15', months: 12, downtime_days: 0, replaced_on: '2026-08-01', expected: '2027-08-01' },
		{ sold_on: '2026-01-15', months: 12, downtime_days: -3, replaced_on: null, expected: '2027-01-15' },
		{ sold_on: '2026-01-15', months: 12, downtime_days: 0, replaced_on: '2025-12-01', expected: '2027-01-15' },
	])('WTY-10: when sold on $sold_on for $months months with $downtime_days downtime days (replaced $replaced_on), then covered until $expected', ({ expected, ...input }) => {
		expect(computeWarrantyEnd(input)).toBe(expected);
	});
});

describe('computeWarrantyPeriods', () => {
	test('WTY-10: when the main parts have a longer period (2 years), then they outlast the whole machine', () => {
		expect(
			computeWarrantyPeriods({ sold_on: '2026-03-10', product: { warranty_months: 12, main_parts_warranty_months: 24 }, downtime_days: 4 }),
		).toEqual({ whole_machine_months: 12, main_parts_months: 24, whole_machine_until: '2027-03-14', main_parts_until: '2028-03-14' });
	});

	test('WTY-10: when the agricultural profile applies to a product configured for 6 months, then the 12-month floor wins', () => {
		const periods = computeWarrantyPeriods({ sold_on: '2026-03-10', product: { warranty_months: 6, main_parts_warranty_months: null }, downtime_days: 0, profile: REGULATION_PROFILES.agri_2010 });
		expect(periods).toMatchObject({ whole_machine_months: 12, main_parts_months: 12, whole_machine_until: '2027-03-10' });
	});

	test('WTY-10: when main parts are configured shorter than the machine, then they are covered as long as the machine', () => {
		const periods = computeWarrantyPeriods({ sold_on: '2026-03-10', product: { warranty_months: 18, main_parts_warranty_months: 12 }, downtime_days: 0, profile: REGULATION_PROFILES.general_1995 });
		expect(periods.main_parts_until).toBe(periods.whole_machine_until);
	});
});
