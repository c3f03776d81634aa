import { DomainRuleError } from '../errors';
import type { LocalMessage } from '../messages';

/**
 * A dealer reaching for another dealer's record. Still a DomainRuleError (it names the rule and
 * field), but adapters should answer 403, not 400: the input is well-formed, the caller may not.
 */
export class NotOwnRecordError extends DomainRuleError {
	readonly status = 403;

	constructor(rule: string, field: string, message: string | LocalMessage) {
		super(rule, field, message);
		this.name = 'NotOwnRecordError';
	}
}
