import { DomainRuleError } from '../errors';
import type { DealerStandingReason } from './schemas';
import type { LocalMessage } from '../messages';

/**
 * DLR-1: a well-formed request from (or for) a dealer that may not file now. Adapters answer 403
 * with `extensions.standing` naming the reason (suspended / terminated / agreement_ended).
 */
export class DealerStandingError extends DomainRuleError {
	readonly status = 403;

	constructor(
		public standing: DealerStandingReason,
		message: string,
		text?: LocalMessage,
	) {
		super('DLR-1', 'dealer', message, text ? { text } : {});
		this.name = 'DealerStandingError';
	}
}
