import { DomainRuleError } from '../errors';
import { msg } from '../messages';
import { computeDaysBetween } from './compute-days-between';

export interface CardRegistrationFacts {
	/** The unit as stored, or null when the dealer registers a sale the company has no record of yet. */
	unit: { dealer: number | null; sold_on: string; card_received_on: string | null; card_review: string | null } | null;
	dealer: number;
	sold_on: string | undefined;
	product: number | null;
	/** The business day of the registration (CAL-3). */
	today: string;
}

export type CardRegistrationPlan =
	| { kind: 'create'; sold_on: string; product: number }
	| { kind: 'update' }
	/** Another dealer's unit: answered like any record that is not the caller's (DLR-1). */
	| { kind: 'not_own' }
	/** A card is already on file: a conflict. */
	| { kind: 'on_file'; card_received_on: string | null };

/**
 * WTY-2: a dealer returns the 三包回执卡 through the portal: the sale (serial, date, product) and
 * the customer's data. The registration day is the day the card reached the company; staff confirm
 * it (or return it) before it counts. A sale not yet on file is created; a unit of another dealer
 * is not the caller's to register; a card already on file is a conflict; a sale date that differs
 * from the one on file is staff's to correct.
 */
export function decideCardRegistration(facts: CardRegistrationFacts): CardRegistrationPlan {
	const { unit } = facts;
	if (facts.sold_on !== undefined && computeDaysBetween(facts.today, facts.sold_on) > 0) {
		throw new DomainRuleError('WTY-2', 'sold_on', msg('card.sold_in_future', { sold_on: facts.sold_on, today: facts.today }), { collection: 'units' });
	}
	if (!unit) {
		if (facts.sold_on === undefined) throw new DomainRuleError('WTY-2', 'sold_on', msg('card.needs_sale_date'), { collection: 'units' });
		if (facts.product === null) throw new DomainRuleError('WTY-2', 'product_model', msg('card.needs_product'), { collection: 'units' });
		return { kind: 'create', sold_on: facts.sold_on, product: facts.product };
	}
	if (unit.dealer !== facts.dealer) return { kind: 'not_own' };
	if (unit.card_received_on !== null || unit.card_review === 'confirmed') return { kind: 'on_file', card_received_on: unit.card_received_on };
	if (facts.sold_on !== undefined && facts.sold_on !== unit.sold_on) {
		throw new DomainRuleError('WTY-2', 'sold_on', msg('card.sale_date_differs', { on_file: unit.sold_on, given: facts.sold_on }), { collection: 'units' });
	}
	return { kind: 'update' };
}

export interface CardReviewFacts {
	review: string | null;
	current: { card_review: string | null; card_submitted_on: string | null };
	note: string | null;
}

/**
 * WTY-2: staff confirm a card registered in the portal (its registration day becomes the card date,
 * so the 20-day clock is judged against the day the dealer sent it, not the day staff got to it) or
 * return it with a note. Only a pending registration is reviewed.
 */
export function decideCardReview(facts: CardReviewFacts): { card_received_on: string | null } {
	if (facts.current.card_review !== 'pending' || !facts.current.card_submitted_on) {
		throw new DomainRuleError('WTY-2', 'card_review', msg('card.nothing_to_review'), { collection: 'units' });
	}
	if (facts.review === 'rejected') {
		if (!facts.note || facts.note.trim() === '') throw new DomainRuleError('WTY-2', 'card_review_note', msg('card.return_needs_note'), { collection: 'units' });
		return { card_received_on: null };
	}
	if (facts.review === 'confirmed') return { card_received_on: facts.current.card_submitted_on };
	throw new DomainRuleError('WTY-2', 'card_review', msg('card.review_value'), { collection: 'units' });
}
