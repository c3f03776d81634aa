import { computeSeasonsCompletedBetween, type SalesSeason } from '../seasons';

/** Whole seasons after which stock neither sold nor returned counts as sold (003 (二)9). */
export const SEASONS_UNTIL_SOLD = 2;

/**
 * DLR-5: stock shipped to the dealer counts as sold once two whole sales seasons (both starting
 * after the shipment) have ended before `today`; it can no longer be returned.
 */
export function isCountedAsSold(seasons: readonly SalesSeason[], shippedOn: string, today: string): boolean {
	return computeSeasonsCompletedBetween(seasons, shippedOn, today) >= SEASONS_UNTIL_SOLD;
}
