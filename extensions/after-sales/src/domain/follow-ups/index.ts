export { computeFollowUpSchedule, type FollowUpDue, type FollowUpScheduleInput } from './compute-follow-up-schedule';
export { FOLLOW_UP_KINDS, FollowUpSettingsSchema, type FollowUpKind, type FollowUpSettings } from './schemas';
