import type { RejectionReasonKey } from './schemas';

/** WTY-7: every rejection (whole claim or one line) carries one of these codes. */
export const REJECTION_REASONS: Record<RejectionReasonKey, { rule: string; label_zh: string; label_en: string }> = {
	card_late: { rule: 'WTY-2', label_zh: '三包回执卡未按时返回', label_en: 'warranty card missing or late' },
	out_of_warranty: { rule: 'WTY-3', label_zh: '超出三包期或非三包修理', label_en: 'out of warranty' },
	excluded_cause: { rule: 'WTY-3', label_zh: '非三包责任故障', label_en: 'excluded cause' },
	parts_not_returned: { rule: 'WTY-5', label_zh: '旧件未返回', label_en: 'old parts not returned' },
	missing_signature: { rule: 'WTY-5', label_zh: '三包修理记录无用户签字', label_en: 'repair record not signed by the customer' },
	duplicate: { rule: 'WTY-7', label_zh: '重复索赔', label_en: 'duplicate claim' },
	over_scope: { rule: 'WTY-4', label_zh: '超出三包服务范围', label_en: 'beyond the warranty scope' },
	over_quote: { rule: 'WTY-7', label_zh: '费用超出标准', label_en: 'cost above the standard rate' },
};
