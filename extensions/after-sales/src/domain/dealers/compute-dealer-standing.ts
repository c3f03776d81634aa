import { DEALER_STATUSES, type DealerStanding, type DealerStandingFacts, type DealerStandingReason } from './schemas';

const MESSAGES: Record<DealerStandingReason, (facts: DealerStandingFacts) => [string, string]> = {
	suspended: () => ['经销商资格已暂停，暂不能登记三包维修或提交索赔', 'the dealer is suspended: it cannot log warranty repairs or submit claims'],
	terminated: () => ['经销商协议已终止，不能登记三包维修或提交索赔', 'the dealer’s agreement is terminated: it cannot log warranty repairs or submit claims'],
	agreement_ended: (f) => [`经销商协议已于 ${f.agreement_end} 到期，不能登记三包维修或提交索赔`, `the dealer’s area agreement ended on ${f.agreement_end}: it cannot log warranty repairs or submit claims`],
	unknown_status: (f) => [`经销商状态 ${String(f.status)} 无效`, `the dealer’s status ${JSON.stringify(f.status)} is not one of ${DEALER_STATUSES.join(', ')}`],
};

/**
 * DLR-1: whether a dealer may log repairs and file claims on `today` (the business calendar's date,
 * CAL-3). Dealers work under an area agreement: a suspended or terminated dealer, or one whose
 * agreement ended before today, files nothing; active and probation dealers do. The end date is
 * the agreement's last valid day.
 */
export function computeDealerStanding(facts: DealerStandingFacts, today: string): DealerStanding {
	const status = facts.status ?? 'active';
	let reason: DealerStandingReason | null = null;
	if (status === 'suspended' || status === 'terminated') reason = status;
	else if (!(DEALER_STATUSES as readonly string[]).includes(status)) reason = 'unknown_status';
	else if (facts.agreement_end && facts.agreement_end < today) reason = 'agreement_ended';
	const [zh, en] = reason ? MESSAGES[reason](facts) : [null, null];
	return { may_file: reason === null, reason, rule: 'DLR-1', status: facts.status, agreement_end: facts.agreement_end, message_zh: zh, message_en: en };
}
