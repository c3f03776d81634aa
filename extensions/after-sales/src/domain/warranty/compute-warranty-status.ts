import { computeCardStatus } from './compute-card-status';
import { computeDaysBetween } from './compute-days-between';
import { computeLocalDate } from './compute-local-date';
import { computeWarrantyPeriods } from './compute-warranty-periods';
import { WarrantySettingsSchema, type RegulationProfile, type WarrantySettings } from './schemas';

export type WarrantyStatus = 'card_pending' | 'active' | 'card_late' | 'expired';

export interface WarrantyStatusInput {
	sold_on: string;
	card_received_on: string | null;
	replaced_on?: string | null;
	product: { warranty_months: number; main_parts_warranty_months?: number | null };
	downtime_days: number;
	at: Date;
	settings?: WarrantySettings;
	profile?: Pick<RegulationProfile, 'min_whole_machine_months'> | null;
}

/**
 * WTY-1, WTY-2, WTY-10: the unit's read-only `warranty_status`. Precedence, first match wins:
 * 1. `expired` — past both the whole-machine and the main-part end: nothing is covered, so the
 *    card no longer matters;
 * 2. `card_late` — card received after the deadline, or still missing once it passed: the company
 *    does not recognise 三包 for this unit however much period is left;
 * 3. `card_pending` — card not yet received but the deadline has not passed;
 * 4. `active`.
 * A unit whose whole machine expired but whose main parts are still covered stays `active`.
 */
export function computeWarrantyStatus(input: WarrantyStatusInput): WarrantyStatus {
	const settings = input.settings ?? WarrantySettingsSchema.parse({});
	const today = computeLocalDate(input.at, settings.timezone);
	const periods = computeWarrantyPeriods(input);
	if (computeDaysBetween(periods.main_parts_until, today) > 0 && computeDaysBetween(periods.whole_machine_until, today) > 0) {
		return 'expired';
	}
	const card = computeCardStatus({ sold_on: input.sold_on, card_received_on: input.card_received_on, today, card_deadline_days: settings.card_deadline_days });
	if (card.state === 'late' || card.state === 'missing') return 'card_late';
	if (card.state === 'pending') return 'card_pending';
	return 'active';
}
