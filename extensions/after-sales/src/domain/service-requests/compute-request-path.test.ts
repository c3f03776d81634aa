import { describe, expect, test } from 'vitest';
import { computeRequestPath } from './compute-request-path';
import { findRequestTransition } from './request-transitions';
import { REQUEST_STATUSES, type RequestStatus } from './schemas';

describe('computeRequestPath (REQ-1..3)', () => {
	test.each([
		['new', undefined, ['new']],
		['answered', undefined, ['new', 'answered']],
		['scheduled', undefined, ['new', 'dispatched', 'scheduled']],
		['waiting_parts', undefined, ['new', 'dispatched', 'on_site', 'waiting_parts']],
		['closed', 'resolved', ['new', 'dispatched', 'on_site', 'resolved', 'closed']],
	] as const)('REQ-3: when a request is to reach %s (via %s), then it goes %j', (target, via, path) => {
		expect(computeRequestPath(target, via)).toEqual(path);
	});

	test('REQ-1: when any state is the target, then every step of the path is a move the workflow allows', () => {
		for (const target of REQUEST_STATUSES) {
			const path = computeRequestPath(target as RequestStatus);
			expect(path[0]).toBe('new');
			expect(path.at(-1)).toBe(target);
			for (let i = 1; i < path.length; i++) expect(findRequestTransition(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).not.toBeNull();
		}
	});
});
