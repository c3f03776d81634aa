import { describe, expect, test } from 'vitest';
import { DEFAULT_SLA_POLICIES } from './default-sla-policies';
import { selectPolicy } from './select-policy';
import type { SlaFacts } from './types';

const milestoneOf = (facts: SlaFacts, key: string) => {
	const policy = selectPolicy(facts, DEFAULT_SLA_POLICIES);
	const milestone = policy?.milestones.find((candidate) => candidate.key === key);
	if (!milestone) throw new Error(`no milestone ${key}`);
	return milestone;
};

describe('DEFAULT_SLA_POLICIES', () => {
	test.each([
		['a complaint', { collection: 'complaints' }, 'first_response', { duration_minutes: 60, clock: '24x7', fulfil_field: 'first_response_at' }],
		['a complaint', { collection: 'complaints' }, 'reply', { duration_minutes: 1440, clock: '24x7' }],
		['a complaint', { collection: 'complaints' }, 'manager_informed', { duration_minutes: 1440, escalate_to_level: 2 }],
		['a service request', { collection: 'service_requests' }, 'answer', { duration_minutes: 60, clock: '24x7' }],
		['a service request', { collection: 'service_requests' }, 'report_to_manager', { duration_minutes: 1440, escalate_to_level: 2 }],
		[
			'a service request',
			{ collection: 'service_requests' },
			'on_site',
			{ duration_working_days: 3, clock: 'business', pause_states: ['waiting_customer', 'waiting_parts'] },
		],
		[
			'a dealer task',
			{ collection: 'service_requests', is_dealer_task: true },
			'dealer_scheduled',
			{ duration_minutes: 120, start_field: 'dispatched_at', fulfil_field: 'scheduled_at', escalate_to_level: 1 },
		],
		[
			'a dealer task',
			{ collection: 'service_requests', is_dealer_task: true },
			'clerk_check',
			{ duration_minutes: 240, start_field: 'dispatched_at', fulfil_field: 'clerk_checked_at', escalate_to_level: 3, notify_roles: ['leadership', 'service_agent'] },
		],
		[
			'a warranty repair',
			{ collection: 'repair_records', coverage: 'warranty' },
			'repair_finished',
			{ duration_working_days: 30, clock: 'business', fulfil_field: 'completed_at' },
		],
		[
			'a busy-season main-part repair',
			{ collection: 'repair_records', coverage: 'warranty', busy_season: true, fault_scope: 'main_part' },
			'busy_season_fix',
			{ duration_minutes: 3 * 1440 },
		],
		[
			'a busy-season whole-machine repair',
			{ collection: 'repair_records', coverage: 'warranty', busy_season: true, fault_scope: 'whole_machine' },
			'busy_season_fix',
			{ duration_minutes: 3 * 1440 },
		],
		[
			'a busy-season wear-part repair',
			{ collection: 'repair_records', coverage: 'warranty', busy_season: true, fault_scope: 'wear_part' },
			'busy_season_fix',
			{ duration_minutes: 1440 },
		],
	] as const)('ESC-5: when %s is selected, then milestone %s has the default deadline', (_label, facts, key, expected) => {
		expect(milestoneOf(facts as SlaFacts, key)).toMatchObject(expected);
	});

	test('ESC-5: when a warranty claim is selected, then no default policy applies', () => {
		expect(selectPolicy({ collection: 'warranty_claims' }, DEFAULT_SLA_POLICIES)).toBeNull();
	});

	test('REQ-6: when a paid repair is selected, then it still gets the progress check and the promised completion', () => {
		expect(selectPolicy({ collection: 'repair_records', coverage: 'paid' }, DEFAULT_SLA_POLICIES)!.milestones.map((m) => m.key)).toEqual(['progress_check', 'promised_completion']);
	});

	test('ESC-5: when the defaults are listed, then every milestone has a Chinese and an English label', () => {
		for (const policy of DEFAULT_SLA_POLICIES) {
			for (const milestone of policy.milestones) {
				expect(milestone.label).toMatch(/[\u4e00-\u9fff]/);
				expect(milestone.label_en).toMatch(/[A-Za-z]/);
			}
		}
	});

	test('ESC-5: when a complaint leaves "received", then its first response counts as given', () => {
		const firstResponse = milestoneOf({ collection: 'complaints' }, 'first_response');
		expect(firstResponse.fulfil_states).not.toContain('received');
		expect(firstResponse.fulfil_states).toEqual(expect.arrayContaining(['contacting', 'closed', 'rejected']));
	});
});
