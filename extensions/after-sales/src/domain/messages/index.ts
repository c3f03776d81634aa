export * from './local-message';
export { CATALOGS, msg } from './catalogs';
export { EN_US, type MessageKey } from './en-US';
export { ZH_CN } from './zh-CN';
export { placeholdersOf, renderMessage, type LabelResolver } from './render-message';
export { isRuleId, RULE_TITLES, type RuleId } from './rule-titles';
