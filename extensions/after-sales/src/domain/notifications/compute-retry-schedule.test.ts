import { describe, expect, test } from 'vitest';
import { computeRetrySchedule } from './compute-retry-schedule';

const now = new Date('2026-09-21T02:00:00Z');

describe('computeRetrySchedule', () => {
	test.each([
		[1, 1],
		[2, 2],
		[3, 4],
		[4, 8],
		[5, 16],
		[6, 32],
		[7, 60],
	])('ESC-4: when attempt %i fails, then the next try is %i minutes later', (attempt, minutes) => {
		expect(computeRetrySchedule(attempt, now)).toEqual({
			give_up: false,
			retry_at: new Date(now.getTime() + minutes * 60_000),
			delay_minutes: minutes,
		});
	});

	test.each([8, 9, 100])('ESC-4: when attempt %i fails, then delivery is given up', (attempt) => {
		expect(computeRetrySchedule(attempt, now)).toEqual({ give_up: true, retry_at: null, delay_minutes: null });
	});

	test.each([0, -1, 1.5, NaN])('ESC-4: when the attempt number is %s, then an ESC-4 error names attempt', (attempt) => {
		expect(() => computeRetrySchedule(attempt, now)).toThrow(expect.objectContaining({ rule: 'ESC-4', field: 'attempt' }));
	});

	test('ESC-4: when the settings allow 3 attempts and delays up to 2 minutes, then the third failure gives up and no delay exceeds 2 minutes', () => {
		const policy = { max_attempts: 3, max_delay_minutes: 2 };
		expect(computeRetrySchedule(1, now, policy).delay_minutes).toBe(1);
		expect(computeRetrySchedule(2, now, policy).delay_minutes).toBe(2);
		expect(computeRetrySchedule(3, now, policy)).toEqual({ give_up: true, retry_at: null, delay_minutes: null });
		expect(computeRetrySchedule(2, now, { max_attempts: 10, max_delay_minutes: 1 }).delay_minutes).toBe(1);
	});
});
