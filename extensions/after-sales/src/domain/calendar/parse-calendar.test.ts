import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { DEFAULT_CALENDAR } from './default-calendar';
import { parseCalendar } from './parse-calendar';

const week = (mon: unknown) => ({ mon, tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

describe('parseCalendar', () => {
	test('CAL-1: when nothing is configured, then Asia/Shanghai Mon–Fri 08:30–12:00 and 13:00–17:30 applies', () => {
		expect(parseCalendar({})).toEqual(DEFAULT_CALENDAR);
		expect(parseCalendar(undefined)).toEqual(DEFAULT_CALENDAR);
		expect(DEFAULT_CALENDAR.timezone).toBe('Asia/Shanghai');
		expect(DEFAULT_CALENDAR.working_hours.mon).toEqual([
			{ start: '08:30', end: '12:00' },
			{ start: '13:00', end: '17:30' },
		]);
		expect(DEFAULT_CALENDAR.working_hours.sat).toEqual([]);
		expect(DEFAULT_CALENDAR.working_hours.sun).toEqual([]);
		expect(DEFAULT_CALENDAR.holidays).toEqual([]);
		expect(DEFAULT_CALENDAR.adjusted_working_days).toEqual([]);
	});

	test.each([
		['Europe/Berlin', { timezone: 'Europe/Berlin' }],
		['UTC', { timezone: 'UTC' }],
		['a day working until midnight', { working_hours: week([{ start: '00:00', end: '24:00' }]) }],
		['touching intervals', { working_hours: week([{ start: '08:00', end: '12:00' }, { start: '12:00', end: '13:00' }]) }],
		['adjusted days with their own hours', { adjusted_working_days: ['2026-10-10'], adjusted_day_hours: [{ start: '09:00', end: '12:00' }] }],
	])('CAL-1: when the calendar has %s, then it is accepted', (_label, input) => {
		expect(() => parseCalendar(input)).not.toThrow();
	});

	test.each([
		['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
		['an empty time zone', { timezone: '' }, 'timezone'],
		['a time without leading zero', { working_hours: week([{ start: '8:30', end: '12:00' }]) }, 'working_hours.mon.0.start'],
		['a time past midnight', { working_hours: week([{ start: '08:30', end: '24:30' }]) }, 'working_hours.mon.0.end'],
		['minutes out of range', { working_hours: week([{ start: '08:60', end: '12:00' }]) }, 'working_hours.mon.0.start'],
		['an interval ending before it starts', { working_hours: week([{ start: '12:00', end: '08:30' }]) }, 'working_hours.mon.0.end'],
		['an empty interval', { working_hours: week([{ start: '12:00', end: '12:00' }]) }, 'working_hours.mon.0.end'],
		[
			'overlapping intervals',
			{ working_hours: week([{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:30' }]) },
			'working_hours.mon.1.start',
		],
		[
			'unsorted intervals',
			{ working_hours: week([{ start: '13:00', end: '17:30' }, { start: '08:30', end: '12:00' }]) },
			'working_hours.mon.1.start',
		],
		['a missing weekday', { working_hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } }, 'working_hours.sun'],
		['no working time at all', { working_hours: week([]) }, 'working_hours'],
		['a typo in a key', { holiday: ['2026-10-01'] }, 'holiday'],
		['an impossible holiday', { holidays: ['2026-02-30'] }, 'holidays.0'],
		['a holiday in another format', { holidays: ['2026/10/01'] }, 'holidays.0'],
		['an adjusted day that already works', { adjusted_working_days: ['2026-09-28'] }, 'adjusted_working_days.0'],
		[
			'a day both holiday and adjusted',
			{ holidays: ['2026-10-10'], adjusted_working_days: ['2026-10-10'] },
			'adjusted_working_days.0',
		],
		['bad adjusted day hours', { adjusted_day_hours: [{ start: '09:00' }] }, 'adjusted_day_hours.0.end'],
	])('CAL-1: when the calendar has %s, then a CAL-1 error names %s', (_label, input, field) => {
		let caught: unknown;

		try {
			parseCalendar(input);
		} catch (error) {
			caught = error;
		}

		expect(caught).toBeInstanceOf(DomainRuleError);
		expect(caught).toMatchObject({ rule: 'CAL-1', field });
		expect((caught as Error).message).toContain('CAL-1');
	});
});
