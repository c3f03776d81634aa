import { shanghai } from '../calendar/test-fixtures';
import type { TimerRow } from './types';

/** A complaint's first-response timer: received Mon 10:00 Shanghai, due 11:00, warning at 10:48. */
export const timer = (overrides: Partial<TimerRow> = {}): TimerRow => ({
	milestone: 'first_response',
	started_at: shanghai('2026-09-21 10:00'),
	due_at: shanghai('2026-09-21 11:00'),
	warn_at: shanghai('2026-09-21 10:48'),
	paused_since: null,
	paused_minutes: 0,
	state: 'running',
	fulfilled_at: null,
	level: 1,
	warned_at: null,
	breached_at: null,
	...overrides,
});
