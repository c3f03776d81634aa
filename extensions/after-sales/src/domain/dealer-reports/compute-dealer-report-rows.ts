import { computeDealerRates } from './compute-dealer-rates';
import { computeDealerRating, type DealerRating } from './compute-dealer-rating';
import { computeDealerScore } from './compute-dealer-score';
import { computeRanking } from './compute-ranking';
import type { DealerRatingThresholds, DealerScoreWeights } from './schemas';

/** One dealer's raw figures for a period, as counted by the report queries (RPT-1). */
export interface DealerFigures {
	dealer_id: number;
	code: string;
	name: string;
	region: string | null;
	tier: string | null;
	tasks: number;
	tasks_on_schedule: number;
	repairs: number;
	repeat_repairs: number;
	/** WTY-2, WTY-4: repairs the dealer bears (late or missing card, promise beyond scope), and their cost. */
	dealer_expense_repairs: number;
	dealer_expense_amount: string;
	claims_submitted: number;
	claims_approved: number;
	claims_rejected: number;
	rejection_reasons: Record<string, number>;
	/** Decimal strings in yuan ('1234.50'): money never passes through a float. */
	claimed_amount: string;
	approved_amount: string;
	parts_batches_due: number;
	parts_batches_on_time: number;
	satisfaction_responses: number;
	satisfaction_total: number;
	complaints: number;
	escalations: number;
	ledger_credits: string;
}

export interface DealerReportRow extends DealerFigures {
	claims_decided: number;
	schedule_compliance: number | null;
	repeat_repair_rate: number | null;
	claim_rejection_rate: number | null;
	parts_on_time_rate: number | null;
	satisfaction_avg: number | null;
	score: number | null;
	rank: number | null;
	rating: DealerRating;
	rating_reasons: string[];
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const twoDecimals = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/**
 * RPT-1, DLR-4: the dealer report rows — each dealer's figures with its rates (percent, one
 * decimal), average satisfaction (two decimals), score, suggested rating with the reasons, and
 * rank (best first; ties share a rank). Rates and the rating use the unrounded values.
 */
export function computeDealerReportRows(figures: readonly DealerFigures[], thresholds: DealerRatingThresholds, weights: DealerScoreWeights): DealerReportRow[] {
	const rows = figures.map((f) => {
		const claims_decided = f.claims_approved + f.claims_rejected;
		const satisfaction = f.satisfaction_responses > 0 ? f.satisfaction_total / f.satisfaction_responses : null;
		const metrics = {
			code: f.code,
			tasks: f.tasks,
			tasks_on_schedule: f.tasks_on_schedule,
			claims_decided,
			claims_rejected: f.claims_rejected,
			parts_batches_due: f.parts_batches_due,
			parts_batches_on_time: f.parts_batches_on_time,
			repairs: f.repairs,
			repeat_repairs: f.repeat_repairs,
			satisfaction_responses: f.satisfaction_responses,
			satisfaction_avg: satisfaction,
			complaints: f.complaints,
		};
		const rates = computeDealerRates(metrics);
		const { rating, reasons } = computeDealerRating(metrics, thresholds);
		return {
			...f,
			claims_decided,
			schedule_compliance: oneDecimal(rates.schedule_compliance),
			repeat_repair_rate: oneDecimal(rates.repeat_repair),
			claim_rejection_rate: oneDecimal(rates.claim_rejection),
			parts_on_time_rate: oneDecimal(rates.parts_on_time),
			satisfaction_avg: twoDecimals(satisfaction),
			score: computeDealerScore(metrics, weights),
			rating,
			rating_reasons: reasons,
		};
	});
	return computeRanking(rows);
}
