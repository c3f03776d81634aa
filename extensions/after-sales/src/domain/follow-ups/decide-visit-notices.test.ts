import { describe, expect, test } from 'vitest';
import { computeCustomerMessage, decideVisitNotices, type ScheduledTask } from '.';

const NOW = new Date('2026-09-21T04:00:00Z');
const VISIT = new Date('2026-09-22T01:00:00Z');
const task: ScheduledTask = { id: 42, status: 'scheduled', dealer: 7, dealer_name: '河北农机', customer: 9, scheduled_for: VISIT, problem: '拖拉机启动困难' };

describe('told when scheduled (DLR-2)', () => {
	test('DLR-2: when a dealer task is scheduled, then the customer gets a visit notice and each technical-dept user a notice, keyed by the time', () => {
		const plan = decideVisitNotices(task, ['t1', 't2'], '2026-09-22 09:00', NOW)!;
		expect(plan.visit).toMatchObject({ follow_up_key: `service_requests:42:visit_notice:${VISIT.toISOString()}`, kind: 'visit_notice', rule: 'DLR-2', customer: 9, service_request: 42, due_at: NOW, due_until: VISIT, notify_customer_at: NOW });
		expect(plan.notices.map((n) => n.key)).toEqual([`service_requests:42:scheduled:${VISIT.toISOString()}:t1`, `service_requests:42:scheduled:${VISIT.toISOString()}:t2`]);
		expect(plan.notices[0]!.text['zh-CN'].message).toBe('河北农机 安排于 2026-09-22 09:00 上门：拖拉机启动困难（DLR-2）。');
		expect(plan.notices[0]!.text['en-US'].message).toBe('河北农机 visits on 2026-09-22 09:00: 拖拉机启动困难 (DLR-2)');
	});

	test('DLR-2: when the task is rescheduled, then the keys change (told again); the same time gives the same keys (told once)', () => {
		const first = decideVisitNotices(task, ['t1'], 'x', NOW)!;
		const again = decideVisitNotices(task, ['t1'], 'x', NOW)!;
		const moved = decideVisitNotices({ ...task, scheduled_for: new Date('2026-09-23T01:00:00Z') }, ['t1'], 'x', NOW)!;
		expect(again.visit!.follow_up_key).toBe(first.visit!.follow_up_key);
		expect(moved.visit!.follow_up_key).not.toBe(first.visit!.follow_up_key);
		expect(moved.notices[0]!.key).not.toBe(first.notices[0]!.key);
	});

	test.each([
		['has no dealer', { dealer: null }],
		['has no planned visit', { scheduled_for: null }],
		['is closed', { status: 'closed' }],
		['has its visit in the past', { scheduled_for: new Date('2026-09-20T01:00:00Z') }],
	])('DLR-2: when the task %s, then nobody is told', (_label, change) => {
		expect(decideVisitNotices({ ...task, ...change } as ScheduledTask, ['t1'], 'x', NOW)).toBeNull();
	});

	test('DLR-2: when the task has no customer on record, then only the technical department is told', () => {
		const plan = decideVisitNotices({ ...task, customer: null }, ['t1'], 'x', NOW)!;
		expect(plan.visit).toBeNull();
		expect(plan.notices).toHaveLength(1);
	});

	test('DLR-2: the customer\'s message names the dealer and the visit time in the calendar\'s zone', () => {
		const message = computeCustomerMessage({ kind: 'visit_notice', customer_name: '张三', serial_no: 'SN-1', repair_record: null, ready_at: null, completed: false, survey_url: null, time_zone: 'Asia/Shanghai', visit_at: VISIT, dealer_name: '河北农机' });
		expect(message).toEqual({ subject: '上门服务预约', text: expect.stringContaining('河北农机 安排于 2026-09-22 09:00 上门') });
		expect(computeCustomerMessage({ kind: 'visit_notice', customer_name: null, serial_no: null, repair_record: null, ready_at: null, completed: false, survey_url: null, time_zone: 'Asia/Shanghai' })).toBeNull();
	});
});
