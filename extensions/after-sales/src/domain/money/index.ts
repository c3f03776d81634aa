export { formatMoney } from './format-money';
export { multiplyMoney } from './multiply-money';
export { parseMoney, type ParseMoneyOptions } from './parse-money';
export { parseScaledDecimal } from './parse-scaled-decimal';
export { MoneyInputSchema, NonNegativeMoneyInputSchema, QuantityInputSchema } from './schemas';
export { sumMoney } from './sum-money';
