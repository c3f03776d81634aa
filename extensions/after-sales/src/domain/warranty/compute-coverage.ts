import { computeCardStatus, type CardStatus } from './compute-card-status';
import { computeDaysBetween } from './compute-days-between';
import { computeDowntimeDays, type DowntimeRepair } from './compute-downtime-days';
import { computeLocalDate } from './compute-local-date';
import { computeNextRemedy, type RemedyHistoryEntry } from './compute-next-remedy';
import { computeRegulationProfile } from './compute-regulation-profile';
import { computeWarrantyPeriods } from './compute-warranty-periods';
import { computeWarrantyStatus, type WarrantyStatus } from './compute-warranty-status';
import { EXCLUDED_CAUSE_LABELS, type CoverageReason } from './coverage-reasons';
import { WarrantySettingsSchema, type Fault, type RegulationProfile, type Remedy, type WarrantySettings } from './schemas';

export interface CoverageInput {
	unit: { sold_on: string; card_received_on: string | null; replaced_on?: string | null };
	product: { category?: string | null; warranty_months: number; main_parts_warranty_months?: number | null };
	/** Defaults to the profile the selection table gives for the product category and sale date. */
	profile?: RegulationProfile | null;
	/** This unit's repair history. */
	repairs: ReadonlyArray<DowntimeRepair & RemedyHistoryEntry>;
	at: Date;
	/** The present, when `at` may lie ahead of it: open repairs count only up to now (INT-2, WTY-10). */
	now?: Date;
	fault?: Fault | null;
	dealer_promise_beyond_scope?: boolean;
	settings?: WarrantySettings;
}

export interface CoverageAnswer {
	covered: boolean;
	/** WTY-2, WTY-4: `dealer_expense` when the customer is served free and the dealer bears the cost. */
	coverage: 'warranty' | 'paid' | 'dealer_expense';
	reasons: CoverageReason[];
	warranty_status: WarrantyStatus;
	whole_machine_until: string;
	main_parts_until: string;
	card: Pick<CardStatus, 'deadline' | 'received_on' | 'late_by_days'>;
	/** Only the card failed (WTY-2), or the dealer promised beyond the scope (WTY-4): the customer is served free and the dealer bears the cost. */
	dealer_bears_cost: boolean;
	next_remedy: Remedy;
	remedy_basis: string;
	remedy_basis_zh: string;
	profile: string;
}

/**
 * WTY-3: is this unit (and this fault) covered at `at`, and if not, every reason why.
 * Reasons are cumulative so a dealer sees all problems at once. A main-part fault is judged against
 * the main-part period, which may outlast the whole machine (WTY-10). A late or missing card
 * (WTY-2) voids the dealer's claim but not the customer's statutory rights, so the remedy ladder
 * (WTY-9) is still answered for it and the work is the dealer's expense; for any other reason it is
 * a paid repair. A dealer's promise beyond the scope (WTY-4) is never covered: the dealer answers
 * for what it promised, so that work is also the dealer's expense.
 */
export function computeCoverage(input: CoverageInput): CoverageAnswer {
	const settings = input.settings ?? WarrantySettingsSchema.parse({});
	const { unit, product, at } = input;
	const fault = input.fault ?? null;
	const profile = input.profile ?? computeRegulationProfile(product.category, unit.sold_on);
	const today = computeLocalDate(at, settings.timezone);
	const periodStart = unit.replaced_on && computeDaysBetween(unit.sold_on, unit.replaced_on) > 0 ? unit.replaced_on : unit.sold_on;

	// A replacement unit restarts the period, so time the old unit spent in repair does not extend it.
	const downtimeRepairs = input.repairs.filter(
		(repair) => repair.dropped_off_at !== null && computeDaysBetween(periodStart, computeLocalDate(repair.dropped_off_at, settings.timezone)) >= 0,
	);
	const downtime_days = computeDowntimeDays(downtimeRepairs, at, input.now ?? at);
	const periods = computeWarrantyPeriods({ sold_on: unit.sold_on, replaced_on: unit.replaced_on, product, downtime_days, profile });
	const card = computeCardStatus({ sold_on: unit.sold_on, card_received_on: unit.card_received_on, today, card_deadline_days: settings.card_deadline_days });

	const reasons: CoverageReason[] = [];
	if (card.state === 'missing') {
		reasons.push({
			code: 'card_missing',
			rule: 'WTY-2',
			message_zh: `三包回执卡未在销售后 ${settings.card_deadline_days} 天内返回（截止 ${card.deadline}），公司不予认定三包`,
			message_en: `warranty card not returned within ${settings.card_deadline_days} days of sale (deadline ${card.deadline}); the company does not recognise warranty service`,
		});
	} else if (card.state === 'late') {
		reasons.push({
			code: 'card_late',
			rule: 'WTY-2',
			message_zh: `三包回执卡于 ${card.received_on} 返回，逾期 ${card.late_by_days} 天（截止 ${card.deadline}）`,
			message_en: `warranty card received on ${card.received_on}, ${card.late_by_days} day(s) after the deadline ${card.deadline}`,
		});
	}

	if (fault?.scope === 'main_part') {
		if (computeDaysBetween(periods.main_parts_until, today) > 0) {
			reasons.push({
				code: 'main_parts_expired',
				rule: 'WTY-10',
				message_zh: `主要部件三包期已于 ${periods.main_parts_until} 结束`,
				message_en: `the main-part warranty ended on ${periods.main_parts_until}`,
			});
		}
	} else if (computeDaysBetween(periods.whole_machine_until, today) > 0) {
		const mainStillCovered = computeDaysBetween(periods.main_parts_until, today) <= 0;
		reasons.push({
			code: 'expired',
			rule: 'WTY-10',
			message_zh: `整机三包期已于 ${periods.whole_machine_until} 结束${mainStillCovered ? `（主要部件保至 ${periods.main_parts_until}）` : ''}`,
			message_en: `the whole-machine warranty ended on ${periods.whole_machine_until}${mainStillCovered ? ` (main parts covered until ${periods.main_parts_until})` : ''}`,
		});
	}

	const cause = fault?.cause ?? 'normal';
	if (cause === 'customer_supplied_part') {
		reasons.push({
			code: 'customer_supplied_part',
			rule: 'WTY-3',
			cause,
			message_zh: '用户自备配件不在质量保证范围内',
			message_en: 'customer-supplied parts carry no quality guarantee',
		});
	} else if (cause !== 'normal') {
		const label = EXCLUDED_CAUSE_LABELS[cause];
		reasons.push({
			code: 'excluded_cause',
			rule: 'WTY-3',
			cause,
			message_zh: `故障原因为${label.zh}，不属于三包范围`,
			message_en: `the fault was caused by ${label.en}, which the warranty excludes`,
		});
	}

	if (input.dealer_promise_beyond_scope) {
		reasons.push({
			code: 'over_scope',
			rule: 'WTY-4',
			message_zh: '经销商超出三包服务范围的承诺，公司不承担责任',
			message_en: 'the dealer promised beyond the warranty scope; the company does not answer for it',
		});
	}

	const covered = reasons.length === 0;
	const onlyCard = !covered && reasons.every((reason) => reason.code === 'card_missing' || reason.code === 'card_late');
	// The customer keeps the statutory remedy when only the card or the dealer's promise stands in the way.
	const statutory = reasons.every((reason) => ['card_missing', 'card_late', 'over_scope'].includes(reason.code));
	const dealerExpense = !covered && (onlyCard || input.dealer_promise_beyond_scope === true);
	let remedy: { remedy: Remedy; basis_en: string; basis_zh: string };
	if (statutory) {
		remedy = fault
			? computeNextRemedy(profile, input.repairs, fault, at, unit.sold_on, settings.timezone)
			: { remedy: 'repair', basis_en: `${profile.key}: no fault given; a first fault is repaired`, basis_zh: `${profile.name_zh}：未指明故障，首次故障予以修理` };
	} else if (dealerExpense) {
		remedy = { remedy: 'repair', basis_en: 'not covered by the warranty; the dealer answers for what it promised (WTY-4)', basis_zh: '不属于三包范围，经销商对其承诺负责' };
	} else {
		remedy = { remedy: 'repair', basis_en: 'not covered by the warranty: a paid repair (REQ-4)', basis_zh: '不属于三包范围：有偿修理' };
	}

	return {
		covered,
		coverage: covered ? 'warranty' : dealerExpense ? 'dealer_expense' : 'paid',
		reasons,
		warranty_status: computeWarrantyStatus({
			sold_on: unit.sold_on,
			card_received_on: unit.card_received_on,
			replaced_on: unit.replaced_on,
			product,
			downtime_days,
			at,
			settings,
			profile,
		}),
		whole_machine_until: periods.whole_machine_until,
		main_parts_until: periods.main_parts_until,
		card: { deadline: card.deadline, received_on: card.received_on, late_by_days: card.late_by_days },
		dealer_bears_cost: dealerExpense,
		next_remedy: remedy.remedy,
		remedy_basis: remedy.basis_en,
		remedy_basis_zh: remedy.basis_zh,
		profile: profile.key,
	};
}
