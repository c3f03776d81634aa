import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { assertAgreementFileKept } from './assert-agreement-file-kept';
import { assertComplaintTransition, type ComplaintTransitionRequest } from './assert-complaint-transition';
import { COMPLAINT_TRANSITIONS } from './complaint-transitions';
import { computeTransitionRoles } from './compute-transition-roles';
import { COMPLAINT_STATUSES } from './schemas';

const errorOf = (request: ComplaintTransitionRequest): DomainRuleError | null => {
	try {
		assertComplaintTransition(request);
		return null;
	} catch (error) {
		expect(error).toBeInstanceOf(DomainRuleError);
		return error as DomainRuleError;
	}
};

describe('assertComplaintTransition', () => {
	test.each([
		['received', 'contacting', 'service_agent', 1],
		['contacting', 'analysing', 'service_agent', 1],
		['analysing', 'proposed', 'service_agent', 1],
		['analysing', 'proposed', 'technical_dept', 2],
		['proposed', 'approved', 'service_manager', 1],
		['proposed', 'approved', 'service_manager', 2],
		['proposed', 'approved', 'leadership', 1],
		['proposed', 'approved', 'leadership', 3],
		['approved', 'agreed', 'service_agent', 1],
		['agreed', 'implementing', 'technician', 1],
		['implementing', 'tracking', 'technician', 2],
		['tracking', 'closed', 'service_agent', 1],
		['proposed', 'analysing', 'service_manager', 1],
		['approved', 'analysing', 'service_agent', 1],
		['tracking', 'analysing', 'service_agent', 1],
		['proposed', 'approved', 'admin', 3],
		['received', 'received', 'dealer', 1],
	] as const)('CMP-3: when %s → %s is made by %s at level %i, then it is allowed', (from, to, role, level) => {
		expect(errorOf({ from, to, role, level, files: { agreement_file: 'f0e1d2c3-0000-4000-8000-000000000001' } })).toBeNull();
	});

	test.each([
		['no file at all', undefined],
		['an emptied file', { agreement_file: null }],
		['a blank id', { agreement_file: '  ' }],
	] as const)('CMP-3: when approved → agreed is asked with %s, then a CMP-3 error names agreement_file', (_label, files) => {
		const error = errorOf({ from: 'approved', to: 'agreed', role: 'service_agent', level: 1, ...(files ? { files } : {}) });
		expect(error).toMatchObject({ rule: 'CMP-3', field: 'agreement_file' });
		expect(error?.message).toMatch(/^CMP-3: agreement_file: .*处理协议/);
	});

	test('CMP-3: when a role that may not make the step asks without the file, then the role is named first', () => {
		expect(errorOf({ from: 'approved', to: 'agreed', role: 'technician', level: 1 })).toMatchObject({ rule: 'CMP-3', field: 'status' });
	});

	test.each([
		['agreed', null, true],
		['implementing', '', true],
		['tracking', undefined, true],
		['closed', null, true],
		['approved', null, false],
		['analysing', null, false],
		['agreed', 'f0e1d2c3-0000-4000-8000-000000000001', false],
	] as const)('CMP-3: when a %s complaint holds agreement file %j, then removing it is refused: %s', (status, agreement_file, refused) => {
		let error: unknown = null;
		try {
			assertAgreementFileKept({ status, agreement_file });
		} catch (e) {
			error = e;
		}
		if (refused) expect(error).toMatchObject({ rule: 'CMP-3', field: 'agreement_file' });
		else expect(error).toBeNull();
	});

	test.each([
		['received', 'rejected', 'service_manager', 1],
		['contacting', 'rejected', 'leadership', 2],
		['analysing', 'rejected', 'service_manager', 2],
		['proposed', 'rejected', 'leadership', 3],
	] as const)('CMP-3: when %s → %s is made by %s at level %i with a reason, then it is allowed', (from, to, role, level) => {
		expect(errorOf({ from, to, role, level, reason: '非我司产品 / not our product' })).toBeNull();
	});

	test.each([
		['skipping contact', { from: 'received', to: 'analysing', role: 'service_agent', level: 1 }, 'status', /CMP-3.*received to analysing/],
		['skipping approval', { from: 'proposed', to: 'agreed', role: 'admin', level: 1 }, 'status', /CMP-3.*proposed to agreed/],
		['reopening a closed complaint', { from: 'closed', to: 'tracking', role: 'admin', level: 1 }, 'status', /closed is final/],
		['reviving a rejected complaint', { from: 'rejected', to: 'received', role: 'admin', level: 1 }, 'status', /rejected is final/],
		['rejecting after approval', { from: 'approved', to: 'rejected', role: 'leadership', level: 1, reason: 'x' }, 'status', /approved to rejected/],
		['an agent approving', { from: 'proposed', to: 'approved', role: 'service_agent', level: 1 }, 'status', /role service_agent.*proposed to approved/],
		['a manager approving at level 3', { from: 'proposed', to: 'approved', role: 'service_manager', level: 3 }, 'status', /level-3.*allowed: admin, leadership/],
		['a technician contacting', { from: 'received', to: 'contacting', role: 'technician', level: 1 }, 'status', /role technician/],
		['a dealer closing', { from: 'tracking', to: 'closed', role: 'dealer', level: 1 }, 'status', /role dealer/],
		['a manager sending back at level 3', { from: 'proposed', to: 'analysing', role: 'service_manager', level: 3 }, 'status', /role service_manager/],
		['an unknown target', { from: 'received', to: 'done', role: 'admin', level: 1 }, 'status', /'done' is not a complaint status/],
		['an unknown origin', { from: 'open', to: 'contacting', role: 'admin', level: 1 }, 'status', /'open' is not/],
		['a rejection without reason', { from: 'received', to: 'rejected', role: 'service_manager', level: 1 }, 'rejection_reason', /needs a reason/],
		['a rejection with a blank reason', { from: 'analysing', to: 'rejected', role: 'leadership', level: 2, reason: '  ' }, 'rejection_reason', /received|analysing → rejected/],
		['an agent rejecting', { from: 'received', to: 'rejected', role: 'service_agent', level: 1, reason: 'x' }, 'status', /role service_agent/],
	] as const)('CMP-3: when %s, then a CMP-3 error names %s', (_label, request, field, message) => {
		const error = errorOf(request as ComplaintTransitionRequest);
		expect(error).toMatchObject({ rule: 'CMP-3', field });
		expect(error?.message).toMatch(/^CMP-3: /);
		expect(error?.message).toMatch(message);
	});

	test('CMP-3: when any two different states are tried by an admin, then only the listed transitions pass', () => {
		for (const from of COMPLAINT_STATUSES) {
			for (const to of COMPLAINT_STATUSES) {
				if (from === to) continue;
				const listed = COMPLAINT_TRANSITIONS.some((transition) => transition.from === from && transition.to === to);
				const error = errorOf({ from, to, role: 'admin', level: 1, reason: 'reason', files: { agreement_file: 'file' } });
				expect(error === null, `${from} → ${to}`).toBe(listed);
			}
		}
	});

	test('CMP-3: when a complaint walks the whole workflow, then every step is accepted', () => {
		const path = ['received', 'contacting', 'analysing', 'proposed', 'approved', 'agreed', 'implementing', 'tracking', 'closed'];
		const actors = ['service_agent', 'service_agent', 'service_agent', 'service_manager', 'service_agent', 'service_agent', 'service_agent', 'service_agent'];

		path.slice(1).forEach((to, index) => {
			expect(errorOf({ from: path[index]!, to, role: actors[index]!, level: 2, files: { agreement_file: 'file' } })).toBeNull();
		});
	});

	test('CMP-5: when approval roles are listed per level, then level 3 needs leadership', () => {
		expect(computeTransitionRoles('proposed', 'approved', 1)).toEqual(['admin', 'service_manager', 'leadership']);
		expect(computeTransitionRoles('proposed', 'approved', 2)).toEqual(['admin', 'service_manager', 'leadership']);
		expect(computeTransitionRoles('proposed', 'approved', 3)).toEqual(['admin', 'leadership']);
		expect(computeTransitionRoles('received', 'closed', 1)).toBeNull();
	});
});
