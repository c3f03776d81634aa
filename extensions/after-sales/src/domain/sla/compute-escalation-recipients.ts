import { NOTICE_HANDLER_FIELDS } from './handler-fields';
import type { SlaCollection } from './schemas';

type Row = Record<string, unknown>;

/** Active users the sweep looked up once per batch. */
export interface UserDirectory {
	/** Active members of each role key, sorted by id. */
	roleMembers: ReadonlyMap<string, readonly string[]>;
	/** Active dealer-role users of each dealer (by dealer id as text). */
	dealerUsers: ReadonlyMap<string, readonly string[]>;
	/** Every active user among the handlers and role members above. */
	active: ReadonlySet<string>;
}

const isSet = (value: unknown) => value !== null && value !== undefined && value !== '';

/**
 * ESC-2, CMP-1, CMP-6: who hears about an escalation: the record's own handler (or its recorder
 * while nobody has taken it), and the active users of the roles named. Technicians are L1 handlers
 * of their own records, never a broadcast audience; dealer users hear only about their own
 * dealer's records; the staff member a complaint is about is never told.
 */
export function computeEscalationRecipients(collection: SlaCollection, record: Row, roles: readonly string[], directory: UserDirectory): string[] {
	const people = new Set<string>();
	const handler = NOTICE_HANDLER_FIELDS[collection].map((f) => record[f]).find(isSet);
	if (handler !== undefined) people.add(String(handler));
	for (const role of roles) {
		if (role === 'technician') continue;
		if (role === 'dealer') {
			if (!isSet(record['dealer'])) continue;
			for (const id of directory.dealerUsers.get(String(record['dealer'])) ?? []) people.add(id);
			continue;
		}
		for (const id of directory.roleMembers.get(role) ?? []) people.add(id);
	}
	if (isSet(record['subject_staff'])) people.delete(String(record['subject_staff']));
	return [...people].filter((id) => directory.active.has(id));
}

/** ESC-2, CMP-6: the user a breached record is handed to: the first active user of the role, never the subject of the complaint. */
export function computeReassignee(role: string, record: Row, directory: UserDirectory): string | null {
	const subject = isSet(record['subject_staff']) ? String(record['subject_staff']) : null;
	return (directory.roleMembers.get(role) ?? []).find((id) => id !== subject) ?? null;
}
