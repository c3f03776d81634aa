export { assertQuoteRespected } from './assert-quote-respected';
export { computeCardStatus, type CardState, type CardStatus } from './compute-card-status';
export { computeCertificateReissueDue } from './compute-certificate-reissue-due';
export { DEFAULT_REGULATION_SETTINGS, parseRegulationSettings, RegulationProfileRulesSettingSchema, RegulationProfilesSettingSchema, type RegulationSettings } from './parse-regulation-settings';
export { decideCardRegistration, decideCardReview, type CardRegistrationFacts, type CardRegistrationPlan, type CardReviewFacts } from './decide-card-registration';
export { computeCoverage, type CoverageAnswer, type CoverageInput } from './compute-coverage';
export { computeDatePlusDays } from './compute-date-plus-days';
export { computeDatePlusMonths } from './compute-date-plus-months';
export { computeDaysBetween } from './compute-days-between';
export { computeDowntimeDays, type DowntimeRepair } from './compute-downtime-days';
export { computeLocalDate } from './compute-local-date';
export { computeNextRemedy, type NextRemedy, type RemedyHistoryEntry } from './compute-next-remedy';
export { computeRegulationProfile } from './compute-regulation-profile';
export { computeRepeatOf, type CompletedRepair, type RepeatCandidate } from './compute-repeat-of';
export { computeServiceMode, type ServiceMode } from './compute-service-mode';
export { computeWarrantyEnd, type WarrantyEndInput } from './compute-warranty-end';
export { computeWarrantyPeriods, type WarrantyPeriods, type WarrantyPeriodsInput } from './compute-warranty-periods';
export { computeWarrantyStatus, type WarrantyStatus, type WarrantyStatusInput } from './compute-warranty-status';
export { COVERAGE_REASON_CODES, EXCLUDED_CAUSE_LABELS, type CoverageReason, type CoverageReasonCode } from './coverage-reasons';
export { formatCalendarDate } from './format-calendar-date';
export { isSameFaultCategory } from './is-same-fault-category';
export { parseCalendarDate, type CalendarDateParts } from './parse-calendar-date';
export {
	AGRICULTURAL_CATEGORIES,
	DEFAULT_REGULATION_PROFILE,
	REGULATION_PROFILE_RULES,
	REGULATION_PROFILES,
	type RegulationProfileKey,
} from './regulation-profiles';
export {
	CalendarDateSchema,
	FAULT_CAUSES,
	FAULT_SCOPES,
	FaultSchema,
	QuoteCheckSchema,
	REMEDIES,
	REPAIR_COVERAGES,
	RegulationProfileRuleSchema,
	RegulationProfileSchema,
	RemedySchema,
	TimeZoneSchema,
	WarrantySettingsSchema,
	type Fault,
	type FaultCause,
	type FaultScope,
	type RegulationProfile,
	type RegulationProfileRule,
	type Remedy,
	type RepairCoverage,
	type WarrantySettings,
} from './schemas';
export { BusySeasonSchema, BusySeasonsSchema, computeBusySeason, type BusySeason } from './compute-busy-season';
