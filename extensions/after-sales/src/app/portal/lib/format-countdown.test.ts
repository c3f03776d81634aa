import { describe, expect, test } from 'vitest';
import { formatCountdown } from './format-countdown';

describe('formatCountdown (REQ-3)', () => {
	test.each([
		[125, 'zh', '剩余 2小时5分', 'ok'],
		[60, 'zh', '剩余 1小时0分', 'soon'],
		[59, 'en', '59m left', 'soon'],
		[0, 'en', '0m left', 'soon'],
		[-15, 'zh', '已超时 15分', 'late'],
		[-15, 'en', '15m overdue', 'late'],
		[3 * 1440 + 120, 'zh', '剩余 3天2小时', 'ok'],
		[2 * 1440, 'en', '2d left', 'ok'],
	] as const)('REQ-3: when %i minutes are left (%s), then the card says %s (%s)', (minutes, lang, text, tone) => {
		expect(formatCountdown(minutes, lang)).toEqual({ text, tone });
	});
});
