export { computeDueReminders, type DueReminder, type ReturnBatch } from './compute-due-reminders';
export { computeNextReturnDeadline } from './compute-next-return-deadline';
export { computeReturnBatchKey } from './compute-return-batch-key';
export { isReturnedOnTime } from './is-returned-on-time';
export { PartsReturnSettingsSchema, type PartsReturnSettings } from './schemas';
