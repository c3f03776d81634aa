import { computeDatePlusDays } from './compute-date-plus-days';
import { computeDaysBetween } from './compute-days-between';

export type CardState = 'on_time' | 'pending' | 'late' | 'missing';

export interface CardStatus {
	state: CardState;
	deadline: string;
	received_on: string | null;
	/** Days past the deadline the card arrived, or (still missing) the days overdue so far. */
	late_by_days: number | null;
}

/**
 * WTY-2: the dealer returns the 三包回执卡 within `card_deadline_days` of the sale; a card received
 * on the deadline day itself is on time. Counted from the sale, not from a replacement: the card
 * belongs to the sale.
 */
export function computeCardStatus(input: { sold_on: string; card_received_on: string | null; today: string; card_deadline_days: number }): CardStatus {
	const deadline = computeDatePlusDays(input.sold_on, input.card_deadline_days);
	const received_on = input.card_received_on;
	if (received_on) {
		const late = computeDaysBetween(deadline, received_on);
		return late > 0 ? { state: 'late', deadline, received_on, late_by_days: late } : { state: 'on_time', deadline, received_on, late_by_days: null };
	}
	const overdue = computeDaysBetween(deadline, input.today);
	return overdue > 0 ? { state: 'missing', deadline, received_on: null, late_by_days: overdue } : { state: 'pending', deadline, received_on: null, late_by_days: null };
}
