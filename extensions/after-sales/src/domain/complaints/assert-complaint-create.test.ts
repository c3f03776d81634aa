import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertComplaintCreate } from './assert-complaint-create';
import { assertHandlerNotSubject } from './assert-handler-not-subject';
import { computeInitialHandlingLevel } from './compute-initial-handling-level';

const valid = {
	recorder: '3f0c1a2e-0000-4000-8000-000000000001',
	category: 'quality',
	severity: 'serious',
	received_at: '2026-09-21T02:00:00Z',
	customer: 12,
	description: '拖拉机液压系统漏油',
};

const failure = (input: unknown) => {
	try {
		assertComplaintCreate(input);
	} catch (error) {
		expect(error).toBeInstanceOf(DomainRuleError);
		const { rule, field, message } = error as DomainRuleError;
		return { rule, field, message };
	}

	return null;
};

describe('assertComplaintCreate', () => {
	test.each([
		['a full register entry', valid],
		['no severity (normal is assumed)', { recorder: 'u1', category: 'other' }],
		['a numeric recorder id', { ...valid, recorder: 7 }],
		['status received', { ...valid, status: 'received' }],
		['an attitude complaint handled by someone else', { ...valid, category: 'attitude', subject_staff: 'u2', handler: 'u3' }],
	])('CMP-1: when a complaint has %s, then it is accepted', (_label, input) => {
		expect(failure(input)).toBeNull();
	});

	test.each([
		['no recorder', { ...valid, recorder: undefined }, 'CMP-1', 'recorder'],
		['a blank recorder', { ...valid, recorder: '  ' }, 'CMP-1', 'recorder'],
		['a null recorder', { ...valid, recorder: null }, 'CMP-1', 'recorder'],
		['an unknown category', { ...valid, category: 'price' }, 'CMP-2', 'category'],
		['no category', { ...valid, category: undefined }, 'CMP-2', 'category'],
		['an unknown severity', { ...valid, severity: 'urgent' }, 'CMP-5', 'severity'],
		['a later status', { ...valid, status: 'analysing' }, 'CMP-3', 'status'],
		['an unreadable receipt time', { ...valid, received_at: 'yesterday' }, 'CMP-1', 'received_at'],
		['the subject as handler', { ...valid, category: 'attitude', subject_staff: 'u2', handler: 'u2' }, 'CMP-6', 'handler'],
		['no object at all', null, 'CMP-1', null],
	])('CMP-1: when a complaint has %s, then %s names %s', (_label, input, rule, field) => {
		const error = failure(input);
		expect(error).toMatchObject({ rule, field });
		expect(error?.message.startsWith(`${rule}: `)).toBe(true);
	});

	test('CMP-1: when the recorder is missing, then the message says who must sign', () => {
		expect(failure({ category: 'quality' })?.message).toContain('记录人');
	});
});

describe('computeInitialHandlingLevel', () => {
	test.each([
		['normal', 1],
		['serious', 2],
		['critical', 3],
	])('CMP-5: when a complaint is %s, then it starts at level %i', (severity, level) => {
		expect(computeInitialHandlingLevel(severity)).toBe(level);
	});

	test('CMP-5: when the severity is unknown, then a CMP-5 error names severity', () => {
		expect(() => computeInitialHandlingLevel('urgent')).toThrow(expect.objectContaining({ rule: 'CMP-5', field: 'severity' }));
	});
});

describe('assertHandlerNotSubject', () => {
	test.each([
		['an attitude complaint handled by another person', 'attitude', 'u1', 'u2'],
		['a quality complaint handled by the named staff member', 'quality', 'u1', 'u1'],
		['an attitude complaint without a named person', 'attitude', null, 'u1'],
		['an attitude complaint not yet assigned', 'attitude', 'u1', null],
	])('CMP-6: when %s, then it is allowed', (_label, category, subject, handler) => {
		expect(() => assertHandlerNotSubject({ category, subject_staff: subject, handler })).not.toThrow();
	});

	test.each([
		['the same id', 'u1', 'u1'],
		['the same id as number and string', 7, '7'],
	])('CMP-6: when an attitude complaint goes to its subject (%s), then a CMP-6 error names handler', (_label, subject, handler) => {
		expect(() => assertHandlerNotSubject({ category: 'attitude', subject_staff: subject, handler })).toThrow(
			expect.objectContaining({ rule: 'CMP-6', field: 'handler' }),
		);
	});
});
