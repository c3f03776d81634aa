import { EN_US, type MessageKey } from './en-US';
import type { Language, LocalMessage, MessageParam } from './local-message';
import { ZH_CN } from './zh-CN';

export const CATALOGS: Record<Language, Record<MessageKey, string>> = { 'zh-CN': ZH_CN, 'en-US': EN_US };

/** A catalog message; `key` is checked against the catalogs at compile time. */
export const msg = (key: MessageKey, params?: Record<string, MessageParam>): LocalMessage<MessageKey> => (params ? { key, params } : { key });
