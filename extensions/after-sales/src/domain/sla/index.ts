export { computeBreachLevel } from './compute-breach-level';
export { computeDeliveryTime } from './compute-delivery-time';
export { computeEscalationKey } from './compute-escalation-key';
export { computeRecordInstant } from './compute-record-instant';
export { computeSweepActions } from './compute-sweep-actions';
export { computeTimerAfterSweep } from './compute-timer-after-sweep';
export { computeMilestoneDuration, computeTimers, DEFAULT_WARN_RATIO, type ComputeTimersInput } from './compute-timers';
export { DEFAULT_SLA_POLICIES } from './default-sla-policies';
export { isMilestoneFulfilled } from './is-milestone-fulfilled';
export { isPolicyMatching } from './is-policy-matching';
export { parseSlaPolicy } from './parse-sla-policy';
export { selectPolicy } from './select-policy';
export {
	DealerTierSchema,
	EscalationLevelSchema,
	FaultScopeSchema,
	SlaCollectionSchema,
	SlaConditionSchema,
	SlaMilestoneSchema,
	SlaPolicySchema,
	type EscalationLevel,
	type FaultScope,
	type SlaCollection,
	type SlaCondition,
	type SlaMilestone,
	type SlaPolicy,
	type SlaPolicyInput,
} from './schemas';
export type { SlaFacts, SweepAction, SweepActionKind, TimerRecord, TimerRow, TimerState } from './types';
export { computeNextCheckAt } from './compute-next-check-at';
export { computeNotifyRoles, LEVEL_ROLES } from './compute-notify-roles';
export { computeEscalationRecipients, computeReassignee, type UserDirectory } from './compute-escalation-recipients';
export { computeSlaFacts, type SlaLookups } from './compute-sla-facts';
export { computeTimerKey } from './compute-timer-key';
export { decideRecordTimers, type RecordTimersDecision, type RecordTimersInput } from './decide-record-timers';
export { decideSweep } from './decide-sweep';
export { FINAL_STATES } from './final-states';
export { HANDLER_FIELD, NOTICE_HANDLER_FIELDS } from './handler-fields';
export { isTimerChanged } from './is-timer-changed';
export type { DueRecord, PlannedEscalation, PlannedLevel, PlannedTimer, StoredPolicy, StoredTimer, SweepFailure, SweepPlan } from './sweep-types';
export { applyPolicySettings, type PolicySettings } from './apply-policy-settings';
