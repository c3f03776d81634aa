export {
	FOLLOW_UP_CHANNELS, FOLLOW_UP_KIND_LABELS, FOLLOW_UP_RECORD_KINDS, FOLLOW_UP_STATUSES, FollowUpLogSchema, FollowUpRulesSchema, SurveyAnswerSchema, VisitWindowSchema, EventNoticeInputSchema,
	type FollowUpLog, type FollowUpRecordKind, type FollowUpRules, type FollowUpStatus, type SurveyAnswer, type VisitWindow, type EventNoticeInput,
} from './schemas';
export { computeBusinessDate, computeDayEnd, computeDayStart } from './compute-day-bounds';
export { computeFollowUpKey, computeLowScoreNoticeKey, computeLowScoreTaskKey } from './compute-follow-up-key';
export { computeCallListEnd, computeMissedCutoff } from './compute-missed-cutoff';
export { computeSurveyToken, parseSurveyToken } from './compute-survey-token';
export { decideFollowUpLog, type FollowUpLogPlan } from './decide-follow-up-log';
export { computeSecondCallWindow, decideFollowUps, type FollowUpEvent, type FollowUpSettingsInput, type FollowUpSubject, type PlannedFollowUp } from './decide-follow-ups';
export { decideSurveyAnswer, type SurveyAnswerPlan } from './decide-survey-answer';
export { OPEN_FOLLOW_UP_STATUSES, type FollowUpFacts } from './follow-up-facts';
export { FollowUpStateError, SurveyGoneError } from './follow-up-errors';
export { computeCollectNoticeKey, decideCollectNotice, type CollectNoticeDecision, type CollectSubject } from './decide-collect-notice';
export { computeEventCallKey, computeEventLetterKey, decideEventCalls, decideEventLetter, type EventNotice } from './decide-event-follow-ups';
export { computeKeyAccountVisitKey, decideKeyAccountVisits } from './decide-key-account-visits';
export { computeCustomerMessage, type CustomerMessageFacts } from './compute-customer-message';
export { computeScheduledNoticeKey, computeVisitNoticeKey, decideVisitNotices, type ScheduledTask, type StaffNotice, type VisitNoticePlan } from './decide-visit-notices';
