import { computeDaysBetween } from './compute-days-between';
import { computeLocalDate } from './compute-local-date';
import { isSameFaultCategory } from './is-same-fault-category';
import { REMEDIES, STATUTORY_COVERAGES, type Fault, type RegulationProfile, type Remedy } from './schemas';

export interface RemedyHistoryEntry {
	fault_category: string | null;
	completed_at: Date | null;
	coverage?: string | null;
	/** What was done; a repair unless recorded otherwise. */
	remedy?: Remedy | null;
	serious?: boolean | null;
}

export interface NextRemedy {
	remedy: Remedy;
	basis_en: string;
	basis_zh: string;
}

const REMEDY_LABELS: Record<Remedy, { zh: string; en: string }> = {
	repair: { zh: '修理', en: 'repair' },
	main_part_replacement: { zh: '更换主要部件', en: 'main part replacement' },
	machine_replacement: { zh: '换机', en: 'machine replacement' },
	refund: { zh: '退货', en: 'refund' },
};

const rank = (remedy: Remedy) => REMEDIES.indexOf(remedy);

/**
 * WTY-9: the remedy the customer is entitled to next for this fault (修理 → 更换主要部件 → 换机 →
 * 退货 under the agricultural rules). Only completed statutory remedies (warranty, or at the dealer's
 * expense under WTY-2/WTY-4) of the same fault count, and
 * under a serious-faults-only profile only serious ones. Early remedies right after the sale (the
 * 1995 rules' 7/15 days) and the ladder are both evaluated; the stronger one is the answer, since the
 * customer may always settle for less.
 */
export function computeNextRemedy(
	profile: RegulationProfile,
	history: readonly RemedyHistoryEntry[],
	fault: Pick<Fault, 'category' | 'scope' | 'serious'>,
	at: Date,
	sold_on: string,
	timeZone = 'Asia/Shanghai',
): NextRemedy {
	const serious = fault.serious ?? fault.scope !== 'wear_part';
	if (profile.serious_faults_only && !serious) {
		return {
			remedy: 'repair',
			basis_en: `${profile.key}: only a serious fault climbs the remedy ladder; this fault is repaired`,
			basis_zh: `${profile.name_zh}：非严重质量问题，予以修理`,
		};
	}

	const counted = history.filter(
		(entry) =>
			isSameFaultCategory(entry.fault_category, fault.category) &&
			STATUTORY_COVERAGES.includes(entry.coverage ?? 'warranty') &&
			entry.completed_at !== null &&
			entry.completed_at.getTime() <= at.getTime() &&
			(!profile.serious_faults_only || entry.serious !== false),
	);
	const done = (remedy: Remedy) => counted.filter((entry) => (entry.remedy ?? 'repair') === remedy).length;

	let best: NextRemedy = {
		remedy: 'repair',
		basis_en: `${profile.key}: ${done('repair')} earlier warranty repair(s) of fault "${fault.category}"; the next remedy is repair`,
		basis_zh: `${profile.name_zh}：同一故障（${fault.category}）已三包修理 ${done('repair')} 次，继续修理`,
	};

	for (const step of profile.ladder) {
		const count = done(step.after);
		if (count >= step.count && rank(step.remedy) > rank(best.remedy)) {
			best = {
				remedy: step.remedy,
				basis_en: `${profile.key}: fault "${fault.category}" recurred after ${count} × ${REMEDY_LABELS[step.after].en} (threshold ${step.count}); entitled to ${REMEDY_LABELS[step.remedy].en}`,
				basis_zh: `${profile.name_zh}：同一故障（${fault.category}）经${REMEDY_LABELS[step.after].zh} ${count} 次后仍出现（标准 ${step.count} 次），可${REMEDY_LABELS[step.remedy].zh}`,
			};
		}
	}

	const daysSinceSale = computeDaysBetween(sold_on, computeLocalDate(at, timeZone));
	for (const early of profile.early_remedies) {
		if (daysSinceSale >= 0 && daysSinceSale <= early.within_days && rank(early.remedy) > rank(best.remedy)) {
			best = {
				remedy: early.remedy,
				basis_en: `${profile.key}: fault within ${early.within_days} days of sale (day ${daysSinceSale}); entitled to ${REMEDY_LABELS[early.remedy].en} or any lesser remedy`,
				basis_zh: `${profile.name_zh}：售出 ${early.within_days} 日内（第 ${daysSinceSale} 日）出现故障，可选择${REMEDY_LABELS[early.remedy].zh}或其他较轻的补救`,
			};
		}
	}
	return best;
}
