export { assertPlausibleTimes, CLOCK_SKEW_MS } from './assert-plausible-times';
export { DEFAULT_MAX_LINE_FEN, MAX_STORABLE_FEN, parseBoundedMoney } from './parse-bounded-money';
export { isRealDay, MAX_YEAR, MIN_YEAR, parseStrictDate } from './parse-strict-date';
export { parseStrictInstant } from './parse-strict-instant';
export { findSystemOwnedField, SYSTEM_OWNED_FIELDS } from './system-owned-fields';
export { StrictDateOrInstantSchema, StrictDateSchema, StrictInstantSchema } from './schemas';
