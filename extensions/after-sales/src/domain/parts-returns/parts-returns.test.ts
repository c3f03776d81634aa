import { describe, expect, test } from 'vitest';
import { computeDueReminders, computeNextReturnDeadline, computeReturnBatchKey, isReturnedOnTime, PartsReturnSettingsSchema, type ReturnBatch } from './index';

const settings = PartsReturnSettingsSchema.parse({});

describe('PartsReturnSettingsSchema', () => {
	test('WTY-6: when nothing is configured, then the deadlines are 30 June and 31 December with reminders 14 and 3 days before', () => {
		expect(settings).toEqual({ deadlines: ['06-30', '12-31'], reminder_days: [14, 3] });
	});

	test.each([[['13-01']], [['06-31']], [['6-30']], [[]], [['2026-06-30']]])('WTY-6: when deadlines are %j, then the settings are refused', (deadlines) => {
		expect(PartsReturnSettingsSchema.safeParse({ deadlines }).success).toBe(false);
	});
});

describe('computeNextReturnDeadline', () => {
	test.each([
		['2026-01-01', settings, '2026-06-30'],
		['2026-06-29', settings, '2026-06-30'],
		['2026-06-30', settings, '2026-06-30'],
		['2026-07-01', settings, '2026-12-31'],
		['2026-12-31', settings, '2026-12-31'],
		['2027-01-01', settings, '2027-06-30'],
		['2026-07-01', { ...settings, deadlines: ['12-31', '03-31', '09-30', '06-30'] }, '2026-09-30'],
		['2026-12-15', { ...settings, deadlines: ['06-30'] }, '2027-06-30'],
		['2026-02-01', { ...settings, deadlines: ['02-29'] }, '2026-02-28'],
		['2028-02-01', { ...settings, deadlines: ['02-29'] }, '2028-02-29'],
	])('WTY-6: when a part is replaced on %s, then it is due back by the deadline %s', (date, config, expected) => {
		expect(computeNextReturnDeadline(date, config)).toBe(expected);
	});
});

describe('computeReturnBatchKey', () => {
	test('WTY-6: when the same dealer and deadline are keyed twice, then the batch key is the same', () => {
		expect(computeReturnBatchKey('D1', '2026-06-30')).toBe('D1:2026-06-30');
		expect(computeReturnBatchKey(12, '2026-12-31')).toBe(computeReturnBatchKey(12, '2026-12-31'));
	});
});

describe('computeDueReminders', () => {
	const batch: ReturnBatch = { id: 'B1', dealer: 'D1', deadline: '2026-06-30' };
	test.each<[string, string, Partial<ReturnBatch>, number | null, number[]]>([
		['15 days before', '2026-06-15', {}, null, []],
		['14 days before', '2026-06-16', {}, 14, [14]],
		['10 days before, 14-day reminder not sent', '2026-06-20', {}, 14, [14]],
		['10 days before, 14-day reminder sent', '2026-06-20', { reminders_sent: [14] }, null, []],
		['3 days before, 14-day reminder sent', '2026-06-27', { reminders_sent: [14] }, 3, [3]],
		['3 days before, nothing sent (missed run)', '2026-06-27', {}, 3, [3, 14]],
		['the deadline day, 14 sent', '2026-06-30', { reminders_sent: [14] }, 3, [3]],
		['the deadline day, both sent', '2026-06-30', { reminders_sent: [14, 3] }, null, []],
		['a day after the deadline', '2026-07-01', {}, null, []],
		['parts already shipped', '2026-06-27', { shipped_on: '2026-06-20' }, null, []],
		['parts already received', '2026-06-27', { received_on: '2026-06-25' }, null, []],
	])('WTY-6: when it is %s (%s), then the reminder is %j', (_label, today, patch, daysBefore, marks) => {
		const reminders = computeDueReminders([{ ...batch, ...patch }], today, settings);
		if (daysBefore === null) {
			expect(reminders).toEqual([]);
		} else {
			expect(reminders).toEqual([
				{ batch: 'B1', dealer: 'D1', deadline: '2026-06-30', days_before: daysBefore, days_left: expect.any(Number), marks, idempotency_key: `parts_return:D1:2026-06-30:d${daysBefore}` },
			]);
		}
	});

	test('WTY-6: when several batches are open, then each gets its own reminder', () => {
		const reminders = computeDueReminders(
			[batch, { id: 'B2', dealer: 'D2', deadline: '2026-06-30', reminders_sent: [14] }, { id: 'B3', dealer: 'D3', deadline: '2026-12-31' }],
			'2026-06-16',
			settings,
		);
		expect(reminders.map((reminder) => [reminder.batch, reminder.days_before, reminder.days_left])).toEqual([['B1', 14, 14]]);
	});

	test('WTY-6: when an admin configured reminders 30, 7 and 1 days before, then they are used', () => {
		const custom = PartsReturnSettingsSchema.parse({ reminder_days: [1, 30, 7] });
		expect(computeDueReminders([batch], '2026-06-23', custom).map((reminder) => reminder.marks)).toEqual([[7, 30]]);
	});
});

describe('isReturnedOnTime', () => {
	test.each([
		[{ shipped_on: '2026-06-30' }, true],
		[{ shipped_on: '2026-06-29', received_on: '2026-07-05' }, true],
		[{ shipped_on: '2026-07-01' }, false],
		[{ received_on: '2026-06-28' }, true],
		[{ received_on: '2026-07-02' }, false],
		[{ shipped_on: null, received_on: null }, false],
		[{}, false],
	])('WTY-6: when the parts were %j for a 2026-06-30 deadline, then on time is %s', (returned, expected) => {
		expect(isReturnedOnTime(returned, '2026-06-30')).toBe(expected);
	});
});
