import { describe, expect, test } from 'vitest';
import { computeDigestLines } from './compute-digest-lines';
import { notice, warning } from './test-fixtures';

const escalations = [warning, notice()];
const options = { timeZone: 'Asia/Shanghai', markdown: false } as const;

describe('a digest in its reader’s language (NTF-1, ESC-2)', () => {
	test('NTF-1: when the recipient reads zh-CN, then the title and every line are Chinese only', () => {
		const { title, lines } = computeDigestLines(escalations, { ...options, language: 'zh-CN' });
		expect(title).toBe('售后时限提醒：1 项超时，1 项预警');
		expect(lines[0]).toBe('【超时 → L2】投诉 #42 · 首次响应（1小时） · 截止 2026-09-21 11:00');
		expect(lines[1]).toMatch(/^【预警 L1】报修 #7 · 受理答复（1小时） · 截止 2026-09-22 00:30/);
		expect([title, ...lines].join('\n')).not.toMatch(/Breach|Warning|complaint|due\b|First response/);
	});

	test('NTF-1: when the recipient reads en-US, then the title and the words are English (the milestone by its English label)', () => {
		const { title, lines } = computeDigestLines(escalations, { ...options, language: 'en-US' });
		expect(title).toBe('After-sales deadlines: 1 breached, 1 warning');
		expect(lines[0]).toBe('[Breach → L2] complaint #42 · First response (1 h) · due 2026-09-21 11:00');
		expect(lines[1]).toMatch(/^\[Warning L1\] service request #7 · Answer the customer \(1 h\) · due 2026-09-22 00:30/);
	});

	test('ESC-2: when no language is given (a group robot), then both languages are kept', () => {
		const { title, lines } = computeDigestLines(escalations, options);
		expect(title).toBe('售后时限提醒：1 项超时，1 项预警 / After-sales deadlines: 1 breached, 1 warning');
		expect(lines[0]).toBe('【超时 Breach → L2】投诉 complaint #42 · 首次响应（1小时） / First response (1 h) · 截止 due 2026-09-21 11:00');
	});
});
