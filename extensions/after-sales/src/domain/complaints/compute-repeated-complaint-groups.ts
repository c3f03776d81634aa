import { DomainRuleError } from '../errors';
import { computeComplaintKind, type ComplaintForRepeats } from './compute-complaint-kind';

export interface RepeatedComplaintGroup {
	kind: string;
	category: string;
	product: string | number | null;
	subject_staff: string | number | null;
	complaint_ids: Array<string | number>;
	count: number;
	first_received_at: Date;
	last_received_at: Date;
}

const DAY_MS = 86_400_000;

/**
 * CMP-7: kinds of complaint received at least `threshold` times in the `windowDays` calendar days
 * up to `now`; each group calls for an analysis and a preventive action. Most frequent first.
 */
export function computeRepeatedComplaintGroups(
	complaints: readonly ComplaintForRepeats[],
	now: Date,
	windowDays = 90,
	threshold = 3,
): RepeatedComplaintGroup[] {
	if (!Number.isFinite(windowDays) || windowDays <= 0) {
		throw new DomainRuleError('CMP-7', 'window_days', `CMP-7: the window must be a positive number of days, got ${windowDays}`);
	}

	if (!Number.isInteger(threshold) || threshold < 1) {
		throw new DomainRuleError('CMP-7', 'threshold', `CMP-7: the threshold must be a positive whole number, got ${threshold}`);
	}

	const windowStart = now.getTime() - windowDays * DAY_MS;
	const groups = new Map<string, RepeatedComplaintGroup>();
	const seen = new Set<string>();

	for (const complaint of complaints) {
		const receivedAt = new Date(complaint.received_at);

		if (Number.isNaN(receivedAt.getTime())) {
			throw new DomainRuleError('CMP-7', 'received_at', `CMP-7: complaint ${complaint.id} has no valid received_at`);
		}

		const id = String(complaint.id);
		if (seen.has(id) || receivedAt.getTime() <= windowStart || receivedAt > now) continue;
		seen.add(id);

		const kind = computeComplaintKind(complaint);
		const group = groups.get(kind);

		if (group) {
			group.complaint_ids.push(complaint.id);
			group.count += 1;
			if (receivedAt < group.first_received_at) group.first_received_at = receivedAt;
			if (receivedAt > group.last_received_at) group.last_received_at = receivedAt;
		} else {
			groups.set(kind, {
				kind,
				category: complaint.category,
				product: complaint.category === 'attitude' ? null : (complaint.product ?? null),
				subject_staff: complaint.category === 'attitude' ? (complaint.subject_staff ?? null) : null,
				complaint_ids: [complaint.id],
				count: 1,
				first_received_at: receivedAt,
				last_received_at: receivedAt,
			});
		}
	}

	return [...groups.values()]
		.filter((group) => group.count >= threshold)
		.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
