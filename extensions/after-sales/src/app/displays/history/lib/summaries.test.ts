import { describe, expect, test } from 'vitest';
import { describeSummary, type SummaryContext } from './summaries';

const base = {
	statusLabels: { received: '已受理', contacted: '联系客户', new: '新登记', dispatched: '已派工' },
	fieldLabels: { phone: '联系电话', region: '地区' },
	formatInstant: (at: Date) => at.toISOString().slice(0, 16).replace('T', ' '),
};
const zh: SummaryContext = { locale: 'zh', ...base };
const en: SummaryContext = { locale: 'en', ...base, statusLabels: { received: 'Received', new: 'New' }, fieldLabels: { phone: 'Phone', region: 'Region' } };

describe('history summaries in the reader’s language (CMP-3, REQ-1, DLR-2, ARC-3)', () => {
	test.each([
		['received (CMP-1)', '登记投诉（CMP-1）', 'Complaint registered (CMP-1)'],
		['received → contacted (CMP-3)', '状态变更（CMP-3）', 'Status change (CMP-3)'],
		['L1 → L2 (ESC-2)', '处理级别 L1 → L2（ESC-2）', 'Handling level L1 → L2 (ESC-2)'],
		['registered as new (REQ-1)', '登记为“新登记”（REQ-1）', 'Registered as “New” (REQ-1)'],
		['note (REQ-3)', '备注（REQ-3）', 'Note (REQ-3)'],
		['assigned to a technician (NTF-1)', '已派给技术员（NTF-1）', 'Assigned to a technician (NTF-1)'],
		['task sent to a dealer (DLR-2)', '任务已转给经销商（DLR-2）', 'Task sent to a dealer (DLR-2)'],
		['scheduled for 2026-12-03T01:30:00.000Z (DLR-2): 客户上午在家', '已安排上门：2026-12-03 01:30（DLR-2）：客户上午在家', 'Visit scheduled for 2026-12-03 01:30 (DLR-2): 客户上午在家'],
		['clerk check: in hand (DLR-2)', '内勤核查：经销商已在处理（DLR-2）', 'Clerk check: in hand (DLR-2)'],
		['clerk check: not in hand, escalated to leadership; responsible: 张三 (DLR-2)', '内勤核查：经销商未在处理，已报公司领导；责任人：张三（DLR-2）', 'Clerk check: not in hand, escalated to leadership; responsible: 张三 (DLR-2)'],
		['created from an inbound request (ARC-2)', '由来电或报修自动建档（ARC-2）', 'Created from an inbound request (ARC-2)'],
		['phone, region', '联系电话、地区', 'Phone, Region'],
	])('CMP-3: when a step’s summary is “%s”, then a zh-CN reader reads %s and an en-US reader %s', (stored, zhText, enText) => {
		expect(describeSummary(stored, zh)).toBe(zhText);
		expect(describeSummary(stored, en)).toBe(enText);
	});

	test.each([['客户已同意更换液压泵'], ['something an older pack wrote (XYZ-1)'], ['phone, unknown_field'], ['']])('CMP-3: when a summary is not one of the workflows’ phrases (“%s”), then it is shown as written', (stored) => {
		expect(describeSummary(stored, zh)).toBe(stored);
	});
});
