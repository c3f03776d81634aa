import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { DealerStandingError } from '../dealers';
import {
	assertOldPartsUnclaimed, assertRepeatReviewed, computeRepeatReviewNotice, decideClaimCreate, decideClaimUpdate, decideRepeatReview,
	normalizeOldPartSerial, type ClaimCaller, type ClaimedOldPart, type ClaimFacts, type StoredClaim,
} from './index';
import { claimFacts, refusal } from './test-fixtures';

const now = new Date('2026-11-22T02:00:00Z'); // 10:00 in Shanghai
const dealer: ClaimCaller = { user: 'u-dealer', admin: false, staff: false, roles: ['dealer'], dealer: 7 };
const tech: ClaimCaller = { user: 'u-tech', admin: false, staff: true, roles: ['technical_dept'], dealer: null };
const manager: ClaimCaller = { user: 'u-mgr', admin: false, staff: true, roles: ['service_manager'], dealer: null };
const finance: ClaimCaller = { user: 'u-fin', admin: false, staff: true, roles: ['finance'], dealer: null };
const rep: ClaimCaller = { user: 'u-rep', admin: false, staff: true, roles: ['sales_rep'], dealer: null };

const facts = claimFacts;
const other = (over: Partial<ClaimedOldPart> = {}): ClaimedOldPart => ({ serial: 'OLD-77', claim_id: 9, claim_no: 'WC2026-R000009', claim_status: 'approved', repair_record: 9, ...over });

describe('REQ-8: repeat repairs are held for the technical department', () => {
	test('REQ-8: when a repeat repair’s claim is submitted, then it is held (pending) and the technical department gets a notice', () => {
		const plan = decideClaimUpdate(facts({ status: 'draft' }, {}, { repeat_of: 3 }), { status: 'submitted' }, dealer, now);
		expect(plan.row).toMatchObject({ status: 'submitted', repeat_review: 'pending', repeat_reviewed_by: null });
		expect(plan.notices).toHaveLength(1);
		expect(plan.notices![0]).toMatchObject({ roles: ['technical_dept'], collection: 'warranty_claims', item: '74' });
		expect(plan.notices![0]!.text['zh-CN'].message).toContain('#3');
	});

	test('REQ-8: when an ordinary repair’s claim is submitted, then nothing is held and nobody is told', () => {
		const plan = decideClaimUpdate(facts({ status: 'draft' }), { status: 'submitted' }, dealer, now);
		expect(plan.row['repeat_review']).toBeNull();
		expect(plan.notices).toBeUndefined();
	});

	test('REQ-8: when a repeat repair’s claim is created already submitted, then the row is held', () => {
		const row = decideClaimCreate(facts(null, {}, { repeat_of: 3 }), { repair_record: 5, status: 'submitted' }, dealer, now);
		expect(row['repeat_review']).toBe('pending');
		expect(decideClaimCreate(facts(null, {}, { repeat_of: 3 }), { repair_record: 5 }, dealer, now)['repeat_review']).toBeUndefined();
	});

	test.each([
		['pending', 3, 'REQ-8:repeat_review'],
		['refused', 3, 'REQ-8:repeat_review'],
		[null, 3, 'REQ-8:repeat_review'],
		['cleared', 3, 'accepted'],
		[null, null, 'accepted'],
	] as const)('REQ-8: when finance approves a claim whose review is %s (repeat of %s), then: %s', (review, repeatOf, expected) => {
		expect(refusal(() => decideClaimUpdate(facts({ status: 'inspected', repeat_review: review }, {}, { repeat_of: repeatOf }), { status: 'approved' }, finance, now))).toBe(expected);
	});

	test('REQ-8: when the technical department clears a held claim, then who and when are stamped and finance may approve', () => {
		const held = facts({ status: 'audited', repeat_review: 'pending' }, {}, { repeat_of: 3 });
		const plan = decideClaimUpdate(held, { repeat_review: 'cleared', repeat_review_note: '首次维修正常，属新的零件故障' }, tech, now);
		expect(plan.row).toMatchObject({ repeat_review: 'cleared', repeat_reviewed_by: 'u-tech', repeat_reviewed_at: now.toISOString(), repeat_review_note: '首次维修正常，属新的零件故障' });
		expect(plan.transition).toBe(false);
		// An admin may record the review and move on in one request.
		const admin: ClaimCaller = { ...tech, roles: [], admin: true };
		const both = decideClaimUpdate(facts({ status: 'inspected', repeat_review: 'pending' }, {}, { repeat_of: 3 }), { repeat_review: 'cleared', status: 'approved' }, admin, now);
		expect(both.row).toMatchObject({ status: 'approved', repeat_review: 'cleared' });
	});

	test.each<[string, ClaimCaller, Record<string, unknown>, Partial<StoredClaim>, number | null, string]>([
		['the sales rep reviews', rep, { repeat_review: 'cleared' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'REQ-8:repeat_review'],
		['finance reviews', finance, { repeat_review: 'cleared' }, { status: 'inspected', repeat_review: 'pending' }, 3, 'REQ-8:repeat_review'],
		['the manager reviews', manager, { repeat_review: 'cleared' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'accepted'],
		['a review is reset to pending', tech, { repeat_review: 'pending' }, { status: 'submitted', repeat_review: 'cleared' }, 3, 'REQ-8:repeat_review'],
		['an unknown decision is sent', tech, { repeat_review: 'maybe' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'REQ-8:repeat_review'],
		['a refusal gives no reason', tech, { repeat_review: 'refused' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'REQ-8:repeat_review_note'],
		['a refusal gives a reason', tech, { repeat_review: 'refused', repeat_review_note: '首次维修未更换密封件' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'accepted'],
		['an ordinary repair is reviewed', tech, { repeat_review: 'cleared' }, { status: 'submitted', repeat_review: null }, null, 'REQ-8:repeat_review'],
		['a draft is reviewed', tech, { repeat_review: 'cleared' }, { status: 'draft', repeat_review: null }, 3, 'REQ-8:repeat_review'],
		['the stamp is sent by a client', tech, { repeat_reviewed_by: 'someone' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'WTY-7:repeat_reviewed_by'],
		['a note is sent without a decision', tech, { repeat_review_note: 'x' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'REQ-8:repeat_review_note'],
		['a dealer reviews its own claim', dealer, { repeat_review: 'cleared' }, { status: 'submitted', repeat_review: 'pending' }, 3, 'WTY-7:repeat_review'],
	])('REQ-8: when %s, then: %s', (_label, caller, payload, claim, repeatOf, expected) => {
		expect(refusal(() => decideClaimUpdate(facts(claim, {}, { repeat_of: repeatOf }), payload, caller, now))).toBe(expected);
	});

	test('REQ-8: when a review is decided, then decideRepeatReview and assertRepeatReviewed agree', () => {
		expect(decideRepeatReview({ status: 'inspected', repeat_of: 3, stored: 'pending', requested: 'cleared' }, manager, now)).toMatchObject({ repeat_review: 'cleared', repeat_reviewed_by: 'u-mgr' });
		expect(() => assertRepeatReviewed({ repeat_of: 3, review: 'cleared' })).not.toThrow();
		expect(() => assertRepeatReviewed({ repeat_of: null, review: null })).not.toThrow();
		expect(() => assertRepeatReviewed({ repeat_of: 3, review: 'refused' })).toThrow(/only be rejected/);
	});

	test('REQ-8: when the notice is written, then it names the claim, both repairs and the dealer in both languages', () => {
		const notice = computeRepeatReviewNotice({ id: 74, claim_no: 'WC2026-R000005', repair_record: 5, repeat_of: 3, dealer_code: 'D007' });
		for (const language of ['zh-CN', 'en-US'] as const) {
			expect(notice.text[language].subject).toContain('WC2026-R000005');
			expect(notice.text[language].message).toMatch(/#5.*#3/);
			expect(notice.text[language].message).toContain('D007');
		}
		expect(notice.text['zh-CN'].message).toContain('（经销商 D007）');
		expect(notice.text['en-US'].message).toContain('(dealer D007)');
		expect(notice.text['zh-CN'].message).not.toMatch(/[A-Za-z]{4,}/);
		expect(notice.fallback_roles).toEqual(['service_manager']);
	});
});

describe('REQ-8: an old part is claimed once (duplicate)', () => {
	test.each([
		['OLD-77', 'OLD-77'], [' old-77 ', 'OLD-77'], ['', null], ['   ', null], [null, null], [42, null],
	] as const)('REQ-8: when the serial %j is compared, then it reads as %j', (input, expected) => {
		expect(normalizeOldPartSerial(input)).toBe(expected);
	});

	test.each<[string, ClaimedOldPart[], string]>([
		['another repair’s approved claim holds it', [other()], 'REQ-8:old_part_serial'],
		['another repair’s submitted claim holds it, written in lower case', [other({ serial: ' old-77', claim_status: 'submitted' })], 'REQ-8:old_part_serial'],
		['another repair’s settled claim holds it', [other({ claim_status: 'settled' })], 'REQ-8:old_part_serial'],
		['only a draft holds it', [other({ claim_status: 'draft' })], 'accepted'],
		['only a rejected claim held it', [other({ claim_status: 'rejected' })], 'accepted'],
		['only this repair’s own claim holds it', [other({ repair_record: 5 })], 'accepted'],
		['another serial is claimed', [other({ serial: 'OLD-78' })], 'accepted'],
	])('REQ-8: when the dealer submits and %s, then: %s', (_label, claimed, expected) => {
		expect(refusal(() => decideClaimUpdate(facts({ status: 'draft' }, { claimed_old_parts: claimed }), { status: 'submitted' }, dealer, now))).toBe(expected);
	});

	test('REQ-8: when a duplicate is refused, then the message names the line, the other claim and the reason code duplicate', () => {
		let error: DomainRuleError | null = null;
		try {
			assertOldPartsUnclaimed([{ label: 'parts.1', old_part_serial: 'OLD-77' }], [other()], null);
		} catch (e) {
			error = e as DomainRuleError;
		}
		expect(error).toMatchObject({ rule: 'REQ-8', field: 'old_part_serial' });
		expect(error!.message).toMatch(/^REQ-8: old_part_serial: parts\.1: old part OLD-77 is already on claim WC2026-R000009 \(approved\).*duplicate.*重复索赔/);
	});
});

describe('DLR-1: a dealer not in good standing files no claims', () => {
	test.each([
		['suspended', { code: 'D007', status: 'suspended', agreement_end: null }, 'suspended'],
		['terminated', { code: 'D007', status: 'terminated', agreement_end: null }, 'terminated'],
		['past its agreement (ended yesterday in Shanghai)', { code: 'D007', status: 'active', agreement_end: '2026-11-21' }, 'agreement_ended'],
	] as const)('DLR-1: when the dealer is %s, then creating and submitting claims are refused with 403 naming the reason', (_label, standing, reason) => {
		for (const attempt of [
			() => decideClaimCreate(facts(null, { dealer_standing: standing }), { repair_record: 5 }, dealer, now),
			() => decideClaimUpdate(facts({ status: 'draft' }, { dealer_standing: standing }), { status: 'submitted' }, dealer, now),
		]) {
			let error: unknown = null;
			try {
				attempt();
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(DealerStandingError);
			expect(error).toMatchObject({ rule: 'DLR-1', standing: reason, status: 403 });
		}
	});

	test('DLR-1: when a suspended dealer submits a claim the data would refuse anyway, then the standing is named first', () => {
		const unsigned = facts({ status: 'draft' }, { dealer_standing: { code: 'D007', status: 'suspended', agreement_end: null } }, { customer_signature: null });
		expect(refusal(() => decideClaimUpdate(unsigned, { status: 'submitted' }, dealer, now))).toBe('DLR-1:dealer');
	});

	test('DLR-1: when the agreement ends today in the calendar’s zone, then the dealer still submits (UTC is still yesterday)', () => {
		const lateEvening = new Date('2026-11-21T16:30:00Z'); // 00:30 on 2026-11-22 in Shanghai
		const ending = { code: 'D007', status: 'active', agreement_end: '2026-11-22' };
		expect(refusal(() => decideClaimUpdate(facts({ status: 'draft' }, { dealer_standing: ending }), { status: 'submitted' }, dealer, lateEvening))).toBe('accepted');
		const ended = { ...ending, agreement_end: '2026-11-21' };
		expect(refusal(() => decideClaimUpdate(facts({ status: 'draft' }, { dealer_standing: ended }), { status: 'submitted' }, dealer, lateEvening))).toBe('DLR-1:dealer');
	});

	test('DLR-1: when a suspended dealer’s approved claim is settled, then it still is (the write-off is owed)', () => {
		const plan = decideClaimUpdate(facts({ status: 'approved', approved_amount: '160.00' }, { dealer_standing: { code: 'D007', status: 'suspended', agreement_end: null } }), { status: 'settled' }, dealer, now);
		expect(plan.row['status']).toBe('settled');
	});
});
