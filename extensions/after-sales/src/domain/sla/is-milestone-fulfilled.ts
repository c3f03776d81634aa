import type { SlaMilestone } from './schemas';
import type { TimerRecord } from './types';

/** ESC-1: a milestone is met by reaching one of its states or by its field being filled in (e.g. `first_response_at`). */
export function isMilestoneFulfilled(record: TimerRecord, milestone: SlaMilestone): boolean {
	if (milestone.fulfil_states.includes(record.status)) return true;
	if (milestone.fulfil_field === undefined) return false;

	const value = record.fields[milestone.fulfil_field];
	return value !== null && value !== undefined && value !== '';
}
