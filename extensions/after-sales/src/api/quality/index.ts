// RPT-4: the daily recurring-problem sweep. Registered from hook.ts.
import type { PackContext } from '../lib/context';
import { runQualityScan } from './scan';

type Register = { schedule: (cron: string, handler: () => unknown) => void };

export function registerQualityHooks(register: Register, ctx: PackContext) {
	register.schedule('40 1 * * *', async () => {
		try {
			const result = await runQualityScan(ctx, new Date());
			if (result.raised > 0) ctx.logger.info(`RPT-4: ${result.raised} quality alert(s) raised, ${result.notified} notification(s)`);
		} catch (error) {
			ctx.logger.error(error, 'RPT-4 quality scan failed');
		}
	});
}

export { runQualityScan, type ScanResult } from './scan';
