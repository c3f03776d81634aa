import { describe, expect, test } from 'vitest';
import { claimLines, yuan } from './claim-lines';

const claim = {
	labour_claimed: '280.00', travel_claimed: '120.50', labour_approved: '280.00', travel_approved: '60.00',
	lines: [
		{ id: 4, part_no: 'HP-455', part_name: '液压泵', quantity: '2.000', amount: '910.50', approved_amount: '0.00', rejection_reason: { code: 'parts_not_returned', label_zh: '旧件未返回', label_en: 'Old part not returned' } },
		{ id: 5, part_no: 'SL-1', part_name: null, quantity: 1, amount: '12.00', approved_amount: null, rejection_reason: null },
	],
};

describe('WTY-7: the portal itemises a claim', () => {
	test('WTY-7: when a claim has labour, travel and two parts, then it shows four lines with claimed and approved amounts and the reason as text', () => {
		const lines = claimLines(claim, 'zh');
		expect(lines.map((l) => [l.kind, l.claimed, l.approved, l.reason])).toEqual([
			['labour', '280.00', '280.00', null],
			['travel', '120.50', '60.00', null],
			['part', '910.50', '0.00', '旧件未返回'],
			['part', '12.00', null, null],
		]);
		expect(lines[2]).toMatchObject({ part_no: 'HP-455', part_name: '液压泵', quantity: '2.000' });
		expect(claimLines(claim, 'en')[2]!.reason).toBe('Old part not returned');
		expect(JSON.stringify(lines)).not.toContain('parts_not_returned');
	});

	test('WTY-7: when nothing is decided yet, then approved is empty and money shows a dash', () => {
		const lines = claimLines({ labour_claimed: '10.00', travel_claimed: null, lines: [] }, 'zh');
		expect(lines.map((l) => yuan(l.approved))).toEqual(['—', '—']);
		expect(yuan('10.00')).toBe('¥10.00');
	});
});
