import type { FollowUpRecordKind } from './schemas';

/**
 * FUP-1..3, INT-3: the key that makes a rule's follow-up exactly-once. A repair that belongs to a
 * request shares the request's satisfaction call, so a resolved request and its completed repair
 * ask the customer once, not twice.
 */
export function computeFollowUpKey(subject: { collection: 'service_requests' | 'repair_records'; id: number; service_request?: number | null }, kind: FollowUpRecordKind): string {
	if (subject.collection === 'repair_records' && kind === 'satisfaction_call' && subject.service_request) return `service_requests:${subject.service_request}:${kind}`;
	return `${subject.collection}:${subject.id}:${kind}`;
}

/** FUP-6: the key of the task a low survey score opens (one per answered follow-up). */
export const computeLowScoreTaskKey = (followUpId: number) => `follow_ups:${followUpId}:low_score`;

/** FUP-6, NTF-3: one notice per (answered follow-up, person). */
export const computeLowScoreNoticeKey = (followUpId: number, user: string) => `follow_ups:${followUpId}:low_score:${user}`;
