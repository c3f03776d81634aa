export { assertWithinQuote, parseConsentedWork, type ConsentedWork, type RepairOrder } from './assert-repair-order';
