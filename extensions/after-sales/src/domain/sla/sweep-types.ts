import type { EscalationLevel, SlaCollection, SlaPolicy } from './schemas';
import type { SlaFacts, SweepActionKind, TimerRecord, TimerRow } from './types';

/** A policy as stored: the parsed policy and its row id. */
export type StoredPolicy = SlaPolicy & { id: number };

/** A timer as stored: the domain row plus its identity (`id` null until it is first written). */
export type StoredTimer = TimerRow & { id: number | null; collection: SlaCollection; item: string; policy: number | null; next_check_at: Date | null };

/** One record the sweep looks at, read in the same statement that claimed it (ESC-4). */
export interface DueRecord {
	collection: SlaCollection;
	item: string;
	/** Null when the record was deleted: its timers are retired. */
	record: TimerRecord | null;
	facts: SlaFacts | null;
	/** Whether the collection has a `handling_level` column to raise. */
	hasLevel: boolean;
	/** Every timer of the record, as stored. */
	timers: StoredTimer[];
}

/** A timer row to write, with the columns that describe it. */
export type PlannedTimer = StoredTimer & {
	milestone_label: string;
	clock: string;
	/** ESC-2: only its level differs from the stored row (another clock of the record breached): written as one grouped level update. */
	level_only?: boolean;
};

export interface PlannedEscalation {
	key: string;
	kind: SweepActionKind;
	collection: SlaCollection;
	item: string;
	milestone: string;
	milestone_label: string;
	level: EscalationLevel;
	timer_key: string;
	due_at: Date | null;
	/** When its notices may go out (CAL-2 quiet hours for business-time milestones). */
	deliver_at: Date;
	notify_roles: string[];
	message: string;
}

/** ESC-2: a breach raised the record's level, and may hand it to a user of `reassign_to_role`. */
export interface PlannedLevel {
	collection: SlaCollection;
	item: string;
	level: EscalationLevel;
	hasLevel: boolean;
	reassign_to_role: string | null;
}

export interface SweepFailure {
	collection: SlaCollection;
	item: string;
	rule: string;
	message: string;
}

/** Everything one sweep batch writes, decided before anything is written. */
export interface SweepPlan {
	/** Timers whose columns changed, or that are missing (a sync lost in a crash). */
	timers: PlannedTimer[];
	/** Timer ids never to be checked again (record deleted, no policy, milestone dropped). */
	retire: number[];
	escalations: PlannedEscalation[];
	levels: PlannedLevel[];
	/** Records the domain refused (an unreadable timestamp): left due, retried next sweep. */
	failures: SweepFailure[];
}
