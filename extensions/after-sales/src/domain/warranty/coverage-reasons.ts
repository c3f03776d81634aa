import type { FaultCause } from './schemas';

export const COVERAGE_REASON_CODES = ['card_missing', 'card_late', 'expired', 'main_parts_expired', 'excluded_cause', 'customer_supplied_part', 'over_scope'] as const;
export type CoverageReasonCode = (typeof COVERAGE_REASON_CODES)[number];

export interface CoverageReason {
	code: CoverageReasonCode;
	rule: string;
	message_zh: string;
	message_en: string;
	cause?: FaultCause;
}

/** Causes the company does not answer for (003 (二)4); labels shown to dealers and staff. */
export const EXCLUDED_CAUSE_LABELS: Record<Exclude<FaultCause, 'normal' | 'customer_supplied_part'>, { zh: string; en: string }> = {
	misuse: { zh: '使用不当', en: 'misuse' },
	accident: { zh: '意外事故', en: 'accident' },
	unauthorised_disassembly: { zh: '擅自拆卸', en: 'unauthorised disassembly' },
	non_design_fault: { zh: '非产品设计、制造、质量问题', en: 'not a design, manufacturing or quality fault' },
};
