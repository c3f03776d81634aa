import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar';
import { shanghai } from '../calendar/test-fixtures';
import { computeBreachLevel } from './compute-breach-level';
import { computeDeliveryTime } from './compute-delivery-time';
import { computeEscalationKey } from './compute-escalation-key';
import { computeSweepActions } from './compute-sweep-actions';
import { computeTimerAfterSweep } from './compute-timer-after-sweep';
import { computeTimers } from './compute-timers';
import { DEFAULT_SLA_POLICIES } from './default-sla-policies';
import { selectPolicy } from './select-policy';
import { timer } from './test-fixtures';
import type { SweepAction, TimerRow } from './types';

const complaintPolicy = selectPolicy({ collection: 'complaints' }, DEFAULT_SLA_POLICIES)!;
const firstResponse = complaintPolicy.milestones.find((milestone) => milestone.key === 'first_response')!;


describe('computeSweepActions', () => {
	test.each([
		['before the warning point', timer(), '2026-09-21 10:47', []],
		['exactly at the warning point', timer(), '2026-09-21 10:48', [{ kind: 'warning', milestone: 'first_response', level: 1 }]],
		['after a warning already went out', timer({ state: 'warned', warned_at: shanghai('2026-09-21 10:48') }), '2026-09-21 10:59', []],
		[
			'exactly at the deadline',
			timer({ state: 'warned', warned_at: shanghai('2026-09-21 10:48') }),
			'2026-09-21 11:00',
			[{ kind: 'breach', milestone: 'first_response', level: 2 }],
		],
		[
			'long after a deadline nobody swept',
			timer(),
			'2026-09-21 13:00',
			[
				{ kind: 'warning', milestone: 'first_response', level: 1 },
				{ kind: 'breach', milestone: 'first_response', level: 2 },
			],
		],
		['after the breach was logged', timer({ state: 'breached', breached_at: shanghai('2026-09-21 11:00'), level: 2 }), '2026-09-21 12:00', []],
		['while paused', timer({ state: 'paused', due_at: null, warn_at: null, paused_since: shanghai('2026-09-21 10:10') }), '2026-09-21 13:00', []],
		['once fulfilled', timer({ state: 'fulfilled', fulfilled_at: shanghai('2026-09-21 10:30') }), '2026-09-21 13:00', []],
		[
			'at a record already handled by leadership',
			timer({ level: 3, state: 'warned', warned_at: shanghai('2026-09-21 10:48') }),
			'2026-09-21 11:00',
			[{ kind: 'breach', milestone: 'first_response', level: 3 }],
		],
	] as const)('ESC-3: when the sweep runs %s, then the actions are right', (_label, row, now, expected) => {
		expect(computeSweepActions(row, firstResponse, shanghai(now))).toEqual(expected);
	});
});

describe('computeBreachLevel', () => {
	test.each([
		[1, 1, 2],
		[1, 2, 2],
		[2, 2, 3],
		[2, 1, 3],
		[3, 1, 3],
		[3, 3, 3],
		[1, 3, 3],
	] as const)('ESC-2: when a level-%i record breaches a milestone escalating to L%i, then it goes to L%i', (current, escalateTo, expected) => {
		expect(computeBreachLevel(current, escalateTo)).toBe(expected);
	});
});

describe('computeTimerAfterSweep', () => {
	test('ESC-3: when a warning is logged, then the timer is marked warned', () => {
		const now = shanghai('2026-09-21 10:50');
		const actions: SweepAction[] = [{ kind: 'warning', milestone: 'first_response', level: 1 }];
		expect(computeTimerAfterSweep(timer(), actions, now)).toMatchObject({ state: 'warned', warned_at: now, level: 1 });
	});

	test('ESC-2: when a breach is logged, then the timer is breached and raised to the new level', () => {
		const now = shanghai('2026-09-21 13:00');
		const actions = computeSweepActions(timer(), firstResponse, now);
		expect(computeTimerAfterSweep(timer(), actions, now)).toMatchObject({ state: 'breached', warned_at: now, breached_at: now, level: 2 });
	});

	test('ESC-2: when actions belong to another milestone, then the timer is unchanged', () => {
		const actions: SweepAction[] = [{ kind: 'breach', milestone: 'reply', level: 2 }];
		expect(computeTimerAfterSweep(timer(), actions, shanghai('2026-09-21 13:00'))).toEqual(timer());
	});
});

describe('a dealer task swept again and again (DLR-2, ESC-4)', () => {
	test('DLR-2: when a dispatched task is never scheduled, then L1 is warned, the schedule breach raises L2 and the clerk check reaches L3, each once', () => {
		const dealerPolicy = selectPolicy({ collection: 'service_requests', is_dealer_task: true }, DEFAULT_SLA_POLICIES)!;
		const record = {
			status: 'received',
			fields: { received_at: '2026-09-21T01:00:00Z', dispatched_at: '2026-09-21T01:00:00Z', first_response_at: '2026-09-21T01:10:00Z' },
		};
		let rows = computeTimers({ record, policy: dealerPolicy, existing: [], now: shanghai('2026-09-21 09:15'), calendar: DEFAULT_CALENDAR });
		const log = new Set<string>();
		const logged: string[] = [];

		for (let minute = 0; minute <= 6 * 60; minute += 5) {
			const now = new Date(shanghai('2026-09-21 09:15').getTime() + minute * 60_000);

			rows = rows.map((row) => {
				const milestone = dealerPolicy.milestones.find((candidate) => candidate.key === row.milestone)!;
				// Two instances sweep at once: both compute the same actions and keys.
				const actions = [...computeSweepActions(row, milestone, now), ...computeSweepActions(row, milestone, now)];
				const fresh = actions.filter((action) => {
					const key = computeEscalationKey('service_requests', 42, action.milestone, action.level, action.kind);
					if (log.has(key)) return false;
					log.add(key);
					logged.push(key);
					return true;
				});
				return computeTimerAfterSweep(row, fresh, now);
			});
		}

		expect(logged).toEqual([
			'service_requests:42:dealer_scheduled:L1:warning',
			'service_requests:42:dealer_scheduled:L2:breach',
			'service_requests:42:clerk_check:L1:warning',
			'service_requests:42:clerk_check:L3:breach',
		]);
	});
});

describe('computeEscalationKey', () => {
	test.each([
		['complaints', 7, 'reply', 2, 'breach', 'complaints:7:reply:L2:breach'],
		['complaints', '7', 'reply', 2, 'breach', 'complaints:7:reply:L2:breach'],
		['service_requests', 'a1b2:c3', 'answer', 1, 'warning', 'service_requests:a1b2%3Ac3:answer:L1:warning'],
	] as const)('ESC-4: when %s %s %s L%i %s is keyed, then the key is stable', (collection, id, milestone, level, kind, expected) => {
		expect(computeEscalationKey(collection, id, milestone, level, kind)).toBe(expected);
	});
});

describe('computeDeliveryTime', () => {
	test.each([
		['a 24×7 notice at night', '24x7', '2026-09-25 22:00', '2026-09-25 22:00'],
		['a business notice in working time', 'business', '2026-09-25 10:00', '2026-09-25 10:00'],
		['a business notice on Friday night', 'business', '2026-09-25 22:00', '2026-09-28 08:30'],
		['a business notice at lunch', 'business', '2026-09-25 12:10', '2026-09-25 13:00'],
	] as const)('ESC-2: when sending %s, then it is delivered at the right time', (_label, clock, now, expected) => {
		expect(computeDeliveryTime(shanghai(now), DEFAULT_CALENDAR, clock)).toEqual(shanghai(expected));
	});
});
