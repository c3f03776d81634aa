import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { decideLevelChange } from './index';

const base = { stored: { handling_level: 1, severity: 'normal' }, changes_status: false, roles: ['service_manager'], admin: false };
const outcome = (input: Partial<Parameters<typeof decideLevelChange>[0]>) => {
	try {
		return decideLevelChange({ ...base, requested: {}, ...input });
	} catch (error) {
		return error instanceof DomainRuleError ? `${error.rule}:${error.field}` : String(error);
	}
};

describe('decideLevelChange (CMP-5, ESC-2)', () => {
	test.each<[string, Partial<Parameters<typeof decideLevelChange>[0]>, unknown]>([
		['a manager raises L1 to L2', { requested: { handling_level: 2 } }, { handling_level: 2 }],
		['a manager lowers L3 to L1', { stored: { handling_level: 3, severity: 'critical' }, requested: { handling_level: 1 } }, 'ESC-2:handling_level'],
		['an agent raises the level', { roles: ['service_agent'], requested: { handling_level: 2 } }, 'ESC-2:handling_level'],
		['the level is sent with a status change', { changes_status: true, requested: { handling_level: 2 } }, 'CMP-5:handling_level'],
		['an agent lowers severity', { roles: ['service_agent'], stored: { handling_level: 3, severity: 'critical' }, requested: { severity: 'normal' } }, 'ESC-2:severity'],
		['a manager lowers severity', { stored: { handling_level: 3, severity: 'critical' }, requested: { severity: 'normal' } }, 'CMP-5:severity'],
		['a manager raises severity to critical: the level follows', { requested: { severity: 'critical' } }, { severity: 'critical', handling_level: 3 }],
		['the same level is sent back unchanged', { requested: { handling_level: 1 }, roles: ['service_agent'] }, {}],
		['level 7', { requested: { handling_level: 7 } }, 'ESC-2:handling_level'],
		['an administrator raises to L3', { admin: true, roles: [], requested: { handling_level: 3 } }, { handling_level: 3 }],
	])('CMP-5: when %s, then %j', (_label, input, expected) => {
		expect(outcome(input)).toEqual(expected);
	});
});
