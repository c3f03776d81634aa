import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from './cli';
import { registerArchiveHooks } from './hooks/archive';
import { registerUnitHooks } from './hooks/units';
import type { PackContext } from './lib/context';

export default defineHook((register, context) => {
	const ctx = context as unknown as PackContext;
	register.init('cli.before', ({ program }: { program: unknown }) => registerCli(program as Parameters<typeof registerCli>[0], ctx));
	registerArchiveHooks(register, ctx);
	registerUnitHooks(register as never, ctx);
});
