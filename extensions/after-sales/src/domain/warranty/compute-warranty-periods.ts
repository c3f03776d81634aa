import { computeWarrantyEnd } from './compute-warranty-end';
import type { RegulationProfile } from './schemas';

export interface WarrantyPeriodsInput {
	sold_on: string;
	replaced_on?: string | null;
	product: { warranty_months: number; main_parts_warranty_months?: number | null };
	downtime_days: number;
	profile?: Pick<RegulationProfile, 'min_whole_machine_months'> | null;
}

export interface WarrantyPeriods {
	whole_machine_months: number;
	main_parts_months: number;
	whole_machine_until: string;
	main_parts_until: string;
}

/**
 * WTY-10: whole-machine and main-part periods. The regulation's floor (≥ 12 months under the
 * agricultural rules) wins over a product configured shorter, and a main part is never covered
 * for less than the machine it is part of.
 */
export function computeWarrantyPeriods({ sold_on, replaced_on, product, downtime_days, profile }: WarrantyPeriodsInput): WarrantyPeriods {
	const whole_machine_months = Math.max(product.warranty_months, profile?.min_whole_machine_months ?? 0);
	const main_parts_months = Math.max(product.main_parts_warranty_months ?? 0, whole_machine_months);
	return {
		whole_machine_months,
		main_parts_months,
		whole_machine_until: computeWarrantyEnd({ sold_on, replaced_on, months: whole_machine_months, downtime_days }),
		main_parts_until: computeWarrantyEnd({ sold_on, replaced_on, months: main_parts_months, downtime_days }),
	};
}
