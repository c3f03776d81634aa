import type { FollowUpRecordKind, FollowUpStatus } from './schemas';

/** A stored follow-up, as the logging and survey rules see it. */
export interface FollowUpFacts {
	id: number;
	kind: FollowUpRecordKind;
	status: FollowUpStatus;
	customer: number;
	service_request: number | null;
	repair_record: number | null;
	notes: string | null;
	/** The technician who did the work: the request's assignee, else the repair's technician. */
	technician: string | null;
	/** FUP-4: the event an event call or letter is about. */
	event_name?: string | null;
	event_on?: string | null;
}

/** Follow-ups still waiting for their call (a missed one can still be made late). */
export const OPEN_FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['planned', 'missed'];
