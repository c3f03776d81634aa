// Issue #11 item 1: the pack's daily jobs run at the times of `service_settings.job_schedules`, in
// the business calendar's time zone, instead of fixed server-time crons. One ticker per instance
// looks every minute; each job runs once per local day from its time on (a server down at that
// time catches up when it is back). The jobs are idempotent (notices and markings are keyed), so
// two instances running the same day's job change nothing twice.
import { formatLocalInstant } from '../../domain/calendar';
import { decideDueJobs, type DailyJob } from '../../domain/schedules';
import { refreshAllUnits } from '../hooks/units';
import type { PackContext } from '../lib/context';
import { runQualityScan } from '../quality';
import { loadSettings } from '../services/settings';
import { runPartsReturnJob } from '../warranty/parts-returns';

type Register = { schedule: (cron: string, handler: () => unknown) => void };

const JOBS: Record<DailyJob, { rule: string; run: (ctx: PackContext, now: Date) => Promise<unknown> }> = {
	unit_refresh: { rule: 'WTY-2', run: (ctx, now) => refreshAllUnits(ctx, now) },
	parts_return_reminders: { rule: 'WTY-6', run: (ctx, now) => runPartsReturnJob(ctx, now) },
	quality_scan: {
		rule: 'RPT-4',
		run: async (ctx, now) => {
			const result = await runQualityScan(ctx, now);
			if (result.raised > 0) ctx.logger.info(`RPT-4: ${result.raised} quality alert(s) raised, ${result.notified} notification(s)`);
		},
	},
};

/** Runs the daily jobs that are due at `now`; returns the ones that ran. `lastRun` is updated for each success. */
export async function runDueJobs(ctx: PackContext, now: Date, lastRun: Partial<Record<DailyJob, string>>): Promise<DailyJob[]> {
	const settings = await loadSettings(ctx.database);
	const [date, time] = formatLocalInstant(now, settings.calendar.timezone).split(' ') as [string, string];
	const moment = { date, time };
	const ran: DailyJob[] = [];
	for (const job of decideDueJobs(settings.schedules, lastRun, moment)) {
		try {
			await JOBS[job].run(ctx, now);
			lastRun[job] = moment.date;
			ran.push(job);
		} catch (error) {
			// Retried at the next tick; one failing job does not hold the others back.
			ctx.logger.error(`[after-sales] ${JOBS[job].rule}: the daily job ${job} failed, retried in a minute: ${(error as Error).message}`);
		}
	}
	return ran;
}

export function registerJobSchedules(register: Register, ctx: PackContext) {
	// AFTER_SALES_SWEEP_CRON=off: something else drives the pack's clock (the integration tests do), so the daily jobs stay off too.
	const cron = String(ctx.env['AFTER_SALES_SWEEP_CRON'] ?? '* * * * *').trim();
	if (cron === 'off' || cron === 'false') return;
	const lastRun: Partial<Record<DailyJob, string>> = {};
	let running = false;
	register.schedule('* * * * *', async () => {
		if (running) return;
		running = true;
		try {
			await runDueJobs(ctx, new Date(), lastRun);
		} catch (error) {
			ctx.logger.error(`[after-sales] the daily jobs could not read the settings: ${(error as Error).message}`);
		} finally {
			running = false;
		}
	});
}
