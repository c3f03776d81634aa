import { computeDatePlusDays } from './compute-date-plus-days';
import { computeDatePlusMonths } from './compute-date-plus-months';
import { computeDaysBetween } from './compute-days-between';

export interface WarrantyEndInput {
	sold_on: string;
	months: number;
	downtime_days: number;
	/** Set when this unit was handed over as a replacement (换货): its period restarts that day. */
	replaced_on?: string | null;
}

/**
 * WTY-1, WTY-10: the last day (inclusive) the unit is in warranty. The period runs from the sale
 * (or replacement) date; as 民法典 arts. 201/203 count periods, the start day is not counted and
 * the period ends on the same day of the final month, or that month's last day. Whole days the
 * unit spent in warranty repair or waiting for parts are added on top.
 */
export function computeWarrantyEnd({ sold_on, months, downtime_days, replaced_on }: WarrantyEndInput): string {
	const start = replaced_on && computeDaysBetween(sold_on, replaced_on) > 0 ? replaced_on : sold_on;
	return computeDatePlusDays(computeDatePlusMonths(start, months), Math.max(0, downtime_days));
}
