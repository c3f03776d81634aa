import { describe, expect, test } from 'vitest';
import { computeRepeatOf, isSameFaultCategory, type CompletedRepair } from './index';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const previous: CompletedRepair[] = [
	{ id: 'r1', unit: 'U1', fault_category: 'hydraulic', completed_at: shanghai('2026-03-01T10:00:00') },
	{ id: 'r2', unit: 'U1', fault_category: 'hydraulic', completed_at: shanghai('2026-05-01T10:00:00') },
	{ id: 'r3', unit: 'U1', fault_category: 'engine', completed_at: shanghai('2026-06-01T10:00:00') },
	{ id: 'r4', unit: 'U2', fault_category: 'hydraulic', completed_at: shanghai('2026-06-15T10:00:00') },
	{ id: 'r5', unit: 'U1', fault_category: 'hydraulic', completed_at: null },
];

describe('computeRepeatOf', () => {
	test.each([
		['the same unit and fault 30 days after the last repair', { unit: 'U1', fault_category: 'hydraulic', received_at: shanghai('2026-05-31T09:00:00') }, 'r2'],
		['exactly 90 days after', { unit: 'U1', fault_category: 'hydraulic', received_at: shanghai('2026-07-30T23:00:00') }, 'r2'],
		['91 days after', { unit: 'U1', fault_category: 'hydraulic', received_at: shanghai('2026-07-31T00:30:00') }, null],
		['a different fault on the same unit', { unit: 'U1', fault_category: 'gearbox', received_at: shanghai('2026-06-10T09:00:00') }, null],
		['the same fault on another unit', { unit: 'U3', fault_category: 'hydraulic', received_at: shanghai('2026-06-10T09:00:00') }, null],
		['a fault category in other letter case', { unit: 'U1', fault_category: ' Engine', received_at: shanghai('2026-06-10T09:00:00') }, 'r3'],
		['no received time, falling back to completion', { unit: 'U1', fault_category: 'engine', completed_at: shanghai('2026-07-01T09:00:00') }, 'r3'],
		['a report before any completed repair', { unit: 'U1', fault_category: 'hydraulic', received_at: shanghai('2026-02-01T09:00:00') }, null],
		['a report between the two hydraulic repairs', { unit: 'U1', fault_category: 'hydraulic', received_at: shanghai('2026-04-01T09:00:00') }, 'r1'],
		['no fault category', { unit: 'U1', fault_category: null, received_at: shanghai('2026-05-31T09:00:00') }, null],
		['no time at all', { unit: 'U1', fault_category: 'hydraulic' }, null],
	])('REQ-8: when %s, then it repeats %j', (_label, repair, expected) => {
		expect(computeRepeatOf(repair, previous)).toBe(expected);
	});

	test('REQ-8: when the repair is re-evaluated after it completed, then it is not its own repeat', () => {
		expect(computeRepeatOf({ id: 'r2', unit: 'U1', fault_category: 'hydraulic', completed_at: shanghai('2026-05-01T10:00:00') }, previous)).toBe('r1');
	});

	test('REQ-8: when an admin sets a 30-day window, then 60 days later is not a repeat', () => {
		expect(computeRepeatOf({ unit: 'U1', fault_category: 'hydraulic', received_at: shanghai('2026-06-30T09:00:00') }, previous, 30)).toBeNull();
	});

	test('REQ-8: when unit ids are numbers, then they compare by value', () => {
		expect(computeRepeatOf({ unit: 7, fault_category: 'x', received_at: shanghai('2026-01-10T09:00:00') }, [{ id: 9, unit: '7', fault_category: 'x', completed_at: shanghai('2026-01-01T09:00:00') }])).toBe(9);
	});
});

describe('isSameFaultCategory', () => {
	test.each([
		['hydraulic', ' Hydraulic ', true],
		['hydraulic', 'engine', false],
		[null, null, false],
		['', '', false],
		['  ', '  ', false],
		['液压', '液压', true],
	])('REQ-8: when %j is compared with %j, then same is %s', (a, b, same) => {
		expect(isSameFaultCategory(a, b)).toBe(same);
	});
});
