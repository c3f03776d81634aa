import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { parseSlaPolicy } from './parse-sla-policy';

const milestone = (overrides: Record<string, unknown> = {}) => ({
	key: 'first_response',
	label: '首次响应',
	duration_minutes: 60,
	clock: '24x7',
	fulfil_states: ['contacting'],
	escalate_to_level: 2,
	...overrides,
});

const policy = (overrides: Record<string, unknown> = {}) => ({
	name: 'Complaints',
	collection: 'complaints',
	milestones: [milestone()],
	...overrides,
});

const fieldOf = (input: unknown): unknown => {
	try {
		parseSlaPolicy(input);
	} catch (error) {
		expect(error).toBeInstanceOf(DomainRuleError);
		expect(error).toMatchObject({ rule: 'ESC-1' });
		expect((error as Error).message).toMatch(/^ESC-1: /);
		return (error as DomainRuleError).field;
	}

	return 'no error';
};

describe('parseSlaPolicy', () => {
	test('ESC-1: when optional settings are left out, then the documented defaults are filled in', () => {
		const parsed = parseSlaPolicy(policy());

		expect(parsed).toMatchObject({ priority: 0, active: true, condition: {} });
		// ESC-3: no warn_ratio of its own: the 预警点 setting decides (applyPolicySettings).
		expect(parsed.milestones[0]!.warn_ratio).toBeUndefined();
		expect(parsed.milestones[0]).toMatchObject({
			start_field: 'received_at',
			warn: true,
			pause_states: [],
			notify_roles: [],
		});
	});

	test('ESC-1: when the policy row carries Directus bookkeeping fields, then they are ignored', () => {
		expect(parseSlaPolicy({ ...policy(), id: 7, date_created: '2026-01-01' })).not.toHaveProperty('id');
	});

	test.each([
		['an empty name', policy({ name: '' }), 'name'],
		['an unknown collection', policy({ collection: 'orders' }), 'collection'],
		['a fractional priority', policy({ priority: 1.5 }), 'priority'],
		['no milestones', policy({ milestones: [] }), 'milestones'],
		['a misspelt condition key', policy({ condition: { severty: ['critical'] } }), 'condition.severty'],
		['an unknown dealer tier', policy({ condition: { dealer_tier: ['D'] } }), 'condition.dealer_tier.0'],
		['an empty condition list', policy({ condition: { severity: [] } }), 'condition.severity'],
		['a non-boolean flag', policy({ condition: { key_account: 'yes' } }), 'condition.key_account'],
		['an unknown fault scope', policy({ condition: { fault_scope: ['engine'] } }), 'condition.fault_scope.0'],
		['a zero duration', policy({ milestones: [milestone(), milestone({ key: 'reply', duration_minutes: 0 })] }), 'milestones.1.duration_minutes'],
		['a negative duration', policy({ milestones: [milestone({ duration_minutes: -5 })] }), 'milestones.0.duration_minutes'],
		['a duration as text', policy({ milestones: [milestone({ duration_minutes: '60' })] }), 'milestones.0.duration_minutes'],
		['an unknown clock', policy({ milestones: [milestone({ clock: 'weekly' })] }), 'milestones.0.clock'],
		['a key that is not a slug', policy({ milestones: [milestone({ key: 'First Response' })] }), 'milestones.0.key'],
		['a duplicated key', policy({ milestones: [milestone(), milestone()] }), 'milestones.1.key'],
		['a warn ratio of 1', policy({ milestones: [milestone({ warn_ratio: 1 })] }), 'milestones.0.warn_ratio'],
		['a warn ratio of 0', policy({ milestones: [milestone({ warn_ratio: 0 })] }), 'milestones.0.warn_ratio'],
		['an escalation to level 4', policy({ milestones: [milestone({ escalate_to_level: 4 })] }), 'milestones.0.escalate_to_level'],
		['nothing that fulfils it', policy({ milestones: [milestone({ fulfil_states: [] })] }), 'milestones.0.fulfil_states'],
		[
			'a state that both fulfils and pauses',
			policy({ milestones: [milestone({ pause_states: ['waiting', 'contacting'] })] }),
			'milestones.0.pause_states.1',
		],
		['a start field that is not a field name', policy({ milestones: [milestone({ start_field: 'received at' })] }), 'milestones.0.start_field'],
		['an unknown milestone key', policy({ milestones: [milestone({ durations: 5 })] }), 'milestones.0.durations'],
		['no label', policy({ milestones: [milestone({ label: ' ' })] }), 'milestones.0.label'],
	])('ESC-1: when a policy has %s, then the ESC-1 error names %s', (_label, input, field) => {
		expect(fieldOf(input)).toBe(field);
	});

	test('ESC-1: when the input is not an object, then an ESC-1 error without a field is thrown', () => {
		expect(fieldOf('nonsense')).toBeNull();
	});

	test('ESC-1: when a milestone is met only by a field, then no fulfil state is needed', () => {
		expect(() =>
			parseSlaPolicy(policy({ milestones: [milestone({ fulfil_states: [], fulfil_field: 'first_response_at' })] })),
		).not.toThrow();
	});
});
