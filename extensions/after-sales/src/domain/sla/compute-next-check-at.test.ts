import { describe, expect, test } from 'vitest';
import { shanghai } from '../calendar/test-fixtures';
import { computeNextCheckAt } from './compute-next-check-at';
import { computeNotifyRoles } from './compute-notify-roles';
import { timer } from './test-fixtures';
import type { TimerRow } from './types';


describe('computeNextCheckAt', () => {
	test.each([
		['a running timer', timer(), shanghai('2026-09-21 10:48')],
		['a warned timer', timer({ state: 'warned', warned_at: shanghai('2026-09-21 10:48') }), shanghai('2026-09-21 11:00')],
		['a breached timer', timer({ state: 'breached', warned_at: shanghai('2026-09-21 10:48'), breached_at: shanghai('2026-09-21 11:00') }), null],
		['a paused timer', timer({ state: 'paused', due_at: null, warn_at: null, paused_since: shanghai('2026-09-21 10:10') }), null],
		['a fulfilled timer', timer({ state: 'fulfilled', fulfilled_at: shanghai('2026-09-21 10:30') }), null],
		['a timer without a warning point', timer({ warn_at: null }), shanghai('2026-09-21 11:00')],
	])('ESC-3: when the sweep looks at %s, then it comes back at the right instant', (_label, row, expected) => {
		expect(computeNextCheckAt(row)).toEqual(expected);
	});
});

describe('computeNotifyRoles', () => {
	const milestone = { notify_roles: ['service_agent'] };
	test.each([
		['a warning', { kind: 'warning', milestone: 'm', level: 1 } as const, ['service_agent']],
		['a breach to L2', { kind: 'breach', milestone: 'm', level: 2 } as const, ['service_agent', 'service_manager']],
		['a breach to L3', { kind: 'breach', milestone: 'm', level: 3 } as const, ['service_agent', 'leadership']],
	])('ESC-2: when %s is logged, then the level’s role is notified', (_label, action, expected) => {
		expect(computeNotifyRoles(action, milestone)).toEqual(expected);
	});
});
