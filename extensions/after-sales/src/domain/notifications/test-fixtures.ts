import type { EscalationNotice } from './types';

export const notice = (overrides: Partial<EscalationNotice> = {}): EscalationNotice => ({
	key: 'complaints:42:first_response:L2:breach',
	collection: 'complaints',
	item_id: 42,
	milestone: 'first_response',
	milestone_label: '首次响应（1小时）',
	milestone_label_en: 'First response (1 h)',
	kind: 'breach',
	level: 2,
	due_at: new Date('2026-09-21T03:00:00Z'),
	...overrides,
});

export const warning = notice({
	key: 'service_requests:7:answer:L1:warning',
	collection: 'service_requests',
	item_id: 7,
	milestone: 'answer',
	milestone_label: '受理答复（1小时）',
	milestone_label_en: 'Answer the customer (1 h)',
	kind: 'warning',
	level: 1,
	due_at: new Date('2026-09-21T16:30:00Z'),
	url: 'https://service.example.com/admin/content/service_requests/7',
});
