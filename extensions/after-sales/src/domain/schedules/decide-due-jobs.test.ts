import { describe, expect, test } from 'vitest';
import { decideDueJobs, decideMonthlyReports } from './decide-due-jobs';
import { DEFAULT_JOB_SCHEDULES, JobSchedulesSchema } from './schemas';

describe('daily jobs at their settings time (WTY-2, WTY-6, RPT-4)', () => {
	test('WTY-2: a job runs once its time of day has come, once per local day', () => {
		expect(decideDueJobs(DEFAULT_JOB_SCHEDULES, {}, { date: '2026-12-02', time: '00:05' })).toEqual([]);
		expect(decideDueJobs(DEFAULT_JOB_SCHEDULES, {}, { date: '2026-12-02', time: '00:10' })).toEqual(['unit_refresh']);
		expect(decideDueJobs(DEFAULT_JOB_SCHEDULES, { unit_refresh: '2026-12-02' }, { date: '2026-12-02', time: '23:00' })).toEqual(['parts_return_reminders', 'quality_scan']);
		expect(decideDueJobs(DEFAULT_JOB_SCHEDULES, { unit_refresh: '2026-12-02', parts_return_reminders: '2026-12-02', quality_scan: '2026-12-02' }, { date: '2026-12-02', time: '23:59' })).toEqual([]);
	});

	test('RPT-4: a server that was down at the job’s time catches up when it is back, the next day again at its time', () => {
		expect(decideDueJobs(DEFAULT_JOB_SCHEDULES, { quality_scan: '2026-11-30' }, { date: '2026-12-02', time: '09:00' })).toContain('quality_scan');
		expect(decideDueJobs(DEFAULT_JOB_SCHEDULES, { quality_scan: '2026-12-02' }, { date: '2026-12-03', time: '01:39' })).not.toContain('quality_scan');
	});

	test('WTY-6: an admin’s time is the job’s time', () => {
		const schedules = JobSchedulesSchema.parse({ parts_return_reminders: '06:30' });
		expect(decideDueJobs(schedules, { unit_refresh: '2026-12-02', quality_scan: '2026-12-02' }, { date: '2026-12-02', time: '06:29' })).toEqual([]);
		expect(decideDueJobs(schedules, { unit_refresh: '2026-12-02', quality_scan: '2026-12-02' }, { date: '2026-12-02', time: '06:30' })).toEqual(['parts_return_reminders']);
	});

	test('a schedule that is not a time, or a monthly day no month has, is refused naming it', () => {
		expect(JobSchedulesSchema.safeParse({ unit_refresh: '24:00' }).error?.issues[0]?.path).toEqual(['unit_refresh']);
		expect(JobSchedulesSchema.safeParse({ monthly_reports: { day: 31, at: '08:00' } }).error?.issues[0]?.path).toEqual(['monthly_reports', 'day']);
		expect(JobSchedulesSchema.safeParse({ nightly: '01:00' }).success).toBe(false);
	});
});

describe('monthly reports at their day and time (RPT-2, RPT-5)', () => {
	test('RPT-2: last month’s reports from the 1st at 08:00 by default, not before', () => {
		expect(decideMonthlyReports(DEFAULT_JOB_SCHEDULES, { date: '2026-12-01', time: '07:59' })).toBeNull();
		expect(decideMonthlyReports(DEFAULT_JOB_SCHEDULES, { date: '2026-12-01', time: '08:00' })).toEqual({ month: '2026-11', year: null });
		expect(decideMonthlyReports(DEFAULT_JOB_SCHEDULES, { date: '2026-12-17', time: '03:00' })).toEqual({ month: '2026-11', year: null });
	});

	test('RPT-2: in January the yearly summary of the year before goes out too', () => {
		expect(decideMonthlyReports(DEFAULT_JOB_SCHEDULES, { date: '2027-01-01', time: '09:00' })).toEqual({ month: '2026-12', year: '2026' });
	});

	test('RPT-5: another day of the month set by an admin', () => {
		const schedules = JobSchedulesSchema.parse({ monthly_reports: { day: 3, at: '10:00' } });
		expect(decideMonthlyReports(schedules, { date: '2026-12-02', time: '23:00' })).toBeNull();
		expect(decideMonthlyReports(schedules, { date: '2026-12-03', time: '09:59' })).toBeNull();
		expect(decideMonthlyReports(schedules, { date: '2026-12-03', time: '10:00' })).toEqual({ month: '2026-11', year: null });
	});
});
