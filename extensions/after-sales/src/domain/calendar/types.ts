/** A calendar date in the calendar's own time zone (CAL-3). */
export interface LocalDate {
	year: number;
	month: number;
	day: number;
}

/** A wall-clock time in the calendar's time zone; `hour` 24 means midnight of the next day. */
export interface LocalDateTime extends LocalDate {
	hour: number;
	minute: number;
	second?: number;
}

export interface LocalParts extends LocalDate {
	hour: number;
	minute: number;
	second: number;
	/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
	weekday: number;
}

export interface WorkingInterval {
	start: Date;
	end: Date;
}
