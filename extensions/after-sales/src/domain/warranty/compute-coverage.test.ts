import { describe, expect, test } from 'vitest';
import { computeCoverage, REGULATION_PROFILES, WarrantySettingsSchema, type CoverageInput } from './index';

const settings = WarrantySettingsSchema.parse({});
const shanghai = (local: string) => new Date(`${local}+08:00`);
const base: CoverageInput = {
	unit: { sold_on: '2026-03-01', card_received_on: '2026-03-10' },
	product: { category: 'tractor', warranty_months: 12, main_parts_warranty_months: 24 },
	repairs: [],
	at: shanghai('2026-09-01T10:00:00'),
	settings,
};
const codes = (input: CoverageInput) => computeCoverage(input).reasons.map((reason) => reason.code);

describe('computeCoverage', () => {
	test('WTY-3: when the card was on time and the unit is within its period, then it is covered with no reasons', () => {
		expect(computeCoverage(base)).toMatchObject({
			covered: true,
			coverage: 'warranty',
			reasons: [],
			warranty_status: 'active',
			whole_machine_until: '2027-03-01',
			main_parts_until: '2028-03-01',
			card: { deadline: '2026-03-21', received_on: '2026-03-10', late_by_days: null },
			dealer_bears_cost: false,
			next_remedy: 'repair',
			profile: 'agri_2010',
		});
	});

	test.each<[string, Partial<CoverageInput>, string[]]>([
		['the card never came and the deadline passed', { unit: { sold_on: '2026-03-01', card_received_on: null } }, ['card_missing']],
		['the card came 4 days late', { unit: { sold_on: '2026-03-01', card_received_on: '2026-03-25' } }, ['card_late']],
		['the whole machine expired', { at: shanghai('2027-03-02T08:00:00') }, ['expired']],
		['the whole machine expired and the fault is a main part', { at: shanghai('2027-03-02T08:00:00'), fault: { category: 'engine', scope: 'main_part' } }, []],
		['the main parts expired too', { at: shanghai('2028-03-02T08:00:00'), fault: { category: 'engine', scope: 'main_part' } }, ['main_parts_expired']],
		['a wear part fails after the whole machine expired', { at: shanghai('2027-03-02T08:00:00'), fault: { category: 'belt', scope: 'wear_part' } }, ['expired']],
		['the fault came from misuse', { fault: { category: 'hydraulic', scope: 'whole_machine', cause: 'misuse' } }, ['excluded_cause']],
		['the fault came from an accident', { fault: { category: 'frame', cause: 'accident' } }, ['excluded_cause']],
		['the user took it apart', { fault: { category: 'engine', cause: 'unauthorised_disassembly' } }, ['excluded_cause']],
		['the fault is not a design or manufacturing fault', { fault: { category: 'tyre', cause: 'non_design_fault' } }, ['excluded_cause']],
		['the customer supplied the part', { fault: { category: 'filter', cause: 'customer_supplied_part' } }, ['customer_supplied_part']],
		['the dealer promised beyond the scope', { dealer_promise_beyond_scope: true }, ['over_scope']],
		[
			'everything is wrong at once',
			{ unit: { sold_on: '2026-03-01', card_received_on: null }, at: shanghai('2027-04-01T08:00:00'), fault: { category: 'x', cause: 'misuse' }, dealer_promise_beyond_scope: true },
			['card_missing', 'expired', 'excluded_cause', 'over_scope'],
		],
	])('WTY-3: when %s, then the reasons are %j', (_label, patch, expected) => {
		const input = { ...base, ...patch };
		expect(codes(input)).toEqual(expected);
		expect(computeCoverage(input).covered).toBe(expected.length === 0);
		// WTY-2, WTY-4: a card or a dealer's promise in the way makes it the dealer's expense, anything else paid.
		const dealerExpense = expected.length > 0 && (expected.includes('over_scope') || expected.every((code) => code.startsWith('card_')));
		expect(computeCoverage(input).coverage).toBe(expected.length === 0 ? 'warranty' : dealerExpense ? 'dealer_expense' : 'paid');
	});

	test('WTY-3: when a cause is excluded, then the reason carries the cause and both languages', () => {
		const [reason] = computeCoverage({ ...base, fault: { category: 'frame', cause: 'accident' } }).reasons;
		expect(reason).toMatchObject({ code: 'excluded_cause', rule: 'WTY-3', cause: 'accident' });
		expect(reason!.message_zh).toContain('意外事故');
		expect(reason!.message_en).toContain('accident');
	});

	test('WTY-4: when the dealer over-promised, then the reason cites WTY-4', () => {
		expect(computeCoverage({ ...base, dealer_promise_beyond_scope: true }).reasons[0]).toMatchObject({ rule: 'WTY-4' });
	});

	test('WTY-10: when the whole machine expired but the main parts did not, then the expiry message says until when main parts are covered', () => {
		const answer = computeCoverage({ ...base, at: shanghai('2027-03-02T08:00:00') });
		expect(answer.reasons[0]!.message_en).toContain('main parts covered until 2028-03-01');
		expect(answer.warranty_status).toBe('active');
	});

	test('WTY-10: when warranty repairs kept the unit 10 days, then the period runs 10 days longer', () => {
		const repairs = [{ id: 1, fault_category: 'hydraulic', coverage: 'warranty', dropped_off_at: shanghai('2026-05-01T08:00:00'), completed_at: shanghai('2026-05-11T09:00:00') }];
		const answer = computeCoverage({ ...base, repairs, at: shanghai('2027-03-05T08:00:00') });
		expect(answer).toMatchObject({ covered: true, whole_machine_until: '2027-03-11', main_parts_until: '2028-03-11' });
	});

	test('WTY-10: when the unit is a replacement, then its period restarts and earlier downtime no longer counts', () => {
		const repairs = [{ id: 1, fault_category: 'hydraulic', coverage: 'warranty', dropped_off_at: shanghai('2026-05-01T08:00:00'), completed_at: shanghai('2026-05-11T09:00:00') }];
		const answer = computeCoverage({ ...base, unit: { ...base.unit, replaced_on: '2026-06-01' }, repairs });
		expect(answer).toMatchObject({ whole_machine_until: '2027-06-01', main_parts_until: '2028-06-01' });
	});

	test('WTY-2: when only the card is late, then the dealer bears the cost and the customer keeps the statutory remedy', () => {
		const repairs = [1, 2].map((id) => ({ id, fault_category: 'hydraulic', coverage: 'warranty', dropped_off_at: null, completed_at: shanghai('2026-06-01T08:00:00') }));
		const answer = computeCoverage({ ...base, unit: { sold_on: '2026-03-01', card_received_on: null }, repairs, fault: { category: 'hydraulic', scope: 'main_part' } });
		expect(answer).toMatchObject({ covered: false, coverage: 'dealer_expense', dealer_bears_cost: true, next_remedy: 'main_part_replacement', warranty_status: 'card_late' });
		expect(answer.card).toEqual({ deadline: '2026-03-21', received_on: null, late_by_days: 164 });
	});

	test('WTY-4: when the dealer promised beyond the scope on an expired unit, then the work is the dealer’s expense, not the customer’s bill', () => {
		const answer = computeCoverage({ ...base, at: shanghai('2027-04-01T08:00:00'), dealer_promise_beyond_scope: true, fault: { category: 'hydraulic' } });
		expect(answer).toMatchObject({ covered: false, coverage: 'dealer_expense', dealer_bears_cost: true, next_remedy: 'repair' });
		expect(answer.remedy_basis).toContain('WTY-4');
	});

	test('WTY-9: when the main part was already replaced once for the fault and it recurs, then the answer names a replacement machine', () => {
		const done = (id: number, remedy: 'repair' | 'main_part_replacement') => ({ id, fault_category: 'hydraulic', coverage: 'warranty', remedy, dropped_off_at: null, completed_at: shanghai('2026-06-01T08:00:00') });
		const answer = computeCoverage({ ...base, repairs: [done(1, 'repair'), done(2, 'repair'), done(3, 'main_part_replacement')], fault: { category: 'hydraulic' } });
		expect(answer.next_remedy).toBe('machine_replacement');
	});

	test('WTY-9: when the earlier repairs were at the dealer’s expense (late card), then they still count on the customer’s ladder', () => {
		const repairs = [1, 2].map((id) => ({ id, fault_category: 'hydraulic', coverage: 'dealer_expense', dropped_off_at: null, completed_at: shanghai('2026-06-01T08:00:00') }));
		expect(computeCoverage({ ...base, repairs, fault: { category: 'hydraulic' } }).next_remedy).toBe('main_part_replacement');
	});

	test('WTY-9: when the fault recurred after two warranty repairs, then the answer names the main part replacement', () => {
		const repairs = [1, 2].map((id) => ({ id, fault_category: 'hydraulic', coverage: 'warranty', dropped_off_at: null, completed_at: shanghai('2026-06-01T08:00:00') }));
		const answer = computeCoverage({ ...base, repairs, fault: { category: 'hydraulic' } });
		expect(answer.next_remedy).toBe('main_part_replacement');
		expect(answer.remedy_basis).toContain('agri_2010');
	});

	test('WTY-9: when the cause is excluded, then the remedy is a paid repair whatever the history', () => {
		const repairs = [1, 2].map((id) => ({ id, fault_category: 'hydraulic', coverage: 'warranty', dropped_off_at: null, completed_at: shanghai('2026-06-01T08:00:00') }));
		const answer = computeCoverage({ ...base, repairs, fault: { category: 'hydraulic', cause: 'misuse' } });
		expect(answer).toMatchObject({ next_remedy: 'repair', dealer_bears_cost: false });
		expect(answer.remedy_basis).toMatch(/paid repair/);
	});

	test('WTY-9: when a general-goods product fails within 7 days of sale, then the customer may return it', () => {
		const answer = computeCoverage({
			...base,
			unit: { sold_on: '2026-08-28', card_received_on: '2026-08-28' },
			product: { category: 'transformer', warranty_months: 12 },
			fault: { category: 'winding' },
		});
		expect(answer).toMatchObject({ profile: 'general_1995', next_remedy: 'refund' });
	});

	test('WTY-9: when a profile is passed explicitly, then it overrides the selection table', () => {
		expect(computeCoverage({ ...base, profile: REGULATION_PROFILES.general_1995 }).profile).toBe('general_1995');
	});

	test('WTY-2: when the card is still pending within 20 days, then the unit is covered', () => {
		const answer = computeCoverage({ ...base, unit: { sold_on: '2026-08-20', card_received_on: null } });
		expect(answer).toMatchObject({ covered: true, warranty_status: 'card_pending', card: { deadline: '2026-09-09', late_by_days: null } });
	});

	test('WTY-3: when no settings are passed, then defaults apply', () => {
		const { settings: _omit, ...rest } = base;
		expect(computeCoverage(rest).card.deadline).toBe('2026-03-21');
	});
});
