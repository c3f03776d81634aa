import { z } from 'zod';
import { MoneyInputSchema } from '../money';
import { parseCalendarDate } from './parse-calendar-date';

function isCalendarDate(value: string): boolean {
	try {
		parseCalendarDate(value);
		return true;
	} catch {
		return false;
	}
}

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

export const CalendarDateSchema = z.string().refine(isCalendarDate, { message: 'must be a calendar date YYYY-MM-DD' });

export const TimeZoneSchema = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' });

/** Admin-editable numbers behind WTY-2 and REQ-8 (RULES.md: every number is a default). */
export const WarrantySettingsSchema = z.object({
	card_deadline_days: z.number().int().min(0).default(20),
	repeat_repair_window_days: z.number().int().min(1).default(90),
	timezone: TimeZoneSchema.default('Asia/Shanghai'),
});
export type WarrantySettings = z.output<typeof WarrantySettingsSchema>;

export const REMEDIES = ['repair', 'main_part_replacement', 'machine_replacement', 'refund'] as const;
export const RemedySchema = z.enum(REMEDIES);
export type Remedy = z.output<typeof RemedySchema>;

export const FAULT_SCOPES = ['whole_machine', 'main_part', 'wear_part'] as const;
export type FaultScope = (typeof FAULT_SCOPES)[number];

export const FAULT_CAUSES = ['normal', 'misuse', 'accident', 'unauthorised_disassembly', 'non_design_fault', 'customer_supplied_part'] as const;
export type FaultCause = (typeof FAULT_CAUSES)[number];

export const FaultSchema = z.object({
	category: z.string().trim().min(1),
	scope: z.enum(FAULT_SCOPES).default('whole_machine'),
	cause: z.enum(FAULT_CAUSES).default('normal'),
	/** A serious fault (严重质量问题) climbs the remedy ladder; unset means any non-wear-part fault. */
	serious: z.boolean().optional(),
});
export type Fault = z.input<typeof FaultSchema>;

export const REPAIR_COVERAGES = ['warranty', 'paid', 'contract', 'goodwill', 'dealer_expense'] as const;
/** WTY-2, WTY-4: statutory work the customer gets free: under warranty, or at the dealer's expense. */
export const STATUTORY_COVERAGES: readonly string[] = ['warranty', 'dealer_expense'];
export type RepairCoverage = (typeof REPAIR_COVERAGES)[number];

/** A regulation profile as admins may supply it in settings; the built-in ones are REGULATION_PROFILES. */
export const RegulationProfileSchema = z.object({
	key: z.string().min(1),
	name_zh: z.string(),
	name_en: z.string(),
	/** Statutory floor on the whole-machine period; a product configured below it still gets the floor. */
	min_whole_machine_months: z.number().int().min(0).nullable(),
	serious_faults_only: z.boolean(),
	/** Remedies open right after the sale regardless of repair history, strongest first. */
	early_remedies: z.array(z.object({ within_days: z.number().int().min(0), remedy: RemedySchema })),
	/** Each step: once `count` remedies of kind `after` were given for the same fault, `remedy` is next. */
	ladder: z.array(z.object({ remedy: RemedySchema, after: RemedySchema, count: z.number().int().min(1) })),
});
export type RegulationProfile = z.output<typeof RegulationProfileSchema>;

export const RegulationProfileRuleSchema = z.object({
	/** Lower-case categories; null matches a product without a category. */
	categories: z.array(z.string().nullable()).nullable(),
	sold_from: CalendarDateSchema.nullable(),
	profile: z.string().min(1),
});
export type RegulationProfileRule = z.output<typeof RegulationProfileRuleSchema>;

export const QuoteCheckSchema = z.object({
	quoted_total: MoneyInputSchema,
	actual_total: MoneyInputSchema,
	customer_consented_extra: z.boolean().default(false),
});
