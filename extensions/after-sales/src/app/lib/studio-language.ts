import { useStores } from '@directus/extensions-sdk';
import { pickLocale, type Locale } from '../panels/lib/i18n';

/**
 * The language the Studio speaks to the signed-in user: their own setting, else the project's
 * default (the user store resolves both), else the browser's. zh-CN → 'zh', anything else → 'en'.
 */
export function useStudioLocale(): Locale {
	let language: string | null = null;
	try {
		const store = useStores().useUserStore() as { language?: string | null; currentUser?: { language?: string | null } | null };
		language = store.language ?? store.currentUser?.language ?? null;
	} catch {
		language = null;
	}
	return pickLocale(language, typeof navigator === 'undefined' ? null : navigator.language);
}
