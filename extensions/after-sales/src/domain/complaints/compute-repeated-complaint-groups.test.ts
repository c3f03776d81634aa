import { describe, expect, test } from 'vitest';
import type { ComplaintForRepeats } from './compute-complaint-kind';
import { computeRepeatedComplaintGroups } from './compute-repeated-complaint-groups';
import { isRepeatedComplaint } from './is-repeated-complaint';

const now = new Date('2026-10-01T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

const complaints: ComplaintForRepeats[] = [
	{ id: 1, received_at: daysAgo(1), category: 'quality', product: 'TX-804' },
	{ id: 2, received_at: daysAgo(30), category: 'quality', product: 'TX-804' },
	{ id: 3, received_at: daysAgo(89), category: 'quality', product: 'TX-804' },
	{ id: 4, received_at: daysAgo(91), category: 'quality', product: 'TX-804' },
	{ id: 5, received_at: daysAgo(2), category: 'quality', product: 'HV-12' },
	{ id: 6, received_at: daysAgo(3), category: 'attitude', subject_staff: 'u9', product: 'TX-804' },
	{ id: 7, received_at: daysAgo(4), category: 'attitude', subject_staff: 'u9', product: 'HV-12' },
	{ id: 8, received_at: daysAgo(5), category: 'attitude', subject_staff: 'u9' },
	{ id: 9, received_at: daysAgo(6), category: 'attitude', subject_staff: 'u1' },
	{ id: 10, received_at: daysAgo(-1), category: 'quality', product: 'TX-804' },
];

describe('computeRepeatedComplaintGroups', () => {
	test('CMP-7: when complaints of one kind reach the threshold in 90 days, then they form a group', () => {
		const groups = computeRepeatedComplaintGroups(complaints, now);

		expect(groups.map((group) => [group.kind, group.complaint_ids])).toEqual([
			['attitude:staff:u9', [6, 7, 8]],
			['quality:product:TX-804', [1, 2, 3]],
		]);
		expect(groups[1]).toMatchObject({
			category: 'quality',
			product: 'TX-804',
			subject_staff: null,
			count: 3,
			first_received_at: new Date(daysAgo(89)),
			last_received_at: new Date(daysAgo(1)),
		});
		expect(groups[0]).toMatchObject({ subject_staff: 'u9', product: null });
	});

	test.each([
		['a 30-day window (day 30 itself is outside)', 30, 3, ['attitude:staff:u9']],
		['a 31-day window and threshold 2', 31, 2, ['attitude:staff:u9', 'quality:product:TX-804']],
		['a 10-day window and threshold 4', 10, 4, []],
		['a 100-day window', 100, 4, ['quality:product:TX-804']],
		['threshold 1', 90, 1, ['attitude:staff:u9', 'quality:product:TX-804', 'attitude:staff:u1', 'quality:product:HV-12']],
	])('CMP-7: when using %s, then the right kinds repeat', (_label, windowDays, threshold, kinds) => {
		expect(computeRepeatedComplaintGroups(complaints, now, windowDays, threshold).map((group) => group.kind)).toEqual(kinds);
	});

	test('CMP-7: when the same complaint is listed twice, then it counts once', () => {
		const twice = [complaints[0]!, complaints[0]!, complaints[1]!];
		expect(computeRepeatedComplaintGroups(twice, now, 90, 3)).toEqual([]);
	});

	test.each([
		['a zero window', 0, 3, 'window_days'],
		['a fractional threshold', 90, 2.5, 'threshold'],
		['a zero threshold', 90, 0, 'threshold'],
	])('CMP-7: when called with %s, then a CMP-7 error names %s', (_label, windowDays, threshold, field) => {
		expect(() => computeRepeatedComplaintGroups(complaints, now, windowDays, threshold)).toThrow(
			expect.objectContaining({ rule: 'CMP-7', field }),
		);
	});

	test('CMP-7: when a complaint has no valid receipt time, then a CMP-7 error names received_at', () => {
		expect(() => computeRepeatedComplaintGroups([{ id: 1, received_at: 'soon', category: 'other' }], now)).toThrow(
			expect.objectContaining({ rule: 'CMP-7', field: 'received_at' }),
		);
	});
});

describe('isRepeatedComplaint', () => {
	test.each([
		['the third TX-804 quality complaint', { id: 11, received_at: daysAgo(0), category: 'quality', product: 'TX-804' }, complaints.slice(0, 2), true],
		['the second TX-804 quality complaint', { id: 11, received_at: daysAgo(0), category: 'quality', product: 'TX-804' }, complaints.slice(0, 1), false],
		['a TX-804 billing complaint', { id: 11, received_at: daysAgo(0), category: 'billing', product: 'TX-804' }, complaints, false],
		['a fourth complaint about u9', { id: 11, received_at: daysAgo(0), category: 'attitude', subject_staff: 'u9' }, complaints, true],
		['an old complaint outside the window', complaints[3]!, complaints, false],
	])('CMP-7: when checking %s, then repeated is %s', (_label, complaint, others, expected) => {
		expect(isRepeatedComplaint(complaint, others, now)).toBe(expected);
	});
});
