import { describe, expect, test } from 'vitest';
import { computeWorkQueue, type QueueInput } from './compute-work-queue';

const now = new Date('2026-12-01T08:00:00Z');
const row = (item: string, due: string | null, extra: Partial<QueueInput> = {}): QueueInput => ({
	collection: 'complaints', item, title: `#${item}`, status: 'received', due_at: due, milestone: due ? 'reply' : null, milestone_label: null, state: due ? 'running' : null, level: 1, escalation: null, ...extra,
});
const empty = { mine: [], at_my_level: [], to_acknowledge: [], calls_today: [] };

describe('computeWorkQueue', () => {
	test('ESC-3: when records have deadlines, then the late ones come first, then the nearest, then those without one, each with its countdown', () => {
		const q = computeWorkQueue({ ...empty, mine: [row('1', null), row('2', '2026-12-01T09:30:00Z'), row('3', '2026-12-01T07:00:00Z'), row('4', '2026-12-01T08:10:00Z')] }, now);
		expect(q.mine.map((r) => [r.item, r.minutes_left])).toEqual([['3', -60], ['4', 10], ['2', 90], ['1', null]]);
	});
	test('ESC-4: when a record is listed twice in a section, then it appears once, and each section is capped', () => {
		const q = computeWorkQueue({ ...empty, mine: [row('1', '2026-12-01T07:00:00Z'), row('1', '2026-12-01T09:00:00Z'), row('2', null)] }, now, 1);
		expect(q.mine.map((r) => r.item)).toEqual(['1']);
		expect(q.mine[0]!.minutes_left).toBe(-60);
	});
	test('ESC-4: when old escalations were never acknowledged, then a new one is still listed first', () => {
		const q = computeWorkQueue({ ...empty, to_acknowledge: [row('1', '2026-06-01T00:00:00Z', { escalation: 1, occurred_at: '2026-06-01T00:00:00Z' }), row('2', '2026-12-01T07:30:00Z', { escalation: 2, occurred_at: '2026-12-01T07:45:00Z' })] }, now, 1);
		expect(q.to_acknowledge.map((r) => r.escalation)).toEqual([2]);
	});
	test('ESC-4: when two escalations concern one record, then both are there to acknowledge', () => {
		const q = computeWorkQueue({ ...empty, to_acknowledge: [row('1', null, { escalation: 7 }), row('1', null, { escalation: 8 })] }, now);
		expect(q.to_acknowledge.map((r) => r.escalation)).toEqual([7, 8]);
	});
});
