// Pure parts of the report adapters: query parsing (400 naming the field), periods, CSV.
import { describe, expect, test } from 'vitest';
import { BOM, toCsv } from './export-table';
import { isoWeekOf, parseDealerReportQuery, parseSummaryQuery, parseWeeklyQuery, periodStart } from './parse-report-query';
import { toReportPeriod } from './report-period';

const fieldOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		return (error as { extensions?: { field?: string } }).extensions?.field;
	}
	return 'no error';
};

describe('parseDealerReportQuery', () => {
	test('RPT-1: when nothing is given, then the report covers the current month up to today as JSON', () => {
		expect(parseDealerReportQuery({}, '2026-11-22')).toEqual({ from: '2026-11-01', to: '2026-11-22', dealer: null, format: 'json' });
	});

	test.each([
		['month', '2026-11-01'], ['quarter', '2026-10-01'], ['year', '2026-01-01'],
	] as const)('RPT-1: when the period is %s, then it starts on %s', (period, from) => {
		expect(parseDealerReportQuery({ period }, '2026-11-22').from).toBe(from);
		expect(periodStart(period, '2026-11-22')).toBe(from);
	});

	test.each([
		[{ from: '2026-03-02', to: '2026-03-01' }, 'from'],
		[{ format: 'pdf' }, 'format'],
		[{ from: '2020-01-01', to: '2025-01-07' }, 'to'],
		[{ from: '2026-02-29' }, 'from'],
		[{ to: '26-01-01' }, 'to'],
		[{ period: 'week' }, 'period'],
		[{ dealer: '' }, 'dealer'],
	])('RPT-1: when the query is %j, then 400 names %s', (query, field) => {
		expect(fieldOf(() => parseDealerReportQuery(query, '2026-11-22'))).toBe(field);
	});

	test('RPT-1: when a value is repeated in the query string, then the first is used', () => {
		expect(parseDealerReportQuery({ format: ['csv', 'xlsx'] }, '2026-11-22').format).toBe('csv');
	});
});

describe('summary and weekly periods', () => {
	test.each([
		[{ period: 'month', at: '2026-02' }, '2026-02-01', '2026-02-28'],
		[{ period: 'month', at: '2028-02' }, '2028-02-01', '2028-02-29'],
		[{ period: 'month', at: '2026-12' }, '2026-12-01', '2026-12-31'],
		[{ period: 'year', at: '2025' }, '2025-01-01', '2025-12-31'],
	])('RPT-2: when the summary is %j, then it runs %s to %s', (query, from, to) => {
		expect(parseSummaryQuery(query, '2026-11-22')).toMatchObject({ from, to });
	});

	test.each([
		['2026-01-01', '2026-W01'], ['2027-01-01', '2026-W53'], ['2025-12-29', '2026-W01'], ['2026-11-22', '2026-W47'], ['2025-03-10', '2025-W11'],
	])('RPT-3: when the date is %s, then the ISO week is %s', (date, week) => {
		expect(isoWeekOf(date)).toBe(week);
	});

	test.each([['2026-W01', '2025-12-29', '2026-01-04'], ['2026-W53', '2026-12-28', '2027-01-03'], ['2025-W11', '2025-03-10', '2025-03-16']])(
		'RPT-3: when the week is %s, then it runs Monday %s to Sunday %s',
		(week, from, to) => {
			expect(parseWeeklyQuery({ week }, '2026-11-22')).toMatchObject({ from, to });
		},
	);

	test.each(['2025-W53', '2025-W00', '2025-11', 'W11'])('RPT-3: when the week is %s, then 400 names week', (week) => {
		expect(fieldOf(() => parseWeeklyQuery({ week }, '2026-11-22'))).toBe('week');
	});
});

describe('toReportPeriod', () => {
	test('CAL-3: when a month is reported in Shanghai, then it runs from 16:00 UTC the day before', () => {
		const period = toReportPeriod('2025-03-01', '2025-03-31', 'Asia/Shanghai', '2026-11-22');
		expect(period.start.toISOString()).toBe('2025-02-28T16:00:00.000Z');
		expect(period.end.toISOString()).toBe('2025-03-31T16:00:00.000Z');
		expect(period.offsetMinutes).toBe(480);
	});
});

describe('toCsv', () => {
	const table = {
		sheet: 's',
		columns: [
			{ key: 'a', zh: '名称', en: 'Name', value: (r: { a: string; b: number | null }) => r.a },
			{ key: 'b', zh: '数量', en: 'Count', value: (r: { a: string; b: number | null }) => r.b },
		],
		rows: [{ a: '逗号,引号"', b: 1 }, { a: '=cmd()', b: null }, { a: '-5', b: -5 }],
	};

	test('RPT-1: when a table is written, then it starts with a BOM, has bilingual headers and quotes what needs quoting', () => {
		expect(toCsv([table])).toBe(`${BOM}名称 Name,数量 Count\r\n"逗号,引号""",1\r\n'=cmd(),\r\n-5,-5\r\n`);
	});
});
