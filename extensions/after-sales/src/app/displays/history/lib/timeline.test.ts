import { describe, expect, test } from 'vitest';
import {
	MESSAGES, buildTimeline, collectUserIds, computeCalendarTimeZone, computeStatusLabels, computeUserName, formatInstant, parseHistory, type TimelineContext,
} from './timeline';

const WANG = '8f0e4a52-1111-4000-8000-000000000001';
const LI = '8f0e4a52-1111-4000-8000-000000000002';
const users = new Map([
	[WANG, { id: WANG, first_name: '建国', last_name: '王' }],
	[LI, { id: LI, first_name: 'Mei', last_name: 'Li', email: 'li@example.com' }],
]);
const statusLabels = computeStatusLabels([
	{ text: '已受理', value: 'received' }, { text: '联系客户', value: 'contacting' }, { text: '$t:as_complaints_status_closed', value: 'closed' },
]);
const zh: TimelineContext = { locale: 'zh', timeZone: 'Asia/Shanghai', users, statusLabels, t: MESSAGES.zh };
const en: TimelineContext = { ...zh, locale: 'en', t: MESSAGES.en, statusLabels: computeStatusLabels([{ text: 'Received', value: 'received' }, { text: 'Contacting customer', value: 'contacting' }]) };

describe('parseHistory', () => {
	test.each([
		['null', null, 0, true],
		['an empty string', '', 0, true],
		['a list', [{ at: 'x' }], 1, true],
		['a list as JSON text', '[{"at":"2026-03-05T06:30:00Z"},2]', 2, true],
		['JSON null text', 'null', 0, true],
		['text that is not JSON', '{oops', 0, false],
		['an object', { at: 'x' }, 0, false],
		['a number', 42, 0, false],
	])('ARC-3: when the stored history is %s, then its entries are read, or it is reported unreadable', (_name, value, count, readable) => {
		const parsed = parseHistory(value);
		expect(parsed.entries).toHaveLength(count);
		expect(parsed.readable).toBe(readable);
	});
});

describe('buildTimeline', () => {
	test('CMP-3: when a complaint moved received → contacting, then the rows are newest first with names, status labels and the zone of the calendar', () => {
		const rows = buildTimeline([
			{ at: '2026-03-05T06:30:00.000Z', by: WANG, from: null, to: 'received', summary: 'received (CMP-1)' },
			{ at: '2026-03-05T16:05:00.000Z', by: LI, from: 'received', to: 'contacting', summary: 'called the customer', note: '客户不在' },
		], zh);
		expect(rows.map((r) => r.who)).toEqual(['Li Mei', '王建国']);
		expect(rows[0]).toMatchObject({ from: '已受理', to: '联系客户', summary: 'called the customer · 客户不在', malformed: false, at: '2026-03-05T16:05:00.000Z' });
		// 16:05 UTC is past midnight in Shanghai (UTC+8).
		expect(rows[0]!.when).toBe('2026/03/06 00:05');
		expect(rows[1]).toMatchObject({ from: null, to: '已受理', when: '2026/03/05 14:30' });
	});

	test('CAL-3: when the reader is English, then given name first and an English date in the calendar zone', () => {
		const [row] = buildTimeline([{ at: '2026-03-05T16:05:00Z', by: LI, from: 'contacting', to: 'closed' }], en);
		expect(row).toMatchObject({ who: 'Mei Li', from: 'Contacting customer', to: 'closed', when: '03/06/2026, 00:05' });
	});

	test.each([
		['a string', 'garbage'],
		['a number', 7],
		['null', null],
		['a list', [1, 2]],
	])('INT-2: when an entry is %s, then it shows as an unreadable entry and the others still show', (_name, bad) => {
		const rows = buildTimeline([bad, { at: '2026-03-05T06:30:00Z', by: null, to: 'received' }], en);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({ who: 'System', to: 'Received', malformed: false });
		expect(rows[1]).toMatchObject({ malformed: true, summary: 'Unreadable entry', when: 'Unknown time' });
	});

	test.each([
		['missing', undefined],
		['impossible', '2026-02-30T25:00:00Z'],
		['an object', { at: 1 }],
	])('INT-2: when the instant of an entry is %s, then "unknown time" and the entry goes last', (_name, at) => {
		const rows = buildTimeline([{ at, by: WANG, summary: 'odd' }, { at: '2026-01-01T00:00:00Z', by: WANG, summary: 'fine' }], zh);
		expect(rows.map((r) => r.summary)).toEqual(['fine', 'odd']);
		expect(rows[1]!.when).toBe('时间不详');
		expect(rows[1]!.at).toBeNull();
	});

	test('ARC-3: when an archive entry lists changed fields, then each change shows before and after; unknown users and statuses show as they are', () => {
		const [row] = buildTimeline([{ at: '2026-03-05T06:30:00Z', by: 'someone-gone', summary: 'phone, region', changes: { phone: { from: '123', to: '456' }, region: { from: null, to: '华北' }, bad: 3 } }], zh);
		expect(row).toMatchObject({ who: '未知用户', from: null, to: null, summary: 'phone, region' });
		expect(row!.changes).toEqual([{ field: 'phone', from: '123', to: '456' }, { field: 'region', from: '—', to: '华北' }]);
		const [other] = buildTimeline([{ at: '2026-03-05T06:30:00Z', by: 42, from: 'draft', to: 'submitted' }], en);
		expect(other).toMatchObject({ who: 'Unknown user', from: 'draft', to: 'submitted' });
	});

	test('CMP-3: when entries share an instant, then the later-written one comes first', () => {
		const at = '2026-03-05T06:30:00Z';
		expect(buildTimeline([{ at, summary: 'a' }, { at, summary: 'b' }], en).map((r) => r.summary)).toEqual(['b', 'a']);
	});
});

describe('helpers', () => {
	test('ARC-3: user ids are collected once each, only from `by` strings', () => {
		expect(collectUserIds([{ by: WANG }, { by: WANG }, { by: null }, 'x', { by: 3 }, { by: LI }])).toEqual([WANG, LI]);
	});

	test.each([
		['a Chinese name in Chinese', { id: 'a', first_name: '建国', last_name: '王' }, 'zh', '王建国'],
		['a name in English', { id: 'a', first_name: 'Mei', last_name: 'Li' }, 'en', 'Mei Li'],
		['a Latin name in Chinese', { id: 'a', first_name: 'Mei', last_name: 'Li' }, 'zh', 'Li Mei'],
		['a Chinese name in English', { id: 'a', first_name: '建国', last_name: '王' }, 'en', '王建国'],
		['only a first name', { id: 'a', first_name: 'Mei', last_name: null }, 'en', 'Mei'],
		['no name', { id: 'a', first_name: ' ', last_name: null, email: 'x@example.com' }, 'zh', 'x@example.com'],
		['nothing at all', { id: 'a' }, 'en', null],
	] as const)('ARC-3: %s', (_name, user, locale, expected) => {
		expect(computeUserName(user, locale)).toBe(expected);
	});

	test.each([
		['the calendar zone', { calendar: { timezone: 'Europe/Berlin' }, default_timezone: 'Asia/Shanghai' }, 'Europe/Berlin'],
		['the calendar as JSON text', { calendar: '{"timezone":"Asia/Tokyo"}' }, 'Asia/Tokyo'],
		['an invalid calendar zone', { calendar: { timezone: 'Mars/Olympus' }, default_timezone: 'Asia/Shanghai' }, 'Asia/Shanghai'],
		['no settings', null, null],
		['unreadable calendar text', { calendar: '{', default_timezone: 7 }, null],
	])('CAL-3: the time zone from %s', (_name, settings, expected) => {
		expect(computeCalendarTimeZone(settings)).toBe(expected);
	});

	test('CAL-3: an invalid zone falls back to the reader\'s own', () => {
		expect(() => formatInstant(new Date('2026-03-05T06:30:00Z'), 'en', 'Nowhere/Else')).not.toThrow();
	});

	test('CMP-3: choices that are not value/text pairs are skipped', () => {
		expect(computeStatusLabels([null, { value: {} }, { value: 3, text: '' }, { value: 'a', text: 'A' }])).toEqual({ 3: '3', a: 'A' });
		expect(computeStatusLabels('nope')).toEqual({});
	});
});
