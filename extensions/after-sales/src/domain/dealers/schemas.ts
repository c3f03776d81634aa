/** DLR-1: a dealer's standing under its area agreement (CONTRACT.md: dealers.status). */
export const DEALER_STATUSES = ['active', 'probation', 'suspended', 'terminated'] as const;
export type DealerStatus = (typeof DEALER_STATUSES)[number];

/** Why a dealer may not file 三包 work now; null when it may. */
export type DealerStandingReason = 'suspended' | 'terminated' | 'agreement_ended' | 'unknown_status';

export interface DealerStandingFacts {
	code?: string | null;
	status: string | null;
	/** Last day of the area agreement ('YYYY-MM-DD', the calendar's date), null when open-ended. */
	agreement_end: string | null;
}

export interface DealerStanding {
	may_file: boolean;
	reason: DealerStandingReason | null;
	rule: 'DLR-1';
	status: string | null;
	agreement_end: string | null;
	message_zh: string | null;
	message_en: string | null;
}
