import { useStores } from '@directus/extensions-sdk';
import { messagesFor, pickLocale } from './i18n';

/** The signed-in user's language (Directus user setting, else the browser's). */
export function useLocale() {
	let language: string | null = null;
	try {
		const { useUserStore } = useStores();
		language = (useUserStore() as { currentUser?: { language?: string | null } }).currentUser?.language ?? null;
	} catch {
		language = null;
	}
	const locale = pickLocale(language, typeof navigator === 'undefined' ? null : navigator.language);
	return { locale, t: messagesFor(locale) };
}
