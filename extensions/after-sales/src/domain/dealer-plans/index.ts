// DLR-3: dealers' spare-parts plans, due a lead time before each sales season.
export { computePlanNotices, type DealerPlanFacts, type PlanNotice } from './compute-plan-notices';
export { decidePartsPlanFiling, type PartsPlanFilingFacts } from './decide-parts-plan-filing';
export { PartsPlanInputSchema, PartsPlanLineSchema, PartsPlanSettingsSchema, type PartsPlan, type PartsPlanInput, type PartsPlanSettings } from './schemas';
