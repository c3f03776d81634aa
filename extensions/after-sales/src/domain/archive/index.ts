export { computeCustomerMatch, type CustomerCandidate } from './compute-customer-match';
export { normalizeCustomerName } from './normalize-customer-name';
export { normalizePhone } from './normalize-phone';
export { CustomerMatchInputSchema } from './schemas';
