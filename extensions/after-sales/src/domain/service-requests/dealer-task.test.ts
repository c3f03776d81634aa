import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import {
	ClerkCheckForbiddenError, computeAcknowledgeResponsible, computeClerkEscalation, computeResponsibleMessage, decideClerkCheck, decideRequestUpdate,
	type ClerkCheckFacts, type RequestFacts,
} from '.';

const NOW = new Date('2026-09-21T04:00:00Z');
const CLERK = { user: 'clerk-1', clerk: true };
const task: ClerkCheckFacts = { id: 42, status: 'dispatched', dealer: 7, responsible_person: null, history: [{ at: 'x', by: null, from: null, to: 'dispatched', summary: 'registered' }] };

function refusal(fn: () => unknown): DomainRuleError {
	try {
		fn();
	} catch (error) {
		return error as DomainRuleError;
	}
	throw new Error('expected a refusal');
}

describe('clerk check (DLR-2)', () => {
	test('DLR-2: when the clerk finds the task in hand, then who and when are stamped and the history gains the check', () => {
		const plan = decideClerkCheck(task, { result: 'in_hand', note: '已电话确认，明早上门' }, CLERK, NOW);
		expect(plan.escalate).toBe(false);
		expect(plan.columns).toMatchObject({ clerk_check_result: 'in_hand', clerk_checked_at: NOW.toISOString(), clerk_checked_by: 'clerk-1', clerk_check_note: '已电话确认，明早上门' });
		const history = plan.columns['history'] as { summary: string; note?: string }[];
		expect(history).toHaveLength(2);
		expect(history[1]).toMatchObject({ summary: 'clerk check: in hand (DLR-2)', note: '已电话确认，明早上门' });
	});

	test('DLR-2: when the clerk finds the task not in hand with a person responsible, then it escalates naming them', () => {
		const plan = decideClerkCheck(task, { result: 'not_in_hand', responsible_person: ' 李站长 ' }, CLERK, NOW);
		expect(plan).toMatchObject({ escalate: true, responsible: '李站长' });
		expect(plan.columns['responsible_person']).toBe('李站长');
		expect((plan.columns['history'] as { summary: string }[])[1]!.summary).toContain('responsible: 李站长');
	});

	test('DLR-2: when the task already names the person responsible, then "not in hand" needs no new name', () => {
		const plan = decideClerkCheck({ ...task, responsible_person: '王经理' }, { result: 'not_in_hand' }, CLERK, NOW);
		expect(plan.responsible).toBe('王经理');
		expect('responsible_person' in plan.columns).toBe(false);
	});

	test.each([
		['"not in hand" without a person responsible', task, { result: 'not_in_hand' }, 'responsible_person'],
		['an unknown result', task, { result: 'maybe' }, 'clerk_check_result'],
		['no result', task, {}, 'clerk_check_result'],
		['a request that is not a dealer task', { ...task, dealer: null }, { result: 'in_hand' }, 'clerk_check_result'],
		['a closed task', { ...task, status: 'closed' as const }, { result: 'in_hand' }, 'clerk_check_result'],
	])('DLR-2: when the check is %s, then it is refused naming the field', (_label, facts, input, field) => {
		const error = refusal(() => decideClerkCheck(facts, input, CLERK, NOW));
		expect(error).toBeInstanceOf(DomainRuleError);
		expect(error).toMatchObject({ rule: 'DLR-2', field });
	});

	test('DLR-2: when someone outside the service desk records the check, then it is a 403', () => {
		const error = refusal(() => decideClerkCheck(task, { result: 'in_hand' }, { user: 'tech-dept', clerk: false }, NOW));
		expect(error).toBeInstanceOf(ClerkCheckForbiddenError);
		expect((error as ClerkCheckForbiddenError).status).toBe(403);
	});

	test('DLR-2: the clerk\'s escalation has the key the sweep\'s clerk-check breach would have, at L3, naming the person responsible', () => {
		const e = computeClerkEscalation(42, '李站长', NOW);
		expect(e).toMatchObject({ key: 'service_requests:42:clerk_check:L3:breach', level: 3, milestone: 'clerk_check' });
		expect(e.message).toContain('责任人 / responsible: 李站长');
		expect(computeResponsibleMessage('超时', null)).toBe('超时');
	});

	test.each([
		['a clerk-check breach naming nobody, none given', { collection: 'service_requests', milestone: 'clerk_check', kind: 'breach', responsible: null }, null, null, 'refused'],
		['a clerk-check breach, a name given', { collection: 'service_requests', milestone: 'clerk_check', kind: 'breach', responsible: null }, null, '赵主任', '赵主任'],
		['a clerk-check breach, the task names one', { collection: 'service_requests', milestone: 'clerk_check', kind: 'breach', responsible: null }, '王经理', null, '王经理'],
		['a clerk-check breach already naming one', { collection: 'service_requests', milestone: 'clerk_check', kind: 'breach', responsible: '李站长' }, null, '别人', '李站长'],
		['a scheduling breach naming nobody', { collection: 'service_requests', milestone: 'dealer_scheduled', kind: 'breach', responsible: null }, null, null, null],
		['a clerk-check warning naming nobody', { collection: 'service_requests', milestone: 'clerk_check', kind: 'warning', responsible: null }, null, null, null],
	])('DLR-2: when acknowledging %s, then the person responsible is %s', (_label, escalation, taskResponsible, given, expected) => {
		if (expected === 'refused') {
			expect(refusal(() => computeAcknowledgeResponsible(escalation, taskResponsible, given))).toMatchObject({ rule: 'DLR-2', field: 'responsible' });
		} else {
			expect(computeAcknowledgeResponsible(escalation, taskResponsible, given)).toBe(expected);
		}
	});
});

describe('no push-back (DLR-2)', () => {
	const facts: RequestFacts = {
		id: 42, type: 'dealer_task', status: 'dispatched', assignee: null, dealer: 7, plan: null, first_response_at: null, dispatched_at: null,
		plan_told_at: null, accepted_at: null, arrived_at: null, resolved_at: null, history: [],
	};
	const dealer = { user: 'dealer-user', desk: false, field: true, roles: ['dealer'] };
	test.each([
		['clears the dealer', { dealer: null }, 'dealer'],
		['moves the task to another dealer', { dealer: 8 }, 'dealer'],
		['hands it to a company technician', { assignee: 'tech-1' }, 'assignee'],
	])('DLR-2: when the dealer %s, then it is refused naming DLR-2', (_label, change, field) => {
		expect(refusal(() => decideRequestUpdate(facts, change, dealer, NOW))).toMatchObject({ rule: 'DLR-2', field });
	});

	test('DLR-2: when the service desk reassigns the task, then it goes through', () => {
		const plan = decideRequestUpdate(facts, { dealer: 8 }, { user: 'agent', desk: true, field: false, roles: ['service_agent'] }, NOW);
		expect(plan.notices).toEqual([{ kind: 'dealer_task', dealer: 8 }]);
	});
});
