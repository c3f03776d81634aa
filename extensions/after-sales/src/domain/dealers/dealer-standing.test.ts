import { describe, expect, test } from 'vitest';
import { assertDealerMayFile, computeDealerStanding, DealerStandingError } from '.';

describe('dealer standing (DLR-1)', () => {
	test.each([
		['active, open-ended', { status: 'active', agreement_end: null }, '2026-11-22', true, null],
		['on probation', { status: 'probation', agreement_end: '2027-01-01' }, '2026-11-22', true, null],
		['active on the agreement’s last day', { status: 'active', agreement_end: '2026-11-22' }, '2026-11-22', true, null],
		['active the day after the agreement ended', { status: 'active', agreement_end: '2026-11-22' }, '2026-11-23', false, 'agreement_ended'],
		['active across a year end', { status: 'active', agreement_end: '2026-12-31' }, '2027-01-01', false, 'agreement_ended'],
		['suspended with a running agreement', { status: 'suspended', agreement_end: '2030-01-01' }, '2026-11-22', false, 'suspended'],
		['terminated', { status: 'terminated', agreement_end: null }, '2026-11-22', false, 'terminated'],
		['terminated and ended: the status is named first', { status: 'terminated', agreement_end: '2020-01-01' }, '2026-11-22', false, 'terminated'],
		['with an unknown status', { status: 'dormant', agreement_end: null }, '2026-11-22', false, 'unknown_status'],
		['with no status stored', { status: null, agreement_end: null }, '2026-11-22', true, null],
	] as const)('DLR-1: when a dealer is %s, then it may file: %s', (_label, facts, today, mayFile, reason) => {
		const standing = computeDealerStanding(facts, today);
		expect(standing).toMatchObject({ may_file: mayFile, reason, rule: 'DLR-1' });
		if (reason) expect(standing.message_en).toBeTruthy();
		else expect(standing.message_en).toBeNull();
	});

	test('DLR-1: when a suspended dealer files, then a 403 DealerStandingError names the dealer field and the reason', () => {
		let error: unknown = null;
		try {
			assertDealerMayFile({ code: 'D009', status: 'suspended', agreement_end: null }, '2026-11-22', 'submit claims');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(DealerStandingError);
		expect(error).toMatchObject({ rule: 'DLR-1', field: 'dealer', standing: 'suspended', status: 403 });
		expect((error as Error).message).toMatch(/^DLR-1: dealer: dealer D009 may not submit claims \(suspended\)/);
	});

	test('DLR-1: when the agreement ends today, then the dealer still files; the next day it does not', () => {
		const facts = { status: 'active', agreement_end: '2026-06-30' };
		expect(() => assertDealerMayFile(facts, '2026-06-30', 'log repairs')).not.toThrow();
		expect(() => assertDealerMayFile(facts, '2026-07-01', 'log repairs')).toThrow(/agreement_ended.*2026-06-30/);
	});
});
