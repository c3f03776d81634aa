import { describe, expect, test } from 'vitest';
import { computeFollowUpSchedule, FollowUpSettingsSchema, type FollowUpDue } from './index';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const iso = (item: FollowUpDue | undefined) => item && { from: item.due_from.toISOString(), at: item.due_at.toISOString(), key: item.key, overdue: item.overdue };
const find = (items: FollowUpDue[], kind: FollowUpDue['kind']) => items.filter((item) => item.kind === kind);

describe('computeFollowUpSchedule', () => {
	test('FUP-1: when a technician is dispatched, then the first call is due the same business day', () => {
		const items = computeFollowUpSchedule({ dispatched_at: shanghai('2026-11-02T10:15:00'), now: shanghai('2026-11-02T10:15:00') });
		expect(iso(find(items, 'dispatch_call')[0])).toEqual({ from: '2026-11-02T02:15:00.000Z', at: '2026-11-02T15:59:59.000Z', key: 'dispatch_call', overdue: false });
	});

	test('FUP-1: when the dispatch is at 23:30 UTC, then "same day" is the Shanghai day', () => {
		const items = computeFollowUpSchedule({ dispatched_at: new Date('2026-11-01T23:30:00Z'), now: new Date('2026-11-01T23:30:00Z') });
		expect(find(items, 'dispatch_call')[0]!.due_at.toISOString()).toBe('2026-11-02T15:59:59.000Z');
	});

	test.each([
		['the exact deadline second', '2026-11-02T23:59:59', false],
		['one second after the deadline', '2026-11-03T00:00:00', true],
	])('FUP-1: when it is %s, then overdue is %s', (_label, now, overdue) => {
		const items = computeFollowUpSchedule({ dispatched_at: shanghai('2026-11-02T10:15:00'), now: shanghai(now) });
		expect(find(items, 'dispatch_call')[0]!.overdue).toBe(overdue);
	});

	test.each([
		['the first call not yet made (counts from dispatch)', null, '2026-11-08T16:00:00.000Z', '2026-11-16T15:59:59.000Z'],
		['the first call made the next day', shanghai('2026-11-03T09:00:00'), '2026-11-09T16:00:00.000Z', '2026-11-17T15:59:59.000Z'],
	])('FUP-2: when %s, then the second follow-up is due between day 7 and day 14', (_label, first_call_at, from, at) => {
		const items = computeFollowUpSchedule({ dispatched_at: shanghai('2026-11-02T10:15:00'), first_call_at, now: shanghai('2026-11-02T10:15:00') });
		expect(iso(find(items, 'second_follow_up')[0])).toMatchObject({ from, at, key: 'second_follow_up' });
	});

	test('FUP-3: when the service is completed, then a satisfaction call is due within 3 days', () => {
		const items = computeFollowUpSchedule({ completed_at: shanghai('2026-11-05T16:00:00'), now: shanghai('2026-11-09T08:00:00') });
		expect(iso(find(items, 'satisfaction_call')[0])).toEqual({ from: '2026-11-05T08:00:00.000Z', at: '2026-11-08T15:59:59.000Z', key: 'satisfaction_call', overdue: true });
	});

	test('FUP-4: when an event is on 1 December, then the phone call is due on 17 November and the letter by 19 November', () => {
		const items = computeFollowUpSchedule({ event_on: '2026-12-01', now: shanghai('2026-11-01T08:00:00') });
		expect(iso(find(items, 'event_call')[0])).toEqual({ from: '2026-11-16T16:00:00.000Z', at: '2026-11-17T15:59:59.000Z', key: 'event_call:2026-12-01', overdue: false });
		expect(iso(find(items, 'event_letter')[0])).toMatchObject({ at: '2026-11-19T15:59:59.000Z', key: 'event_letter:2026-12-01' });
	});

	test('FUP-4: when the event call was actually made a day late, then the letter counts from the call', () => {
		const call = shanghai('2026-11-18T10:00:00');
		const items = computeFollowUpSchedule({ event_on: '2026-12-01', event_call_at: call, now: call });
		expect(iso(find(items, 'event_letter')[0])).toMatchObject({ from: call.toISOString(), at: '2026-11-20T15:59:59.000Z' });
	});

	test.each([
		['in January', '2026-01-15T09:00:00', ['key_account_visit:2026-spring', 'key_account_visit:2026-autumn']],
		['during the spring window', '2026-04-10T09:00:00', ['key_account_visit:2026-spring', 'key_account_visit:2026-autumn']],
		['in summer', '2026-07-01T09:00:00', ['key_account_visit:2026-autumn', 'key_account_visit:2027-spring']],
		['in December', '2026-12-20T09:00:00', ['key_account_visit:2027-spring', 'key_account_visit:2027-autumn']],
	])('FUP-5: when a key account is scheduled %s, then the next visits are %j', (_label, now, keys) => {
		const items = computeFollowUpSchedule({ key_account: true, now: shanghai(now) });
		expect(find(items, 'key_account_visit').map((item) => item.key)).toEqual(keys);
		expect(items.every((item) => !item.overdue)).toBe(true);
	});

	test('FUP-5: when the spring window runs March to May, then the visit is due by the end of 31 May', () => {
		const [spring] = find(computeFollowUpSchedule({ key_account: true, now: shanghai('2026-01-15T09:00:00') }), 'key_account_visit');
		expect(iso(spring)).toMatchObject({ from: '2026-02-28T16:00:00.000Z', at: '2026-05-31T15:59:59.000Z' });
	});

	test('FUP-5: when the customer is not a key account, then no visits are scheduled', () => {
		expect(computeFollowUpSchedule({ key_account: false, now: shanghai('2026-01-15T09:00:00') })).toEqual([]);
	});

	test('FUP-1: when everything applies, then the list is ordered by due time', () => {
		const items = computeFollowUpSchedule({
			dispatched_at: shanghai('2026-11-02T10:15:00'),
			completed_at: shanghai('2026-11-04T10:00:00'),
			event_on: '2026-12-01',
			key_account: true,
			now: shanghai('2026-11-02T10:15:00'),
		});
		expect(items.map((item) => item.kind)).toEqual(['dispatch_call', 'satisfaction_call', 'second_follow_up', 'event_call', 'event_letter', 'key_account_visit', 'key_account_visit']);
		expect(items.map((item) => item.rule)).toEqual(['FUP-1', 'FUP-3', 'FUP-2', 'FUP-4', 'FUP-4', 'FUP-5', 'FUP-5']);
	});

	test('FUP-2: when an admin configures other windows and time zone, then they are used', () => {
		const settings = FollowUpSettingsSchema.parse({ timezone: 'UTC', second_follow_up_from_days: 3, second_follow_up_to_days: 5, satisfaction_call_within_days: 0 });
		const items = computeFollowUpSchedule({ dispatched_at: new Date('2026-11-02T10:00:00Z'), completed_at: new Date('2026-11-02T12:00:00Z'), now: new Date('2026-11-02T12:00:00Z'), settings });
		expect(iso(find(items, 'second_follow_up')[0])).toMatchObject({ from: '2026-11-05T00:00:00.000Z', at: '2026-11-07T23:59:59.000Z' });
		expect(iso(find(items, 'satisfaction_call')[0])).toMatchObject({ at: '2026-11-02T23:59:59.000Z' });
	});

	test.each([
		[{ second_follow_up_from_days: 10, second_follow_up_to_days: 5 }],
		[{ key_account_visits: [{ season: 'winter', from: '12-01', to: '02-28' }] }],
		[{ key_account_visits: [{ season: 'x', from: '02-29', to: '03-31' }] }],
		[{ timezone: 'Asia/Beijing' }],
	])('FUP-5: when the settings are %j, then they are refused', (input) => {
		expect(FollowUpSettingsSchema.safeParse(input).success).toBe(false);
	});

	test('FUP-1: when nothing applies, then nothing is due', () => {
		expect(computeFollowUpSchedule({ now: shanghai('2026-11-02T10:15:00') })).toEqual([]);
	});
});
