import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar';
import { computeTimers } from './compute-timers';
import { computeNextCheckAt } from './compute-next-check-at';
import { decideSweep } from './decide-sweep';
import { DEFAULT_SLA_POLICIES } from './default-sla-policies';
import type { DueRecord, StoredPolicy, StoredTimer } from './sweep-types';
import type { TimerRecord } from './types';

const policies: StoredPolicy[] = DEFAULT_SLA_POLICIES.map((p, i) => ({ ...p, id: i + 1 }));
const now = new Date('2026-09-21T06:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

const complaint = (overrides: Partial<TimerRecord> = {}): TimerRecord => ({ status: 'received', fields: { received_at: hoursAgo(3) }, level: 1, ...overrides });

/** The timers a correct after-commit sync would have stored when the record was created. */
function stored(record: TimerRecord, item: string, at = new Date(hoursAgo(3))): StoredTimer[] {
	const policy = policies.find((p) => p.collection === 'complaints' && Object.keys(p.condition).length === 0)!;
	return computeTimers({ record, policy, existing: [], now: at, calendar: DEFAULT_CALENDAR }).map((row, i) => ({
		...row, id: 100 + i, collection: 'complaints', item, policy: policy.id, next_check_at: computeNextCheckAt(row),
	}));
}

const due = (item: string, record: TimerRecord | null, timers: StoredTimer[]): DueRecord => ({
	collection: 'complaints', item, record, facts: record ? { collection: 'complaints', severity: 'normal', category: 'quality' } : null, hasLevel: true, timers,
});

describe('decideSweep', () => {
	test('ESC-2, ESC-3: when a complaint received 3 h ago is swept, then its first response is warned and breached to L2, the record is raised and its other clocks run at L2', () => {
		const record = complaint();
		const plan = decideSweep([due('7', record, stored(record, '7'))], policies, DEFAULT_CALENDAR, now);
		expect(plan.escalations.map((e) => e.key)).toEqual(['complaints:7:first_response:L1:warning', 'complaints:7:first_response:L2:breach']);
		expect(plan.levels).toEqual([{ collection: 'complaints', item: '7', level: 2, hasLevel: true, reassign_to_role: null }]);
		const byMilestone = Object.fromEntries(plan.timers.map((t) => [t.milestone, t]));
		expect(byMilestone['first_response']).toMatchObject({ state: 'breached', level: 2, next_check_at: null });
		expect(plan.timers.every((t) => t.level === 2)).toBe(true);
		expect(plan.escalations[1]!.notify_roles).toContain('service_manager');
		expect(plan.failures).toEqual([]);
	});

	test('ESC-2: when a breach raises the record, then its other stored clocks are planned as level-only changes and the breached one in full', () => {
		const record = complaint();
		const plan = decideSweep([due('14', record, stored(record, '14'))], policies, DEFAULT_CALENDAR, now);
		const byMilestone = Object.fromEntries(plan.timers.map((t) => [t.milestone, t]));
		expect(byMilestone['first_response']!.level_only).toBeUndefined();
		expect(plan.timers.filter((t) => t.milestone !== 'first_response').map((t) => [t.milestone, t.level, t.level_only]).sort()).toEqual([['manager_informed', 2, true], ['reply', 2, true]]);
		// A timer the sweep creates (none stored) is never level-only: it is inserted whole.
		expect(decideSweep([due('15', record, [])], policies, DEFAULT_CALENDAR, now).timers.some((t) => t.level_only)).toBe(false);
	});

	test('ESC-1: when the stored timer is due but the record was in fact answered (a sync was missed), then nothing is escalated and the timer is fulfilled', () => {
		const timers = stored(complaint(), '8');
		const plan = decideSweep([due('8', complaint({ status: 'contacting' }), timers)], policies, DEFAULT_CALENDAR, now);
		expect(plan.escalations).toEqual([]);
		expect(plan.timers.find((t) => t.milestone === 'first_response')).toMatchObject({ state: 'fulfilled', next_check_at: null });
	});

	test('ESC-1: when a record committed without timers (a crash before its sync) is reconciled, then it gets them and what is due escalates', () => {
		const plan = decideSweep([due('9', complaint(), [])], policies, DEFAULT_CALENDAR, now);
		expect(plan.timers.map((t) => t.milestone).sort()).toEqual(['first_response', 'manager_informed', 'reply']);
		expect(plan.timers.every((t) => t.id === null)).toBe(true);
		expect(plan.escalations.map((e) => e.kind)).toEqual(['warning', 'breach']);
	});

	test('ESC-1: when the record was deleted, then its open timers are retired and nothing is escalated', () => {
		const timers = stored(complaint(), '10');
		const plan = decideSweep([due('10', null, timers)], policies, DEFAULT_CALENDAR, now);
		expect(plan.retire.sort()).toEqual(timers.filter((t) => t.next_check_at).map((t) => t.id).sort());
		expect(plan.escalations).toEqual([]);
		expect(plan.timers).toEqual([]);
	});

	test('ESC-4: when the sweep runs again on what it wrote, then nothing more is planned', () => {
		const record = complaint();
		const first = decideSweep([due('11', record, stored(record, '11'))], policies, DEFAULT_CALENDAR, now);
		const again = decideSweep([due('11', { ...record, level: 2 }, first.timers)], policies, DEFAULT_CALENDAR, now);
		expect(again.escalations).toEqual([]);
		expect(again.timers).toEqual([]);
		expect(again.levels).toEqual([]);
	});

	test('ESC-1: when one record of a batch has an unreadable start, then it alone is reported with the rule and the others are planned', () => {
		const good = complaint();
		const broken = complaint({ fields: { received_at: 'not a date' } });
		const plan = decideSweep([due('12', broken, []), due('13', good, stored(good, '13'))], policies, DEFAULT_CALENDAR, now);
		expect(plan.failures).toEqual([expect.objectContaining({ item: '12', rule: 'ESC-1' })]);
		expect(plan.escalations.every((e) => e.item === '13')).toBe(true);
		expect(plan.escalations).toHaveLength(2);
	});
});
