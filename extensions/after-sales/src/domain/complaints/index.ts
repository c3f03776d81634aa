export { assertAgreementFileKept } from './assert-agreement-file-kept';
export { assertComplaintCreate } from './assert-complaint-create';
export { assertComplaintTransition, type ComplaintTransitionRequest } from './assert-complaint-transition';
export { assertHandlerNotSubject, type HandlerAssignment } from './assert-handler-not-subject';
export {
	AGREEMENT_STATES,
	COMPLAINT_TRANSITIONS,
	HANDLER_ROLES,
	type ComplaintFileField,
	type ComplaintTransition,
	type TransitionActor,
} from './complaint-transitions';
export { computeComplaintKind, type ComplaintForRepeats } from './compute-complaint-kind';
export { computeInitialHandlingLevel, DEFAULT_SEVERITY_LEVELS } from './compute-initial-handling-level';
export { computeRepeatedComplaintGroups, type RepeatedComplaintGroup } from './compute-repeated-complaint-groups';
export { computeTransitionRoles } from './compute-transition-roles';
export { isRepeatedComplaint } from './is-repeated-complaint';
export {
	COMPLAINT_CATEGORIES,
	COMPLAINT_SEVERITIES,
	COMPLAINT_STATUSES,
	ComplaintCategorySchema,
	ComplaintCreateSchema,
	ComplaintSeveritySchema,
	ComplaintStatusSchema,
	ROLE_KEYS,
	SeverityLevelsSchema,
	type SeverityLevels,
	type ComplaintCategory,
	type ComplaintCreate,
	type ComplaintSeverity,
	type ComplaintStatus,
	type HandlingLevel,
	type RoleKey,
} from './schemas';
export { decideLevelChange, LEVEL_RAISING_ROLES } from './decide-level-change';
export { assertPreventiveAction, decideRepeatedComplaint, type RepeatDecision, type RepeatSettings } from './decide-repeated-complaint';
