// Schedules of the pack's own jobs (issue #11 item 1): daily jobs and the monthly reports, in the calendar's zone.
export { decideDueJobs, decideMonthlyReports, type LocalMoment } from './decide-due-jobs';
export { DAILY_JOBS, DEFAULT_JOB_SCHEDULES, JobSchedulesSchema, JobTimeSchema, type DailyJob, type JobSchedules } from './schemas';
