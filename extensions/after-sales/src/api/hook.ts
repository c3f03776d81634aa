import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from './cli';
import { registerArchiveHooks } from './hooks/archive';
import { registerUnitHooks } from './hooks/units';
import type { PackContext } from './lib/context';
import { registerQualityHooks } from './quality';
import { registerSlaHooks } from './sla';
import { registerWarrantyHooks } from './warranty';

export default defineHook((register, context) => {
	const ctx = context as unknown as PackContext;
	register.init('cli.before', (meta: Record<string, unknown>) => registerCli(meta['program'] as Parameters<typeof registerCli>[0], ctx));
	registerArchiveHooks(register, ctx);
	registerUnitHooks(register as never, ctx);
	registerWarrantyHooks(register as never, ctx);
	registerQualityHooks(register as never, ctx);
	registerSlaHooks(register as never, ctx);
});
