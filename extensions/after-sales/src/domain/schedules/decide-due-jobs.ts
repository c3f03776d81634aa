import { DAILY_JOBS, type DailyJob, type JobSchedules } from './schemas';

/** A local moment of the business calendar: its date key (YYYY-MM-DD) and time (HH:MM). */
export interface LocalMoment {
	date: string;
	time: string;
}

/**
 * The daily jobs to run now: those whose time of day has come and that have not run on this local
 * date. `lastRun` holds the local date each job last ran (absent: never, so a job whose time has
 * passed today runs at once — a server down at 00:10 catches up when it starts).
 */
export function decideDueJobs(schedules: JobSchedules, lastRun: Partial<Record<DailyJob, string>>, now: LocalMoment): DailyJob[] {
	return DAILY_JOBS.filter((job) => now.time >= schedules[job] && (lastRun[job] ?? '') < now.date);
}

/** The reports the monthly run sends at `now`: last month's, and in January also last year's summary; null before their day and time. */
export function decideMonthlyReports(schedules: JobSchedules, now: LocalMoment): { month: string; year: string | null } | null {
	const { day, at } = schedules.monthly_reports;
	const today = Number(now.date.slice(8, 10));
	if (today < day || (today === day && now.time < at)) return null;
	const year = Number(now.date.slice(0, 4));
	const month = Number(now.date.slice(5, 7));
	const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
	return { month: previous, year: month === 1 ? String(year - 1) : null };
}
