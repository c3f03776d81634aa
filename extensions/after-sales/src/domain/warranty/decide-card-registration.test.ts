import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { decideCardRegistration, decideCardReview } from './decide-card-registration';

const base = { dealer: 7, sold_on: '2026-11-20', product: 3, today: '2026-12-01' };
const unit = (over: Record<string, unknown> = {}) => ({ dealer: 7, sold_on: '2026-11-20', card_received_on: null, card_review: null, ...over });
const fieldOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		return (error as DomainRuleError).field;
	}
	return null;
};

describe('decideCardRegistration', () => {
	test('WTY-2: when the serial is not on file, then the sale is created from the registration', () => {
		expect(decideCardRegistration({ ...base, unit: null })).toEqual({ kind: 'create', sold_on: '2026-11-20', product: 3 });
	});
	test.each([
		['a sale date after today', { unit: null, sold_on: '2026-12-02' }, 'sold_on'],
		['no sale date for a new serial', { unit: null, sold_on: undefined }, 'sold_on'],
		['no product for a new serial', { unit: null, product: null }, 'product_model'],
		['a sale date other than the one on file', { unit: unit(), sold_on: '2026-11-21' }, 'sold_on'],
	])('WTY-2: when a registration has %s, then it is refused naming the field', (_label, over, field) => {
		expect(fieldOf(() => decideCardRegistration({ ...base, ...over } as never))).toBe(field);
	});
	test('WTY-2: when the unit is another dealer’s or its card is on file, then it is not registered', () => {
		expect(decideCardRegistration({ ...base, unit: unit({ dealer: 8 }) })).toEqual({ kind: 'not_own' });
		expect(decideCardRegistration({ ...base, unit: unit({ card_received_on: '2026-11-25' }) })).toEqual({ kind: 'on_file', card_received_on: '2026-11-25' });
		expect(decideCardRegistration({ ...base, unit: unit({ card_review: 'rejected' }) })).toEqual({ kind: 'update' });
	});
});

describe('decideCardReview', () => {
	const pending = { card_review: 'pending', card_submitted_on: '2026-11-28' };
	test('WTY-2: when staff confirm, then the registration day is the card date', () => {
		expect(decideCardReview({ review: 'confirmed', current: pending, note: null })).toEqual({ card_received_on: '2026-11-28' });
	});
	test('WTY-2: when staff return a card without a note, or review one not pending, then it is refused', () => {
		expect(fieldOf(() => decideCardReview({ review: 'rejected', current: pending, note: ' ' }))).toBe('card_review_note');
		expect(decideCardReview({ review: 'rejected', current: pending, note: '电话缺位' })).toEqual({ card_received_on: null });
		expect(fieldOf(() => decideCardReview({ review: 'confirmed', current: { card_review: null, card_submitted_on: null }, note: null }))).toBe('card_review');
		expect(fieldOf(() => decideCardReview({ review: 'pending', current: pending, note: null }))).toBe('card_review');
	});
});
