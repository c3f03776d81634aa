// Licence limits an install would exceed, read from Directus's own entitlement manager (the same
// one that refuses a collection or a user over the limit), so a licensed project gets its licence's
// numbers and a core-tier project 25 collections and 3 seats (CONTRACT.md).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PackContext } from '../lib/context';

export type LimitKey = 'collections' | 'seats';

/** `limit` -1 is unlimited. */
export type LimitUse = { key: LimitKey; limit: number; usage: number; adding: number };

export type Entitlements = { limit: (key: LimitKey) => number; usage: (key: LimitKey) => Promise<number> };

/** The uses that go over their limit. */
export function computeLimitBreaches(uses: LimitUse[]): LimitUse[] {
	return uses.filter((use) => use.limit !== -1 && use.adding > 0 && use.usage + use.adding > use.limit);
}

type LicenceModule = {
	getLicenseManager: () => { initialize: () => Promise<void> };
	getEntitlementManager: () => { getEntitlementLimit: (key: string) => number; getUsage: (key: string, options: { knex: unknown }) => Promise<number> };
};

let loaded: Promise<LicenceModule> | null = null;

/**
 * Directus's licence module, as the running Directus loaded it. The extension is bundled on its
 * own, so the module is resolved from the Directus that runs it (its CLI script, else the project).
 * The CLI does not read the licence by itself; `initialize` does, as `directus schema apply` does.
 */
async function licenceModule(): Promise<LicenceModule> {
	loaded ??= (async () => {
		const errors: string[] = [];
		for (const from of [process.argv[1], join(process.cwd(), 'package.json')]) {
			if (!from) continue;
			try {
				const path = createRequire(from).resolve('@directus/api/license/index');
				const module = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as LicenceModule;
				await module.getLicenseManager().initialize();
				return module;
			} catch (error) {
				errors.push(`${from}: ${(error as Error).message}`);
			}
		}
		throw new Error(`Directus's licence module was not found (${errors.join('; ')})`);
	})();
	return loaded;
}

export async function loadEntitlements(ctx: Pick<PackContext, 'database'>): Promise<Entitlements> {
	const module = await licenceModule();
	const manager = module.getEntitlementManager();
	return {
		limit: (key) => manager.getEntitlementLimit(key),
		usage: (key) => manager.getUsage(key, { knex: ctx.database }),
	};
}
