import { describe, expect, test } from 'vitest';
import { computeAcknowledgeBody, computeAcknowledgeRequest, decideAcknowledgeView, needsResponsible, readErrorMessage, type AcknowledgeFacts } from './acknowledge';

const ME = '8f0e4a52-1111-4000-8000-000000000001';
const base: AcknowledgeFacts = { primaryKey: 12, acknowledgedAt: null, notifiedUsers: [ME], me: ME, admin: false };

describe('acknowledge button (ESC-4)', () => {
	test.each([
		['the escalation is not saved yet', { primaryKey: '+' }, 'unsaved'],
		['there is no key', { primaryKey: null }, 'unsaved'],
		['it is already acknowledged', { acknowledgedAt: '2026-03-05T06:30:00Z' }, 'acknowledged'],
		['the reader was notified', {}, 'available'],
		['the reader was notified (list stored as text)', { notifiedUsers: JSON.stringify([ME]) }, 'available'],
		['the reader was not notified', { notifiedUsers: ['someone-else'] }, 'not-notified'],
		['the list is unreadable', { notifiedUsers: '{' }, 'not-notified'],
		['nobody is signed in', { me: null }, 'not-notified'],
		['the reader is an administrator', { notifiedUsers: [], admin: true }, 'available'],
	] as const)('ESC-4: when %s, then the button shows %s', (_name, facts, view) => {
		expect(decideAcknowledgeView({ ...base, ...facts })).toBe(view);
	});

	test('ESC-4: the button posts to the pack\'s acknowledge endpoint', () => {
		expect(computeAcknowledgeRequest(12)).toEqual({ method: 'POST', path: '/after-sales/escalations/12/acknowledge' });
		expect(computeAcknowledgeRequest('a/b').path).toBe('/after-sales/escalations/a%2Fb/acknowledge');
	});

	test('INT-5: a refused request shows the message Directus gave', () => {
		expect(readErrorMessage({ response: { data: { errors: [{ message: 'Only a user who was notified' }] } } })).toBe('Only a user who was notified');
		expect(readErrorMessage(new Error('Network Error'))).toBe('Network Error');
		expect(readErrorMessage('boom')).toBe('boom');
	});

	test.each([
		['a clerk-check breach of a dealer task naming nobody', { collection: 'service_requests', milestone: 'clerk_check', kind: 'breach', responsible: null }, true],
		['a clerk-check breach already naming someone', { collection: 'service_requests', milestone: 'clerk_check', kind: 'breach', responsible: '王经理' }, false],
		['a clerk-check warning', { collection: 'service_requests', milestone: 'clerk_check', kind: 'warning', responsible: null }, false],
		['a scheduling breach', { collection: 'service_requests', milestone: 'dealer_scheduled', kind: 'breach', responsible: '' }, false],
	] as const)('DLR-2: when the escalation is %s, then the form asks for the person responsible: %s', (_name, values, asked) => {
		expect(needsResponsible(values)).toBe(asked);
	});

	test('DLR-2: the button sends the person responsible only when one is given', () => {
		expect(computeAcknowledgeBody('  王经理 ')).toEqual({ responsible: '王经理' });
		expect(computeAcknowledgeBody('  ')).toEqual({});
		expect(computeAcknowledgeBody(null)).toEqual({});
	});
});
