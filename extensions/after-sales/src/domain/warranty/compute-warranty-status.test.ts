import { describe, expect, test } from 'vitest';
import { computeWarrantyStatus, WarrantySettingsSchema, type WarrantyStatusInput } from './index';

const settings = WarrantySettingsSchema.parse({});
const base: Omit<WarrantyStatusInput, 'at' | 'card_received_on'> = {
	sold_on: '2026-03-01',
	product: { warranty_months: 12, main_parts_warranty_months: 24 },
	downtime_days: 0,
	settings,
};
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('computeWarrantyStatus', () => {
	test.each([
		['the card is not in and the deadline (day 20) is today', null, '2026-03-21T23:59:00', 'card_pending'],
		['the card is not in and the deadline passed yesterday', null, '2026-03-22T00:00:00', 'card_late'],
		['the card came on the deadline day', '2026-03-21', '2026-06-01T10:00:00', 'active'],
		['the card came a day late', '2026-03-22', '2026-06-01T10:00:00', 'card_late'],
		['the card came on the day of sale', '2026-03-01', '2026-03-01T10:00:00', 'active'],
		['the whole machine expired but main parts are still covered', '2026-03-10', '2027-06-01T10:00:00', 'active'],
		['both periods ended', '2026-03-10', '2028-03-02T00:00:00', 'expired'],
		['both periods ended and the card was late', '2026-04-30', '2028-03-02T00:00:00', 'expired'],
		['the last covered day has not ended (Shanghai time)', '2026-03-10', '2028-03-01T23:59:59', 'active'],
	])('WTY-2: when %s, then the status is %s', (_label, card_received_on, local, expected) => {
		expect(computeWarrantyStatus({ ...base, card_received_on, at: shanghai(local) })).toBe(expected);
	});

	test('WTY-2: when it is already the day after the deadline in Shanghai but not yet in UTC, then the business time zone decides', () => {
		// 2026-03-21T16:30Z is 00:30 on 22 March in Shanghai: the deadline has passed there.
		expect(computeWarrantyStatus({ ...base, card_received_on: null, at: new Date('2026-03-21T16:30:00Z') })).toBe('card_late');
		expect(computeWarrantyStatus({ ...base, card_received_on: null, at: new Date('2026-03-21T16:30:00Z'), settings: { ...settings, timezone: 'UTC' } })).toBe('card_pending');
	});

	test('WTY-10: when downtime extended the period, then the unit is active past the nominal end', () => {
		const input = { ...base, product: { warranty_months: 12, main_parts_warranty_months: null }, card_received_on: '2026-03-05', at: shanghai('2027-03-05T12:00:00') };
		expect(computeWarrantyStatus(input)).toBe('expired');
		expect(computeWarrantyStatus({ ...input, downtime_days: 4 })).toBe('active');
	});

	test('WTY-2: when an admin shortened the card deadline to 10 days, then day 11 without a card is late', () => {
		expect(computeWarrantyStatus({ ...base, card_received_on: null, at: shanghai('2026-03-12T09:00:00'), settings: { ...settings, card_deadline_days: 10 } })).toBe('card_late');
	});

	test('WTY-2: when no settings are passed, then the 20-day default applies', () => {
		const { settings: _omit, ...withoutSettings } = base;
		expect(computeWarrantyStatus({ ...withoutSettings, card_received_on: null, at: shanghai('2026-03-20T09:00:00') })).toBe('card_pending');
	});
});
