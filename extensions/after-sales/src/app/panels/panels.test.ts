// The insights panels' definitions and pure view models, tested without mounting (RPT-1, RPT-4, ESC-1).
import { describe, expect, test } from 'vitest';
import pkg from '../../../package.json';
import { dealerScorecardDefinition } from './dealer-scorecard/definition';
import { MESSAGES, messagesFor, pickLocale, show } from './lib/i18n';
import { buildClaimsChart, buildComplianceChart, buildSlaMatrix, toQuery } from './lib/view-models';
import { qualityAlertsDefinition } from './quality-alerts/definition';
import { slaBoardDefinition } from './sla-board/definition';

const definitions = [slaBoardDefinition, dealerScorecardDefinition, qualityAlertsDefinition];

describe('panel definitions', () => {
	test.each(definitions.map((d) => [d.id, d] as const))('RPT-1: when %s is defined, then it has a Chinese name, an English description, an icon and sizes', (_id, definition) => {
		// Directus does not translate an extension's name with the project's strings (studio-strings.ts).
		expect(definition.name).toMatch(/^[\u4e00-\u9fff]+$/);
		expect(definition.description).toMatch(/^[A-Z][^\u4e00-\u9fff]+$/);
		expect(definition.icon).toMatch(/^[a-z_]+$/);
		expect(definition.minWidth).toBeGreaterThan(0);
		expect(definition.minHeight).toBeGreaterThan(0);
	});

	test.each(definitions.map((d) => [d.id, d] as const))('RPT-1: when %s is defined, then it is a bundle entry of the same name', (id) => {
		const entries = (pkg as { 'directus:extension': { entries: Array<{ type: string; name: string; source: string }> } })['directus:extension'].entries;
		const entry = entries.find((e) => e.name === id);
		expect(entry).toMatchObject({ type: 'panel' });
		expect(entry!.source).toMatch(/^src\/app\/panels\/[a-z-]+\/index\.ts$/);
	});

	test('RPT-1: when the scorecard is configured, then period, dealer, top N and trend months are options with defaults', () => {
		const fields = Object.fromEntries(dealerScorecardDefinition.options().map((o) => [o.field, o]));
		expect(Object.keys(fields)).toEqual(['period', 'dealer', 'limit', 'months']);
		expect(fields['period']!.meta.options!.choices!.map((c: { value: string }) => c.value)).toEqual(['month', 'quarter', 'year']);
		expect(fields['limit']!.schema?.default_value).toBe(10);
	});

	test('RPT-5: when the quality panel is configured, then month and product category are options', () => {
		expect(qualityAlertsDefinition.options().map((o) => o.field)).toEqual(['month', 'category']);
	});
});

describe('i18n', () => {
	test.each([
		[['zh-CN'], 'zh'], [['en-US'], 'en'], [[null, 'en-GB'], 'en'], [[null, 'zh-TW'], 'zh'], [[null, null], 'zh'], [['de-DE', 'zh-CN'], 'en'],
	] as const)('RPT-1: when the languages are %j, then the panels speak %s', (languages, locale) => {
		expect(pickLocale(...languages)).toBe(locale);
	});

	test('RPT-1: when a string exists in one language, then it exists in the other', () => {
		const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k])).sort();
		expect(keys(MESSAGES.en)).toEqual(keys(MESSAGES.zh));
	});

	test.each([[null, '—'], [undefined, '—'], ['', '—'], [0, '0'], [4.5, '4.5']] as const)('RPT-1: when %j is shown, then it reads %s', (value, text) => {
		expect(show(value)).toBe(text);
	});
});

describe('view models', () => {
	const t = messagesFor('en');

	test('ESC-1: when the board has cells, then rows are states and columns levels, in the order given', () => {
		const matrix = buildSlaMatrix({
			cells: [{ collection: 'complaints', state: 'breached', level: 2, count: 3 }, { collection: 'service_requests', state: 'breached', level: 2, count: 1 }, { collection: 'complaints', state: 'running', level: 1, count: 5 }],
			totals: [{ state: 'running', count: 5 }, { state: 'paused', count: 0 }, { state: 'warned', count: 0 }, { state: 'breached', count: 4 }],
			overdue: [],
		}, t);
		expect(matrix.levels).toEqual([1, 2]);
		expect(matrix.rows.map((r) => [r.label, r.byLevel, r.total])).toEqual([['Running', [5, 0], 5], ['Paused', [0, 0], 0], ['Warned', [0, 0], 0], ['Breached', [0, 4], 4]]);
		expect(matrix.isEmpty).toBe(false);
	});

	test('ESC-1: when nothing is open, then the board is empty', () => {
		expect(buildSlaMatrix({ cells: [], totals: [{ state: 'running', count: 0 }], overdue: [] }, t).isEmpty).toBe(true);
	});

	test('RPT-1: when the claims chart is built, then it shows the top N dealers approved vs rejected as given', () => {
		const row = (code: string, a: number, r: number) => ({ dealer_id: 1, code, name: code, rank: 1, rating: 'A', score: 1, schedule_compliance: null, claim_rejection_rate: null, satisfaction_avg: null, complaints: 0, claims_approved: a, claims_rejected: r });
		const chart = buildClaimsChart([row('D1', 5, 1), row('D2', 3, 0), row('D3', 9, 9)], 2, t);
		expect(chart.labels).toEqual(['D1', 'D2']);
		expect(chart.datasets.map((d) => [d.label, d.data])).toEqual([['Claims approved', [5, 3]], ['Claims rejected', [1, 0]]]);
	});

	test('RPT-1: when a month had no tasks, then the compliance line has a gap there', () => {
		const chart = buildComplianceChart([{ month: '2026-10', schedule_compliance: 80, claims_approved: 0, claims_rejected: 0 }, { month: '2026-11', schedule_compliance: null, claims_approved: 0, claims_rejected: 0 }], t);
		expect(chart.labels).toEqual(['2026-10', '2026-11']);
		expect(chart.datasets[0]!.data).toEqual([80, null]);
	});

	test.each([
		[{ period: 'year', dealer: null }, '?period=year'],
		[{ period: 'month', dealer: 'D 01' }, '?period=month&dealer=D%2001'],
		[{ collection: '' }, ''],
		[{ months: 6 }, '?months=6'],
	])('RPT-1: when the options are %j, then the query is %s', (options, query) => {
		expect(toQuery(options)).toBe(query);
	});
});
