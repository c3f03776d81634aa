import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { computeComplaintKind, type ComplaintForRepeats } from './compute-complaint-kind';

export interface RepeatSettings {
	/** `complaint_repeat_window_days` (90). */
	window_days: number;
	/** `complaint_repeat_threshold` (3). */
	threshold: number;
}

export interface RepeatDecision {
	kind: string;
	/** Complaints of this kind received in the window up to this one, itself included. */
	count: number;
	repeated: boolean;
}

/**
 * CMP-7: a complaint is repeated when, with the others of its kind (same category and product, or
 * for attitude the same staff member, CMP-6) received in the `window_days` before it, there are
 * `threshold` or more; one whose product (staff member) is not known is never a repeat. A repeated complaint is analysed and closed only with a preventive action.
 */
export function decideRepeatedComplaint(complaint: ComplaintForRepeats, others: readonly ComplaintForRepeats[], settings: RepeatSettings): RepeatDecision {
	const kind = computeComplaintKind(complaint);
	// Without the product (or, for attitude, the staff member) nobody can tell it is the same kind.
	const about = complaint.category === 'attitude' ? complaint.subject_staff : complaint.product;
	if (about === null || about === undefined || about === '') return { kind, count: 1, repeated: false };
	const at = new Date(complaint.received_at).getTime();
	const from = at - settings.window_days * 86_400_000;
	const count = 1 + others.filter((o) => String(o.id) !== String(complaint.id) && computeComplaintKind(o) === kind && (() => {
		const t = new Date(o.received_at).getTime();
		return Number.isFinite(t) && t >= from && t <= at;
	})()).length;
	return { kind, count, repeated: count >= settings.threshold };
}

/** CMP-7: a repeated complaint is not closed before its preventive action is recorded. */
export function assertPreventiveAction(complaint: { to: string; repeated: boolean; preventive_action: unknown }): void {
	if (complaint.to !== 'closed' || !complaint.repeated) return;
	if (typeof complaint.preventive_action === 'string' && complaint.preventive_action.trim()) return;
	throw new DomainRuleError('CMP-7', 'preventive_action', msg('complaint.needs_preventive_action'), { collection: 'complaints' });
}
