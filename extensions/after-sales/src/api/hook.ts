import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from './cli';
import { registerClaimAdapters, registerFreezeHooks } from './claims';
import { registerDealerStandingHooks, registerRatingHooks } from './dealers';
import { registerFollowUpHooks } from './follow-ups';
import { registerArchiveHooks } from './hooks/archive';
import { registerIntegrityHooks } from './integrity/register-integrity-hooks';
import { registerLevelHooks } from './integrity/register-level-hooks';
import { unfreezeFolderQueries } from './integrity/register-platform-fixes';
import { registerUnitHooks } from './hooks/units';
import type { PackContext } from './lib/context';
import { registerErrorLanguage } from './lib/error-language';
import { registerJobSchedules } from './schedules/register-job-schedules';
import { claimPackCopy, ownRoot } from './lib/single-copy';
import { registerRequestHooks } from './service-requests';
import { registerSettingsHooks } from './settings/register-settings-hooks';
import { registerStudioHooks } from './install/provision-studio';
import { registerSlaHooks } from './sla';
import { registerWarrantyHooks } from './warranty';

export default defineHook((register, context) => {
	const ctx = context as unknown as PackContext;
	// Installed twice (folder and npm package): only the first copy registers anything.
	const copy = claimPackCopy(ctx.env, ownRoot(import.meta.url));
	if (copy.active && copy.warning) ctx.logger.warn(copy.warning);
	if (!copy.active) {
		ctx.logger.warn(`[after-sales] 此副本已忽略，运行的是 ${copy.running} / this copy (${ownRoot(import.meta.url)}) is ignored: ${copy.running} runs`);
		return;
	}
	registerErrorLanguage(register as never, ctx.database);
	register.init('cli.before', (meta: Record<string, unknown>) => registerCli(meta['program'] as Parameters<typeof registerCli>[0], ctx));
	// INT-1 first (a frozen record is refused as frozen, whatever else is wrong), then INT-2..5:
	// every later filter sees values already checked.
	registerFreezeHooks(register as never, ctx);
	registerIntegrityHooks(register as never, ctx);
	registerLevelHooks(register as never, ctx);
	registerClaimAdapters(register as never, ctx);
	registerDealerStandingHooks(register as never, ctx);
	registerRatingHooks(register as never, ctx);
	register.init('routes.before', (meta: Record<string, any>) => unfreezeFolderQueries(meta['app']));
	registerArchiveHooks(register, ctx);
	registerUnitHooks(register as never, ctx);
	registerWarrantyHooks(register as never, ctx);
	registerJobSchedules(register as never, ctx);
	registerSettingsHooks(register as never);
	registerStudioHooks(register as never);
	registerSlaHooks(register as never, ctx);
	registerRequestHooks(register as never, ctx);
	registerFollowUpHooks(register as never, ctx);
});
