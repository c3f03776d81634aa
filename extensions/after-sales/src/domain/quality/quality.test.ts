import { describe, expect, test } from 'vitest';
import { computeQualityAlerts, computeWindowKey, computeWindowRange, QualityThresholdsSchema, type FaultCount, type QualityWindow } from './index';

const thresholds = QualityThresholdsSchema.parse({});

describe('QualityThresholdsSchema', () => {
	test('RPT-4: when nothing is configured, then month 3 → level 1, quarter 6 → level 2, year 12 → level 3', () => {
		expect(thresholds).toEqual({
			month: { min_count: 3, level: 1 },
			quarter: { min_count: 6, level: 2 },
			year: { min_count: 12, level: 3 },
			routes: { design: 'technical_dept', service: 'service_manager' },
		});
	});

	test.each([[{ month: { min_count: 0 } }], [{ year: { level: 4 } }], [{ routes: { design: '' } }]])('RPT-4: when thresholds are %j, then they are refused', (input) => {
		expect(QualityThresholdsSchema.safeParse(input).success).toBe(false);
	});
});

describe('computeWindowKey', () => {
	test.each<[QualityWindow, string, string]>([
		['month', '2026-11-15', '2026-11'],
		['month', '2026-01-01', '2026-01'],
		['quarter', '2026-11-15', '2026-Q4'],
		['quarter', '2026-03-31', '2026-Q1'],
		['quarter', '2026-04-01', '2026-Q2'],
		['quarter', '2026-09-30', '2026-Q3'],
		['year', '2026-11-15', '2026'],
	])('RPT-4: when the window is a %s and the date %s, then the key is %s', (window, date, key) => {
		expect(computeWindowKey(window, date)).toBe(key);
	});
});

describe('computeWindowRange', () => {
	test.each<[QualityWindow, string, string, string]>([
		['month', '2026-02-10', '2026-02-01', '2026-02-28'],
		['month', '2028-02-10', '2028-02-01', '2028-02-29'],
		['quarter', '2026-11-15', '2026-10-01', '2026-12-31'],
		['quarter', '2026-05-01', '2026-04-01', '2026-06-30'],
		['year', '2026-07-04', '2026-01-01', '2026-12-31'],
	])('RPT-4: when the window is a %s around %s, then it runs %s to %s', (window, date, from, to) => {
		expect(computeWindowRange(window, date)).toEqual({ from, to });
	});
});

describe('computeQualityAlerts', () => {
	const row = (window: QualityWindow, count: number, origin?: FaultCount['origin']): FaultCount => ({ product: 'TX-904', fault_category: 'hydraulic', window, count, origin });

	test.each<[string, FaultCount, number | null, string | null]>([
		['2 in a month', row('month', 2), null, null],
		['3 in a month', row('month', 3), 1, 'technical_dept'],
		['5 in a quarter', row('quarter', 5), null, null],
		['6 in a quarter', row('quarter', 6), 2, 'technical_dept'],
		['11 in a year', row('year', 11), null, null],
		['12 in a year', row('year', 12), 3, 'technical_dept'],
		['3 service-caused in a month', row('month', 3, 'service'), 1, 'service_manager'],
		['3 design faults in a month', row('month', 3, 'design'), 1, 'technical_dept'],
	])('RPT-4: when a product has %s, then the alert level is %s routed to %s', (_label, count, level, route) => {
		const alerts = computeQualityAlerts([count], thresholds);
		if (level === null) expect(alerts).toEqual([]);
		else expect(alerts).toEqual([expect.objectContaining({ level, route, window: count.window, count: count.count })]);
	});

	test('RPT-4: when a date is given, then each alert carries its window key and a once-per-window key', () => {
		const [alert] = computeQualityAlerts([row('quarter', 7)], thresholds, '2026-11-15');
		expect(alert).toMatchObject({ window_key: '2026-Q4', idempotency_key: 'quality:TX-904:hydraulic:2026-Q4', threshold: 6 });
	});

	test('RPT-4: when no date is given, then there is no key', () => {
		expect(computeQualityAlerts([row('month', 3)], thresholds)[0]).toMatchObject({ window_key: null, idempotency_key: null });
	});

	test('RPT-4: when a fault crosses several windows, then each raises its own alert, highest level first', () => {
		const alerts = computeQualityAlerts([row('month', 4), row('year', 15), row('quarter', 9), { ...row('month', 3), product: 'TX-100' }], thresholds, '2026-11-15');
		expect(alerts.map((alert) => [alert.product, alert.window_key, alert.level])).toEqual([
			['TX-904', '2026', 3],
			['TX-904', '2026-Q4', 2],
			['TX-904', '2026-11', 1],
			['TX-100', '2026-11', 1],
		]);
	});

	test('RPT-4: when an admin raises the monthly bar and reroutes design faults, then the settings are used', () => {
		const custom = QualityThresholdsSchema.parse({ month: { min_count: 5 }, routes: { design: 'leadership' } });
		expect(computeQualityAlerts([row('month', 4)], custom)).toEqual([]);
		expect(computeQualityAlerts([row('month', 5)], custom)[0]).toMatchObject({ route: 'leadership', level: 1 });
	});
});
