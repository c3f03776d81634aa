// `directus after-sales …`: the install path for new and existing projects, the demo seed and the
// uninstall. Each command prints a readable report and exits non-zero when it refuses.
import { ADOPTED_LINE, formatInstallPlan, formatKept, formatLimit, formatRestoredRoles, RESTART_HINT } from './install/format-install-report';
import { install } from './install/install';
import { checkSeedSeats } from './install/plan-install';
import { ROLE_BY_KEY } from './install/roles';
import { formatUninstallPlan, planUninstall, uninstall } from './install/uninstall';
import { DEMO_USERS } from './seed/seed-demo';
import { seedDemo } from './seed/seed-demo';
import type { PackContext } from './lib/context';

type Command = {
	command: (name: string) => Command;
	description: (text: string) => Command;
	option: (flags: string, description: string) => Command;
	action: (fn: (options: Record<string, unknown>) => Promise<void>) => Command;
};

/** The demo data's users who take a Studio seat (their role has app access). */
const DEMO_STUDIO_USERS = DEMO_USERS.filter((u) => ROLE_BY_KEY.get(u.role)?.appAccess).map((u) => u.email);
const DEMO_USER_EMAILS = [...DEMO_USERS.map((u) => u.email), ...[1, 2, 3].map((i) => `dealer${i}@example.com`)];

export function registerCli(program: Command, ctx: PackContext) {
	const root = program.command('after-sales').description('After-sales service pack (售后服务)');

	root.command('install')
		.description('Merge the pack’s collections into this project and provision roles, policies, settings and dashboards; refuses on clashes and licence limits (idempotent)')
		.option('--seed', 'also load the demo data when the pack holds no data yet')
		.option('--dry-run', 'only report clashes, licence limits and the changes the install would make')
		.action(async (options) => {
			await run(ctx, async () => {
				const dryRun = Boolean(options['dryRun']);
				const outcome = await install(ctx, { dryRun, ...(options['seed'] ? { seedStudioUsers: DEMO_STUDIO_USERS } : {}) });
				if (outcome.status !== 'installed') {
					console.log(formatInstallPlan(outcome.plan, dryRun ? 'dry-run' : 'install').join('\n'));
					return outcome.status === 'refused' ? 1 : 0;
				}
				console.log(`[after-sales] install: ${JSON.stringify(outcome.report)}`);
				if (outcome.plan.adopted) console.log(`  ${ADOPTED_LINE}`);
				if (outcome.plan.kept.length) console.log(outcome.plan.kept.map(formatKept).join('\n'));
				const restored = formatRestoredRoles(outcome.roles);
				if (restored.length) console.log(restored.join('\n'));
				if (options['seed']) {
					const seeded = await seedDemo(ctx, { onlyIfEmpty: true });
					console.log(`[after-sales] demo data: ${seeded ? JSON.stringify(seeded) : 'already present, left unchanged'}`);
				}
				// `npm start` shows only `[after-sales] …` summary lines and starts Directus next; an admin
				// running the command by hand reads the hint.
				console.log(`  ${RESTART_HINT.replace('[after-sales] ', '')}`);
				return 0;
			});
		});

	root.command('seed')
		.description('Load the deterministic demo data (refuses when pack data already exists, unless --force)')
		.option('--force', 'seed even if pack data exists (adds a second demo set)')
		.action(async (options) => {
			await run(ctx, async () => {
				const seats = await checkSeedSeats(ctx, DEMO_STUDIO_USERS);
				if (seats.breaches.length) {
					console.log(['[after-sales] seed: 无法加载演示数据 / cannot load the demo data', ...seats.breaches.map((b) => `  ${formatLimit(b)}`), '未做任何更改 / Nothing was changed.'].join('\n'));
					return 1;
				}
				const seeded = await seedDemo(ctx, { onlyIfEmpty: !options['force'] });
				console.log(`[after-sales] demo data: ${seeded ? JSON.stringify(seeded) : 'already present, left unchanged (use --force)'}`);
				return 0;
			});
		});

	root.command('uninstall')
		.description('Remove the pack’s roles, policies, permissions, dashboard and translations and, unless --keep-data, its collections and their rows')
		.option('--dry-run', 'only list what would be removed')
		.option('--keep-data', 'keep the pack’s collections, fields and rows')
		.option('--yes', 'remove without asking again')
		.action(async (options) => {
			await run(ctx, async () => {
				const plan = await planUninstall(ctx, { keepData: Boolean(options['keepData']), demoUserEmails: DEMO_USER_EMAILS });
				console.log(formatUninstallPlan(plan).join('\n'));
				if (options['dryRun']) {
					console.log('[after-sales] 试运行，未做任何更改 / dry run: nothing was removed');
					return 0;
				}
				if (!options['yes']) {
					console.log('[after-sales] 未删除任何内容：确认无误后加 --yes 再运行（加 --keep-data 保留数据） / Nothing was removed: run again with --yes to remove the above (add --keep-data to keep the pack’s collections and rows).');
					return 1;
				}
				await uninstall(ctx, plan);
				console.log(`[after-sales] uninstall: 已删除 / removed${plan.keepData ? '（数据已保留 / data kept）' : ''}`);
				console.log(RESTART_HINT);
				return 0;
			});
		});
}

async function run(ctx: PackContext, fn: () => Promise<number>) {
	try {
		const code = await fn();
		await ctx.database.destroy();
		process.exit(code);
	} catch (error) {
		console.error('[after-sales] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	}
}
