import type { ComplaintForRepeats } from './compute-complaint-kind';
import { computeRepeatedComplaintGroups } from './compute-repeated-complaint-groups';

/** CMP-7: whether this complaint, counted with the others of its kind in the window, reaches the threshold. */
export function isRepeatedComplaint(
	complaint: ComplaintForRepeats,
	others: readonly ComplaintForRepeats[],
	now: Date,
	windowDays = 90,
	threshold = 3,
): boolean {
	return computeRepeatedComplaintGroups([complaint, ...others], now, windowDays, threshold).some((group) =>
		group.complaint_ids.some((id) => String(id) === String(complaint.id)),
	);
}
