import { DomainRuleError } from '../errors';
import { AGREEMENT_STATES } from './complaint-transitions';

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
		`CMP-3: agreement_file: a ${complaint.status} complaint keeps the customer's signed handling agreement (处理协议); replace the file instead of removing it`,
	);
}
