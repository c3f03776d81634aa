import { computeDealerStanding } from './compute-dealer-standing';
import { DealerStandingError } from './dealer-standing-error';
import type { DealerStandingFacts } from './schemas';
import { msg } from '../messages';

/** DLR-1: throws (403, naming the reason) unless the dealer may log repairs and file claims on `today`. */
export function assertDealerMayFile(facts: DealerStandingFacts, today: string, action: string): void {
	const standing = computeDealerStanding(facts, today);
	if (standing.may_file) return;
	const who = facts.code ? `dealer ${facts.code}` : 'the dealer';
	throw new DealerStandingError(standing.reason!, `DLR-1: dealer: ${who} may not ${action} (${standing.reason}): ${standing.message_en} / ${standing.message_zh}`, msg('dealer.standing', { detail: standing.message_zh ?? '' }));
}
