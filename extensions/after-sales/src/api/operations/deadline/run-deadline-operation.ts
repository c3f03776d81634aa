// CAL-1, CAL-2: start + duration in the business calendar of service_settings (or 24×7).
import { addBusinessTime, addWorkingDays, formatLocalInstant, measureBusinessTime } from '../../../domain/calendar';
import type { PackContext } from '../../lib/context';
import { parseOrThrow } from '../../lib/errors';
import { loadSettings } from '../../services/settings';
import { dropBlank } from '../lib/flow-input';
import { DeadlineOperationOptionsSchema, DURATION_UNITS } from './deadline-options';

export async function runDeadlineOperation(ctx: PackContext, rawOptions: unknown, now: Date) {
	const options = parseOrThrow(DeadlineOperationOptionsSchema, dropBlank(rawOptions), 'CAL-1');
	const { calendar } = await loadSettings(ctx.database);
	const start = options.start ? new Date(options.start) : now;
	// WTY-11: working days are counted in the calendar (start day not counted, due at the end of the last one).
	const due = options.unit === 'working_days' ? addWorkingDays(start, options.duration, calendar) : addBusinessTime(start, options.duration * DURATION_UNITS[options.unit], calendar, options.clock);
	const minutes = options.unit === 'working_days' ? measureBusinessTime(start, due, calendar, options.clock) : options.duration * DURATION_UNITS[options.unit];
	return {
		start: start.toISOString(),
		due_at: due.toISOString(),
		/** The deadline on the business calendar's wall clock (CAL-3), e.g. "2026-11-30 09:00". */
		due_local: formatLocalInstant(due, calendar.timezone),
		timezone: calendar.timezone,
		clock: options.clock,
		minutes,
	};
}
