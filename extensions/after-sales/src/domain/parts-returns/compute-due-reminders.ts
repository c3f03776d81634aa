import { computeDaysBetween } from '../warranty';
import { computeReturnBatchKey } from './compute-return-batch-key';
import type { PartsReturnSettings } from './schemas';

type Id = string | number;

export interface ReturnBatch {
	id: Id;
	dealer: Id;
	deadline: string;
	shipped_on?: string | null;
	received_on?: string | null;
	/** Offsets (days before the deadline) already reminded. */
	reminders_sent?: readonly number[] | null;
}

export interface DueReminder {
	batch: Id;
	dealer: Id;
	deadline: string;
	days_before: number;
	days_left: number;
	/** Every offset this reminder settles; record them all so a skipped one is not sent later. */
	marks: number[];
	idempotency_key: string;
}

/**
 * WTY-6: reminders to dealers before a return deadline (14 and 3 days before by default), each at
 * most once. If the daily run missed a day, the reminder still goes out late; when two offsets are
 * due at once only the most urgent is sent and both are marked. Nothing once the parts are shipped
 * or received, or after the deadline (that is the claim's problem: parts_not_returned).
 */
export function computeDueReminders(batches: readonly ReturnBatch[], today: string, settings: PartsReturnSettings): DueReminder[] {
	const offsets = [...new Set(settings.reminder_days)].sort((a, b) => a - b);
	const reminders: DueReminder[] = [];
	for (const batch of batches) {
		if (batch.shipped_on || batch.received_on) continue;
		const daysLeft = computeDaysBetween(today, batch.deadline);
		if (daysLeft < 0) continue;
		const sent = new Set(batch.reminders_sent ?? []);
		const due = offsets.filter((offset) => daysLeft <= offset && !sent.has(offset));
		const mostUrgent = due[0];
		if (mostUrgent === undefined) continue;
		reminders.push({
			batch: batch.id,
			dealer: batch.dealer,
			deadline: batch.deadline,
			days_before: mostUrgent,
			days_left: daysLeft,
			marks: due,
			idempotency_key: `parts_return:${computeReturnBatchKey(batch.dealer, batch.deadline)}:d${mostUrgent}`,
		});
	}
	return reminders;
}
