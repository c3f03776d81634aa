import type { SlaCollection, EscalationLevel, FaultScope } from './schemas';

/** ESC-1: what a policy condition is matched against; the adapter reads these from the record. */
export interface SlaFacts {
	collection: SlaCollection;
	severity?: string | null;
	category?: string | null;
	key_account?: boolean | null;
	dealer_tier?: 'A' | 'B' | 'C' | null;
	is_dealer_task?: boolean | null;
	coverage?: string | null;
	busy_season?: boolean | null;
	fault_scope?: FaultScope | null;
}

export type TimerState = 'running' | 'paused' | 'warned' | 'breached' | 'fulfilled';

/** One row of `sla_timers`: a milestone on one record. */
export interface TimerRow {
	milestone: string;
	started_at: Date;
	/** Null while paused, so the sweep (which reads only `due_at`) skips it. */
	due_at: Date | null;
	warn_at: Date | null;
	paused_since: Date | null;
	/** Minutes of the milestone's clock spent paused; they push the deadline back. */
	paused_minutes: number;
	state: TimerState;
	fulfilled_at: Date | null;
	level: EscalationLevel;
	warned_at?: Date | null;
	breached_at?: Date | null;
}

/** The record a timer watches: its status and its timestamp fields (ISO strings, Dates or null). */
export interface TimerRecord {
	status: string;
	fields: Record<string, string | Date | null | undefined>;
	/** The record's handling level (CMP-5 / ESC-2); new timers start there. Default 1. */
	level?: EscalationLevel;
}

export type SweepActionKind = 'warning' | 'breach';

export interface SweepAction {
	kind: SweepActionKind;
	milestone: string;
	/** Warning: the level being warned (current). Breach: the level escalated to. */
	level: EscalationLevel;
}
