import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar';
import { shanghai } from '../calendar/test-fixtures';
import { DomainRuleError } from '../errors';
import { computeTimers } from './compute-timers';
import { DEFAULT_SLA_POLICIES } from './default-sla-policies';
import { parseSlaPolicy } from './parse-sla-policy';
import { selectPolicy } from './select-policy';
import { applyPolicySettings } from './apply-policy-settings';
import type { TimerRecord, TimerRow } from './types';

const complaintPolicy = selectPolicy({ collection: 'complaints' }, DEFAULT_SLA_POLICIES)!;
const requestPolicy = selectPolicy({ collection: 'service_requests' }, DEFAULT_SLA_POLICIES)!;
const dealerPolicy = selectPolicy({ collection: 'service_requests', is_dealer_task: true }, DEFAULT_SLA_POLICIES)!;

const complaint = (status: string, fields: TimerRecord['fields'] = {}, level?: 1 | 2 | 3): TimerRecord => ({
	status,
	fields: { received_at: '2026-09-21T02:00:00.000Z' /* Mon 10:00 Shanghai */, first_response_at: null, ...fields },
	...(level ? { level } : {}),
});

const byKey = (rows: TimerRow[]) => Object.fromEntries(rows.map((row) => [row.milestone, row]));

const run = (record: TimerRecord, now: string, existing: TimerRow[] = [], policy = complaintPolicy) =>
	byKey(computeTimers({ record, policy, existing, now: shanghai(now), calendar: DEFAULT_CALENDAR }));

describe('computeTimers: starting clocks', () => {
	test('ESC-1: when a complaint is registered, then each milestone runs from received_at', () => {
		const timers = run(complaint('received'), '2026-09-21 10:05');

		expect(Object.keys(timers)).toEqual(['first_response', 'reply', 'manager_informed']);
		expect(timers['first_response']).toMatchObject({
			started_at: shanghai('2026-09-21 10:00'),
			due_at: shanghai('2026-09-21 11:00'),
			warn_at: shanghai('2026-09-21 10:48'),
			state: 'running',
			level: 1,
			paused_minutes: 0,
			paused_since: null,
			fulfilled_at: null,
			warned_at: null,
			breached_at: null,
		});
		expect(timers['reply']?.due_at).toEqual(shanghai('2026-09-22 10:00'));
	});

	test('ESC-1: when the record was received before it was entered, then the clock runs from the real receipt', () => {
		const timers = run(complaint('received', { received_at: shanghai('2026-09-21 07:00').toISOString() }), '2026-09-21 10:00');
		expect(timers['first_response']?.due_at).toEqual(shanghai('2026-09-21 08:00'));
		expect(timers['first_response']?.state).toBe('running');
	});

	test('ESC-1: when a start field is still empty, then that milestone has no timer yet', () => {
		const request: TimerRecord = { status: 'received', fields: { received_at: '2026-09-21T02:00:00Z', dispatched_at: null } };
		expect(Object.keys(run(request, '2026-09-21 10:05', [], dealerPolicy))).toEqual(['answer', 'on_site']);

		const dispatched = { ...request, fields: { ...request.fields, dispatched_at: '2026-09-21T03:00:00Z' } };
		const timers = run(dispatched, '2026-09-21 11:05', [], dealerPolicy);
		expect(timers['dealer_scheduled']?.due_at).toEqual(shanghai('2026-09-21 13:00'));
		expect(timers['clerk_check']?.due_at).toEqual(shanghai('2026-09-21 15:00'));
	});

	test.each([
		[1, 1],
		[2, 2],
		[3, 3],
	] as const)('ESC-2: when the record is handled at level %i, then new timers start at level %i', (recordLevel, expected) => {
		expect(run(complaint('received', {}, recordLevel), '2026-09-21 10:05')['reply']?.level).toBe(expected);
	});

	test('ESC-1: when the start field is not a timestamp, then an ESC-1 error names it', () => {
		const attempt = () => run(complaint('received', { received_at: 'yesterday-ish' }), '2026-09-21 10:05');
		expect(attempt).toThrow(DomainRuleError);
		expect(attempt).toThrow(expect.objectContaining({ rule: 'ESC-1', field: 'received_at' }));
	});
});

describe('computeTimers: fulfilment', () => {
	test.each([
		['the status leaves "received"', complaint('contacting'), shanghai('2026-09-21 10:30')],
		['first_response_at is filled in with an earlier time', complaint('received', { first_response_at: '2026-09-21T02:20:00Z' }), shanghai('2026-09-21 10:20')],
		['first_response_at is after now', complaint('received', { first_response_at: '2026-09-21T05:00:00Z' }), shanghai('2026-09-21 10:30')],
		['first_response_at is before the receipt', complaint('received', { first_response_at: '2026-09-21T01:00:00Z' }), shanghai('2026-09-21 10:30')],
	])('ESC-1: when %s, then the first response is fulfilled at the right moment', (_label, record, fulfilledAt) => {
		const timers = run(record, '2026-09-21 10:30');
		expect(timers['first_response']).toMatchObject({ state: 'fulfilled', fulfilled_at: fulfilledAt });
		expect(timers['reply']?.state).toBe('running');
	});

	test('ESC-1: when a fulfilled timer is computed again, then it is returned unchanged', () => {
		const fulfilled = run(complaint('contacting'), '2026-09-21 10:30')['first_response']!;
		const again = run(complaint('received'), '2026-09-22 10:30', [fulfilled]);
		expect(again['first_response']).toBe(fulfilled);
	});

	test('ESC-2: when a breached milestone is met late, then it is fulfilled and the breach stays on record', () => {
		const breached: TimerRow = {
			...run(complaint('received'), '2026-09-21 10:05')['first_response']!,
			state: 'breached',
			warned_at: shanghai('2026-09-21 10:48'),
			breached_at: shanghai('2026-09-21 11:00'),
			level: 2,
		};
		const timers = run(complaint('contacting'), '2026-09-21 11:30', [breached]);

		expect(timers['first_response']).toMatchObject({
			state: 'fulfilled',
			fulfilled_at: shanghai('2026-09-21 11:30'),
			breached_at: shanghai('2026-09-21 11:00'),
			level: 2,
			due_at: shanghai('2026-09-21 11:00'),
		});
	});
});

describe('computeTimers: pauses', () => {
	// Monday 09:00 Shanghai; on-site is 3 working days (due Thursday 17:30: 1,890 business minutes),
	// paused while waiting for the customer or parts.
	const request = (status: string): TimerRecord => ({ status, fields: { received_at: '2026-09-21T01:00:00Z' } });
	const onSite = (status: string, now: string, existing: TimerRow[] = []) =>
		run(request(status), now, existing, requestPolicy)['on_site']!;

	test('ESC-1: when the record enters a pause state, then the timer pauses and leaves the sweep', () => {
		const running = onSite('received', '2026-09-21 09:05');
		expect(running.due_at).toEqual(shanghai('2026-09-24 17:30'));

		const paused = onSite('waiting_parts', '2026-09-21 10:00', [running]);
		expect(paused).toMatchObject({ state: 'paused', due_at: null, warn_at: null, paused_since: shanghai('2026-09-21 10:00') });
	});

	test('ESC-1: when the pause ends, then the paused business time pushes the deadline back', () => {
		const running = onSite('received', '2026-09-21 09:05');
		const paused = onSite('waiting_parts', '2026-09-21 10:00', [running]);
		const stillPaused = onSite('waiting_customer', '2026-09-21 15:00', [paused]);
		expect(stillPaused.paused_since).toEqual(shanghai('2026-09-21 10:00'));

		const resumed = onSite('scheduled', '2026-09-22 10:00', [stillPaused]);
		expect(resumed).toMatchObject({ state: 'running', paused_since: null, paused_minutes: 480 });
		expect(resumed.due_at).toEqual(shanghai('2026-09-25 17:30'));
		expect(resumed.warn_at).toEqual(shanghai('2026-09-25 10:12'));
	});

	test('ESC-1: when a timer pauses twice, then both pauses add up', () => {
		let timer = onSite('received', '2026-09-21 09:05');
		timer = onSite('waiting_parts', '2026-09-21 10:00', [timer]);
		timer = onSite('scheduled', '2026-09-21 11:00', [timer]);
		timer = onSite('waiting_customer', '2026-09-25 17:00', [timer]);
		timer = onSite('scheduled', '2026-09-28 09:00', [timer]);

		expect(timer.paused_minutes).toBe(120);
		expect(timer.due_at).toEqual(shanghai('2026-09-25 10:30'));
	});

	test('ESC-1: when a paused milestone is met, then the pause closes and the timer is final', () => {
		const paused = onSite('waiting_parts', '2026-09-21 10:00', [onSite('received', '2026-09-21 09:05')]);
		const done = onSite('on_site', '2026-09-21 11:00', [paused]);
		expect(done).toMatchObject({ state: 'fulfilled', paused_since: null, paused_minutes: 60, fulfilled_at: shanghai('2026-09-21 11:00') });
	});

	test('ESC-1: when a warned timer is paused and resumed, then the warning is not forgotten', () => {
		const warned = { ...onSite('received', '2026-09-21 09:05'), state: 'warned' as const, warned_at: shanghai('2026-09-23 16:00') };
		const paused = onSite('waiting_parts', '2026-09-23 16:10', [warned]);
		expect(paused).toMatchObject({ state: 'paused', warned_at: shanghai('2026-09-23 16:00') });
		expect(onSite('scheduled', '2026-09-23 16:40', [paused])).toMatchObject({ state: 'warned', paused_minutes: 30 });
	});
});

describe('computeTimers: policy edits and history', () => {
	const longer = parseSlaPolicy({
		...complaintPolicy,
		milestones: complaintPolicy.milestones.map((milestone) =>
			milestone.key === 'first_response' ? { ...milestone, duration_minutes: 120 } : milestone,
		),
	});

	test('ESC-1: when the policy duration changes, then running and breached timers get the new deadline', () => {
		const original = run(complaint('received'), '2026-09-21 10:05');
		const breached = { ...original['first_response']!, state: 'breached' as const, breached_at: shanghai('2026-09-21 11:00') };
		const timers = run(complaint('received'), '2026-09-21 11:10', [breached], longer);

		expect(timers['first_response']).toMatchObject({ due_at: shanghai('2026-09-21 12:00'), state: 'breached' });
	});

	test('ESC-1: when a milestone was dropped from the policy, then its row is kept untouched', () => {
		const orphan = { ...run(complaint('received'), '2026-09-21 10:05')['reply']!, milestone: 'old_milestone' };
		const rows = computeTimers({
			record: complaint('received'),
			policy: complaintPolicy,
			existing: [orphan],
			now: shanghai('2026-09-21 10:10'),
			calendar: DEFAULT_CALENDAR,
		});

		expect(rows.map((row) => row.milestone)).toEqual(['first_response', 'reply', 'manager_informed', 'old_milestone']);
		expect(rows[3]).toBe(orphan);
	});

	test('ESC-2: when the record was raised to a higher level, then existing timers follow it', () => {
		const original = run(complaint('received'), '2026-09-21 10:05');
		expect(run(complaint('received', {}, 2), '2026-09-21 11:05', [original['reply']!])['reply']?.level).toBe(2);
	});
});

describe('computeTimers: a share of the record’s own window (REQ-6)', () => {
	const repairPolicy = applyPolicySettings([selectPolicy({ collection: 'repair_records', coverage: 'paid' }, DEFAULT_SLA_POLICIES)!], { progress_check_percent: 75, warning_percent: 80 })[0]!;
	const repair = (fields: TimerRecord['fields'], status = 'in_progress'): TimerRecord => ({ status, fields: { completed_at: null, ...fields } });

	test('REQ-6: the progress check falls at 75 % of drop-off → promised completion, the promise itself at 100 %', () => {
		// Dropped off Mon 08:00, promised Tue 08:00 (24 h): the check at Mon 02:00 + 18 h = Tue 02:00.
		const timers = run(repair({ dropped_off_at: shanghai('2026-09-21 08:00').toISOString(), promised_at: shanghai('2026-09-22 08:00').toISOString() }), '2026-09-21 09:00', [], repairPolicy);
		expect(timers['progress_check']).toMatchObject({ due_at: shanghai('2026-09-22 02:00'), warn_at: null, state: 'running' });
		expect(timers['promised_completion']).toMatchObject({ due_at: shanghai('2026-09-22 08:00'), state: 'running' });
	});

	test('REQ-6: the setting moves the check; without a promised time there is no check yet', () => {
		const eighty = applyPolicySettings([repairPolicy], { progress_check_percent: 80, warning_percent: 80 })[0]!;
		expect(eighty.milestones.find((m) => m.key === 'progress_check')!.window_percent).toBe(75);
		const fresh = applyPolicySettings([selectPolicy({ collection: 'repair_records', coverage: 'paid' }, DEFAULT_SLA_POLICIES)!], { progress_check_percent: 80, warning_percent: 80 })[0]!;
		const timers = run(repair({ dropped_off_at: shanghai('2026-09-21 08:00').toISOString(), promised_at: shanghai('2026-09-21 18:00').toISOString() }), '2026-09-21 09:00', [], fresh);
		expect(timers['progress_check']!.due_at).toEqual(shanghai('2026-09-21 16:00'));
		expect(run(repair({ dropped_off_at: shanghai('2026-09-21 08:00').toISOString(), promised_at: null }), '2026-09-21 09:00', [], fresh)['progress_check']).toBeUndefined();
	});

	test('REQ-6: a policy milestone needs either a fixed duration or a window end, and a share only with a window end', () => {
		const base = { key: 'x', label: 'x', clock: '24x7', fulfil_states: ['completed'], escalate_to_level: 1 } as const;
		expect(() => parseSlaPolicy({ name: 'p', collection: 'repair_records', milestones: [{ ...base }] })).toThrow(DomainRuleError);
		expect(() => parseSlaPolicy({ name: 'p', collection: 'repair_records', milestones: [{ ...base, duration_minutes: 60, end_field: 'promised_at' }] })).toThrow(/exactly one of duration_minutes, duration_working_days or end_field/);
		expect(() => parseSlaPolicy({ name: 'p', collection: 'repair_records', milestones: [{ ...base, duration_minutes: 60, window_percent: 50 }] })).toThrow(/window_percent needs end_field/);
		expect(parseSlaPolicy({ name: 'p', collection: 'repair_records', milestones: [{ ...base, end_field: 'promised_at', window_percent: 50 }] }).milestones[0]!.window_percent).toBe(50);
		expect(() => parseSlaPolicy({ name: 'p', collection: 'repair_records', milestones: [{ ...base, duration_minutes: 60, duration_working_days: 2 }] })).toThrow(/exactly one of/);
		expect(() => parseSlaPolicy({ name: 'p', collection: 'repair_records', milestones: [{ ...base, duration_working_days: 2.5 }] })).toThrow(DomainRuleError);
	});
});

describe('computeTimers: limits in working days (WTY-11)', () => {
	const warrantyPolicy = selectPolicy({ collection: 'repair_records', coverage: 'warranty' }, DEFAULT_SLA_POLICIES)!;
	// Dropped off Monday 21 Sep 2026 10:00 Shanghai; the 30th working day after it is Monday 2 Nov (no holidays in this calendar).
	const repair: TimerRecord = { status: 'in_progress', fields: { received_at: shanghai('2026-09-21 10:00').toISOString(), completed_at: null } };
	const finish = (calendar: typeof DEFAULT_CALENDAR) =>
		byKey(computeTimers({ record: repair, policy: warrantyPolicy, existing: [], now: shanghai('2026-09-21 10:05'), calendar }))['repair_finished']!;

	test('WTY-11: the 30-working-day limit ends when work stops on the 30th working day after drop-off', () => {
		expect(finish(DEFAULT_CALENDAR).due_at).toEqual(shanghai('2026-11-02 17:30'));
	});

	test('WTY-11: when the working hours change, the limit stays on its day (no 8-hour blocks that drift)', () => {
		const long = { ...DEFAULT_CALENDAR, working_hours: { ...DEFAULT_CALENDAR.working_hours, mon: [{ start: '08:00', end: '18:00' }], tue: [{ start: '08:00', end: '18:00' }], wed: [{ start: '08:00', end: '18:00' }], thu: [{ start: '08:00', end: '18:00' }], fri: [{ start: '08:00', end: '18:00' }] } };
		expect(finish(long).due_at).toEqual(shanghai('2026-11-02 18:00'));
	});

	test('WTY-11: public holidays and 调休 days of the calendar move the limit', () => {
		const national = { ...DEFAULT_CALENDAR, holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], adjusted_working_days: ['2026-10-10'] };
		// Five weekdays off, one Saturday worked: four working days later.
		expect(finish(national).due_at).toEqual(shanghai('2026-11-06 17:30'));
	});
});
