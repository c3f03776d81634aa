import { DomainRuleError } from '../errors';
import { AGREEMENT_STATES } from './complaint-transitions';
import { msg, state } from '../messages';

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * CMP-3: once the customer has agreed, the complaint rests on the signed handling agreement; the
 * file may be replaced but not removed while the complaint is agreed, implemented, tracked or closed.
 */
export function assertAgreementFileKept(complaint: { status: string; agreement_file: unknown }): void {
	if (!(AGREEMENT_STATES as readonly string[]).includes(complaint.status) || !isEmpty(complaint.agreement_file)) return;
	throw new DomainRuleError(
		'CMP-3',
		'agreement_file',
		msg('complaint.keeps_agreement', { status: state('complaints', 'status', complaint.status) }),
		{ collection: 'complaints' },
	);
}
