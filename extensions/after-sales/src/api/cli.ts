// `directus after-sales …`: the install path for new and existing projects, and the demo seed.
import { applySchema } from './install/apply-schema';
import { install } from './install/install';
import { seedDemo } from './seed/seed-demo';
import type { PackContext } from './lib/context';

type Command = {
	command: (name: string) => Command;
	description: (text: string) => Command;
	option: (flags: string, description: string) => Command;
	action: (fn: (options: Record<string, unknown>) => Promise<void>) => Command;
};

export function registerCli(program: Command, ctx: PackContext) {
	const root = program.command('after-sales').description('After-sales service pack (售后服务)');

	root.command('install')
		.description('Merge the pack’s collections into this project and provision roles, policies, settings and dashboards (idempotent)')
		.option('--seed', 'also load the demo data when the pack holds no data yet')
		.option('--dry-run', 'only list the schema changes the install would make')
		.action(async (options) => {
			await run(ctx, async () => {
				if (options['dryRun']) {
					const { changes } = await applySchema(ctx, { dryRun: true });
					console.log(changes.length ? changes.join('\n') : '[after-sales] schema is up to date');
					return;
				}
				const report = await install(ctx);
				console.log(`[after-sales] install: ${JSON.stringify(report)}`);
				if (options['seed']) {
					const seeded = await seedDemo(ctx, { onlyIfEmpty: true });
					console.log(`[after-sales] demo data: ${seeded ? JSON.stringify(seeded) : 'already present, left unchanged'}`);
				}
			});
		});

	root.command('seed')
		.description('Load the deterministic demo data (refuses when pack data already exists, unless --force)')
		.option('--force', 'seed even if pack data exists (adds a second demo set)')
		.action(async (options) => {
			await run(ctx, async () => {
				const seeded = await seedDemo(ctx, { onlyIfEmpty: !options['force'] });
				console.log(`[after-sales] demo data: ${seeded ? JSON.stringify(seeded) : 'already present, left unchanged (use --force)'}`);
			});
		});
}

async function run(ctx: PackContext, fn: () => Promise<void>) {
	try {
		await fn();
		await ctx.database.destroy();
		process.exit(0);
	} catch (error) {
		console.error('[after-sales] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	}
}
