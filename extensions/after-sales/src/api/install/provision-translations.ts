import { PACK_SNAPSHOT } from './pack-snapshot';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';

/** Choice labels are `$t:` keys; their zh-CN and en-US texts live in directus_translations. */
export async function provisionTranslations(ctx: PackContext): Promise<{ created: number }> {
	const schema = await ctx.getSchema({ database: ctx.database });
	const service = new ctx.services.TranslationsService({ knex: ctx.database, schema, accountability: SYSTEM_ACCOUNTABILITY });
	const keys = Object.keys(PACK_SNAPSHOT.translations);
	const existing: { key: string; language: string }[] = await service.readByQuery({ filter: { key: { _starts_with: 'as_' } }, fields: ['key', 'language'], limit: -1 });
	const have = new Set(existing.map((t) => `${t.key}|${t.language}`));
	const missing = keys.flatMap((key) =>
		Object.entries(PACK_SNAPSHOT.translations[key]!)
			.filter(([language]) => !have.has(`${key}|${language}`))
			.map(([language, value]) => ({ key, language, value })),
	);
	for (let i = 0; i < missing.length; i += 200) await service.createMany(missing.slice(i, i + 200));
	return { created: missing.length };
}
