import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertOwnRepair, computeInspectionOutcome, computeSubmissionRejections, NotOwnRecordError, type SubmissionCheckInput } from './index';

const clean: SubmissionCheckInput = {
	repair: { coverage: 'warranty', customer_signature: 'sig-file-1', dealer: 'D1' },
	caller_dealer: 'D1',
	unit_coverage: { covered: true, reasons: [] },
	existing_claim_for_repair: null,
	parts: [{ old_part_status: 'pending' }],
};
const codes = (input: SubmissionCheckInput) => computeSubmissionRejections(input).map((reason) => reason.code);

describe('computeSubmissionRejections', () => {
	test.each<[string, Partial<SubmissionCheckInput>, string[]]>([
		['a signed warranty repair, parts still to be returned', {}, []],
		['staff submitting for the dealer', { caller_dealer: null }, []],
		['a paid repair', { repair: { ...clean.repair, coverage: 'paid' }, unit_coverage: null }, ['out_of_warranty']],
		['a contract repair', { repair: { ...clean.repair, coverage: 'contract' } }, ['out_of_warranty']],
		['a late card', { unit_coverage: { covered: false, reasons: [{ code: 'card_late' }] } }, ['card_late']],
		['a missing card', { unit_coverage: { covered: false, reasons: [{ code: 'card_missing' }] } }, ['card_late']],
		['an expired unit repaired as paid', { repair: { ...clean.repair, coverage: 'paid' }, unit_coverage: { covered: false, reasons: [{ code: 'expired' }] } }, ['out_of_warranty']],
		['expired main parts', { unit_coverage: { covered: false, reasons: [{ code: 'main_parts_expired' }] } }, ['out_of_warranty']],
		['misuse', { unit_coverage: { covered: false, reasons: [{ code: 'excluded_cause' }] } }, ['excluded_cause']],
		['a customer-supplied part', { unit_coverage: { covered: false, reasons: [{ code: 'customer_supplied_part' }] } }, ['excluded_cause']],
		['a dealer promise beyond scope', { repair: { ...clean.repair, coverage: 'paid' }, unit_coverage: { covered: false, reasons: [{ code: 'over_scope' }] } }, ['over_scope']],
		['no signature', { repair: { ...clean.repair, customer_signature: null } }, ['missing_signature']],
		['a blank signature', { repair: { ...clean.repair, customer_signature: '  ' } }, ['missing_signature']],
		['a signature flag set to false', { repair: { ...clean.repair, customer_signature: false } }, ['missing_signature']],
		['a signature flag set to true', { repair: { ...clean.repair, customer_signature: true } }, []],
		['another claim for the repair', { existing_claim_for_repair: { id: 7 } }, ['duplicate']],
		['the same claim being re-checked', { existing_claim_for_repair: { id: 7 }, claim_id: '7' }, []],
		['a part declared missing', { parts: [{ old_part_status: 'returned' }, { old_part_status: 'missing' }] }, ['parts_not_returned']],
		[
			'several problems',
			{ repair: { ...clean.repair, coverage: 'paid', customer_signature: '' }, unit_coverage: { covered: false, reasons: [{ code: 'card_late' }, { code: 'expired' }] }, existing_claim_for_repair: { id: 1 } },
			['card_late', 'out_of_warranty', 'missing_signature', 'duplicate'],
		],
	])('WTY-7: when the submission has %s, then the pre-check reasons are %j', (_label, patch, expected) => {
		expect(codes({ ...clean, ...patch })).toEqual(expected);
	});

	test('WTY-5: when the signature is missing, then the reason cites WTY-5 in both languages', () => {
		expect(computeSubmissionRejections({ ...clean, repair: { ...clean.repair, customer_signature: null } })).toEqual([
			{ code: 'missing_signature', rule: 'WTY-5', message_zh: expect.stringContaining('签字'), message_en: expect.stringContaining('signed') },
		]);
	});

	test('DLR-1: when a dealer submits another dealer\'s repair, then it is refused as forbidden, not rejected', () => {
		const attempt = () => computeSubmissionRejections({ ...clean, caller_dealer: 'D2' });
		expect(attempt).toThrow(NotOwnRecordError);
		expect(attempt).toThrow(expect.objectContaining({ rule: 'DLR-1', field: 'repair_record', status: 403 }));
	});
});

describe('assertOwnRepair', () => {
	test.each([
		['D1', 'D1', true],
		[5, '5', true],
		['D1', 'D2', false],
		[null, 'D2', false],
		['D1', null, true],
		['D1', undefined, true],
	] as const)('DLR-1: when the repair is of dealer %j and the caller of %j, then allowed is %s', (owner, caller, ok) => {
		const attempt = () => assertOwnRepair({ dealer: owner }, caller);
		if (ok) expect(attempt).not.toThrow();
		else expect(attempt).toThrow(DomainRuleError);
	});
});

describe('computeInspectionOutcome', () => {
	test('WTY-6: when parts are sorted, then reusable go to store, scrap to scrap and missing lines are rejectable', () => {
		expect(
			computeInspectionOutcome([
				{ line_id: 'P1', old_part_status: 'reusable' },
				{ line_id: 'P2', old_part_status: 'scrap' },
				{ line_id: 'P3', old_part_status: 'missing' },
			]),
		).toEqual({ complete: true, rejectable_lines: [{ line_id: 'P3', reason: 'parts_not_returned' }], to_store: ['P1'], to_scrap: ['P2'], awaiting: [] });
	});

	test.each([
		['pending', false],
		['returned', false],
		['reusable', true],
		['scrap', true],
		['missing', true],
	] as const)('WTY-6: when a part is %s, then the inspection complete flag is %s', (status, complete) => {
		expect(computeInspectionOutcome([{ line_id: 1, old_part_status: status }]).complete).toBe(complete);
	});

	test('WTY-6: when one of two parts on a line is missing, then the line is rejectable once', () => {
		const outcome = computeInspectionOutcome([
			{ line_id: 'P1', old_part_status: 'missing' },
			{ line_id: 'P1', old_part_status: 'missing' },
			{ line_id: 'P1', old_part_status: 'reusable' },
		]);
		expect(outcome.rejectable_lines).toEqual([{ line_id: 'P1', reason: 'parts_not_returned' }]);
	});

	test('WTY-6: when there are no parts, then the inspection is complete with nothing to sort', () => {
		expect(computeInspectionOutcome([])).toEqual({ complete: true, rejectable_lines: [], to_store: [], to_scrap: [], awaiting: [] });
	});
});
