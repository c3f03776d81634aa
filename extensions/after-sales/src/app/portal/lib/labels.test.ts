import { describe, expect, test } from 'vitest';
import { badgeTone, BADGED_FIELDS, pickLanguage, seasonLabel, showLabel, valueLabel } from './labels';

describe('INT-5: the portal shows the pack\'s labels for stored codes, never the codes', () => {
	test.each([
		['service_requests', 'status', 'reported', 'zh', '已报工程部主管'],
		['service_requests', 'status', 'answered', 'en', 'Answered'],
		['warranty_claims', 'status', 'approved', 'zh', '财务已核准'],
		['repair_parts', 'old_part_status', 'pending', 'zh', '待返厂'],
		['dealer_ledger', 'entry_type', 'warranty_credit', 'en', 'Warranty credit'],
		['parts_returns', 'status', 'inspected', 'zh', '已检验'],
	] as const)('INT-5: when %s.%s is %s (%s), then the portal shows %s', (collection, field, value, lang, expected) => {
		expect(valueLabel(collection, field, value, lang)).toBe(expected);
	});

	test('INT-5: every value the portal badges has a Chinese and an English label that is not the code', () => {
		for (const [key, values] of Object.entries(BADGED_FIELDS)) {
			const [collection, field] = key.split('.') as [string, string];
			for (const value of values) {
				const zh = valueLabel(collection, field, value, 'zh');
				const en = valueLabel(collection, field, value, 'en');
				expect(zh, `${key}.${value}`).toMatch(/[\u4e00-\u9fff]/);
				expect(en, `${key}.${value}`).toMatch(/[A-Za-z]/);
				expect(en).not.toBe(value);
			}
		}
	});

	test('INT-5: when a code has no translation, then the portal shows its own text or "unknown", not the code', () => {
		expect(showLabel('service_requests', 'status', 'teleported', 'zh')).toBe('未知');
		expect(showLabel('service_requests', 'status', 'teleported', 'en', (k) => (k === 'teleported' ? 'Beamed' : null))).toBe('Beamed');
		expect(showLabel('service_requests', 'status', null, 'en')).toBe('Unknown');
	});

	test('WTY-7: when a claim is approved, then its badge is good news; rejected is bad news', () => {
		expect(badgeTone('warranty_claims', 'status', 'approved')).toBe('good');
		expect(badgeTone('warranty_claims', 'status', 'rejected')).toBe('bad');
		expect(badgeTone('warranty_claims', 'status', 'something_new')).toBe('neutral');
	});
});

describe('INT-5: a stored bilingual note shows in the portal language', () => {
	test.each([
		['库存退货 #4 入库 / stock return #4 received (DLR-5)', 'zh', '库存退货 #4 入库 (DLR-5)'],
		['库存退货 #4 入库 / stock return #4 received (DLR-5)', 'en', 'stock return #4 received (DLR-5)'],
		['调整 2026 年 8 月', 'en', '调整 2026 年 8 月'],
		['新派工单 / New job assigned to you #12', 'zh', '新派工单 #12'],
		['新派工单 / New job assigned to you #12', 'en', 'New job assigned to you #12'],
		['#12 割台异响\n客户 / Customer: 刘家合作社\n时限 / Due: 2026-10-01 14:00', 'zh', '#12 割台异响\n客户: 刘家合作社\n时限: 2026-10-01 14:00'],
		['#12 割台异响\n客户 / Customer: 刘家合作社\n时限 / Due: 2026-10-01 14:00', 'en', '#12 割台异响\nCustomer: 刘家合作社\nDue: 2026-10-01 14:00'],
		['经销商评级调整建议 D001 2026-08 / Dealer rating proposal D001 2026-08', 'en', 'Dealer rating proposal D001 2026-08'],
		['a / b', 'zh', 'a / b'],
		[null, 'zh', ''],
	] as const)('INT-5: when the note is %s (%s), then the portal shows %s', (text, lang, expected) => {
		expect(pickLanguage(text, lang)).toBe(expected);
	});
});

describe('DLR-3: a default season label shows in the portal language', () => {
	test.each([
		['春季 Spring', 'zh', '春季'],
		['秋季 Autumn', 'en', 'Autumn'],
		['三夏麦收', 'en', '三夏麦收'],
		['Harvest', 'zh', 'Harvest'],
	] as const)('DLR-3: when the season is %s (%s), then the portal shows %s', (text, lang, expected) => {
		expect(seasonLabel(text, lang)).toBe(expected);
	});
});
