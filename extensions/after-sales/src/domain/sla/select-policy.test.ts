import { describe, expect, test } from 'vitest';
import { parseSlaPolicy } from './parse-sla-policy';
import { selectPolicy } from './select-policy';
import type { SlaFacts } from './types';

const make = (name: string, priority: number, condition: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	parseSlaPolicy({
		name,
		collection: 'complaints',
		priority,
		condition,
		milestones: [{ key: 'm', label: '时限', duration_minutes: 60, clock: '24x7', fulfil_states: ['closed'], escalate_to_level: 2 }],
		...extra,
	});

const policies = [
	make('any complaint', 0, {}),
	make('serious or critical', 10, { severity: ['serious', 'critical'] }),
	make('key account', 20, { key_account: true }),
	make('quality from tier A', 30, { category: ['quality'], dealer_tier: ['A'] }),
	make('inactive top priority', 99, {}, { active: false }),
	make('another any complaint', 0, {}),
	make('service requests', 50, {}, { collection: 'service_requests' }),
];

describe('selectPolicy', () => {
	test.each([
		['a plain complaint', { collection: 'complaints' }, 'any complaint'],
		['a normal complaint', { collection: 'complaints', severity: 'normal' }, 'any complaint'],
		['a critical complaint', { collection: 'complaints', severity: 'critical' }, 'serious or critical'],
		['a critical complaint from a key account', { collection: 'complaints', severity: 'critical', key_account: true }, 'key account'],
		['a complaint with key_account false', { collection: 'complaints', key_account: false }, 'any complaint'],
		['a quality complaint from tier A', { collection: 'complaints', category: 'quality', dealer_tier: 'A' }, 'quality from tier A'],
		['a quality complaint from tier B', { collection: 'complaints', category: 'quality', dealer_tier: 'B' }, 'any complaint'],
		['a quality complaint with no dealer', { collection: 'complaints', category: 'quality', dealer_tier: null }, 'any complaint'],
		['a service request', { collection: 'service_requests' }, 'service requests'],
	] as const)('ESC-1: when %s comes in, then "%s" applies', (_label, facts, expected) => {
		expect(selectPolicy(facts as SlaFacts, policies)?.name).toBe(expected);
	});

	test('ESC-1: when two matching policies share the top priority, then the first listed wins', () => {
		const [first, second] = [make('first', 5, {}), make('second', 5, {})];
		expect(selectPolicy({ collection: 'complaints' }, [first!, second!])?.name).toBe('first');
	});

	test('ESC-1: when no policy matches, then null is returned', () => {
		expect(selectPolicy({ collection: 'warranty_claims' }, policies)).toBeNull();
		expect(selectPolicy({ collection: 'complaints' }, [])).toBeNull();
	});

	test('ESC-1: when a flag condition is false, then a record without the flag matches it', () => {
		const notDealer = make('not a dealer task', 5, { is_dealer_task: false });
		expect(selectPolicy({ collection: 'complaints' }, [notDealer])?.name).toBe('not a dealer task');
		expect(selectPolicy({ collection: 'complaints', is_dealer_task: true }, [notDealer])).toBeNull();
	});
});
