import { describe, expect, test } from 'vitest';
import { computeDealerReportRows, DealerRatingThresholdsSchema, DealerScoreWeightsSchema, type DealerFigures } from './index';

const thresholds = DealerRatingThresholdsSchema.parse({});
const weights = DealerScoreWeightsSchema.parse({});
const base: DealerFigures = {
	dealer_id: 1, code: 'D01', name: 'x', region: null, tier: 'B', tasks: 0, tasks_on_schedule: 0, repairs: 0, repeat_repairs: 0, dealer_expense_repairs: 0, dealer_expense_amount: '0.00',
	claims_submitted: 0, claims_approved: 0, claims_rejected: 0, rejection_reasons: {}, claimed_amount: '0.00', approved_amount: '0.00',
	parts_batches_due: 0, parts_batches_on_time: 0, satisfaction_responses: 0, satisfaction_total: 0, complaints: 0, escalations: 0, ledger_credits: '0.00',
};

describe('computeDealerReportRows', () => {
	test('RPT-1: when a dealer has figures, then rates have one decimal, satisfaction two, and pending claims are not decided', () => {
		const [row] = computeDealerReportRows([{ ...base, tasks: 3, tasks_on_schedule: 2, repairs: 3, repeat_repairs: 1, claims_submitted: 5, claims_approved: 2, claims_rejected: 1, parts_batches_due: 3, parts_batches_on_time: 1, satisfaction_responses: 3, satisfaction_total: 13 }], thresholds, weights);
		expect(row).toMatchObject({ schedule_compliance: 66.7, repeat_repair_rate: 33.3, claims_decided: 3, claim_rejection_rate: 33.3, parts_on_time_rate: 33.3, satisfaction_avg: 4.33, rank: 1, rating: 'C' });
	});

	test('DLR-4: when dealers have no activity, then they are rated A, unscored and unranked, listed after ranked ones', () => {
		const rows = computeDealerReportRows([{ ...base, code: 'D00' }, { ...base, code: 'D02', dealer_id: 2, tasks: 2, tasks_on_schedule: 2 }], thresholds, weights);
		expect(rows.map((r) => [r.code, r.rank, r.score, r.rating])).toEqual([['D02', 1, 100, 'A'], ['D00', null, null, 'A']]);
	});

	test('RPT-1: when money figures pass through, then they stay decimal strings', () => {
		const [row] = computeDealerReportRows([{ ...base, claimed_amount: '150.60', approved_amount: '90.05', ledger_credits: '0.30' }], thresholds, weights);
		expect([row!.claimed_amount, row!.approved_amount, row!.ledger_credits]).toEqual(['150.60', '90.05', '0.30']);
	});
});
