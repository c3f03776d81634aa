// NTF-1: a notice is written once per person, in that person's language: the decision gives its
// text in every language the pack speaks and the adapter keeps the recipient's (api/notices).
import { LANGUAGES, msg, renderMessage, type Language, type MessageKey, type MessageParam } from '../messages';

export interface NoticeText {
	subject: string;
	message: string;
}

/** One notice's text in each language. */
export type LocalNoticeText = Record<Language, NoticeText>;

/** The text `build` gives in each language. */
export function noticeInEachLanguage(build: (language: Language) => NoticeText): LocalNoticeText {
	return Object.fromEntries(LANGUAGES.map((language) => [language, build(language)])) as LocalNoticeText;
}

/** A subject and a message from the catalogs, with the same parameters. */
export function catalogNotice(subject: MessageKey, message: MessageKey, params: Record<string, MessageParam>): LocalNoticeText {
	return noticeInEachLanguage((language) => ({ subject: renderMessage(language, msg(subject, params)), message: renderMessage(language, msg(message, params)) }));
}

/** One catalog line in `language`. */
export const line = (language: Language, key: MessageKey, params?: Record<string, MessageParam>) => renderMessage(language, msg(key, params));
