import { describe, expect, test } from 'vitest';
import {
	computeDealerRates,
	computeDealerRating,
	computeDealerScore,
	computeRanking,
	DealerMetricsSchema,
	DealerRatingThresholdsSchema,
	type DealerMetrics,
} from './index';

const excellent: DealerMetrics = {
	code: 'D01',
	tasks: 40,
	tasks_on_schedule: 39,
	claims_decided: 50,
	claims_rejected: 2,
	parts_batches_due: 2,
	parts_batches_on_time: 2,
	repairs: 100,
	repeat_repairs: 2,
	satisfaction_responses: 30,
	satisfaction_avg: 4.7,
	complaints: 1,
};
const quiet: DealerMetrics = {
	code: 'D09',
	tasks: 0,
	tasks_on_schedule: 0,
	claims_decided: 0,
	claims_rejected: 0,
	parts_batches_due: 0,
	parts_batches_on_time: 0,
	repairs: 0,
	repeat_repairs: 0,
	satisfaction_responses: 0,
	satisfaction_avg: null,
};

describe('DealerRatingThresholdsSchema', () => {
	test('DLR-4: when nothing is configured, then the A and B defaults apply', () => {
		expect(DealerRatingThresholdsSchema.parse({})).toEqual({
			A: { schedule_compliance_min: 95, claim_rejection_max: 5, parts_on_time_min: 95, repeat_repair_max: 3, satisfaction_min: 4.5, complaints_max: null },
			B: { schedule_compliance_min: 85, claim_rejection_max: 15, parts_on_time_min: 80, repeat_repair_max: 8, satisfaction_min: 4.0, complaints_max: null },
		});
	});

	test('DLR-4: when an admin overrides one number, then the others keep their defaults', () => {
		expect(DealerRatingThresholdsSchema.parse({ B: { satisfaction_min: 3.5 } }).B).toMatchObject({ satisfaction_min: 3.5, schedule_compliance_min: 85 });
	});

	test.each([[{ A: { schedule_compliance_min: 120 } }], [{ B: { satisfaction_min: 6 } }], [{ A: { claim_rejection_max: -1 } }]])(
		'DLR-4: when thresholds are %j, then they are refused',
		(input) => {
			expect(DealerRatingThresholdsSchema.safeParse(input).success).toBe(false);
		},
	);
});

describe('DealerMetricsSchema', () => {
	test.each([
		[{ tasks_on_schedule: 41 }, 'tasks_on_schedule'],
		[{ claims_rejected: 51 }, 'claims_rejected'],
		[{ repeat_repairs: -1 }, 'repeat_repairs'],
		[{ satisfaction_avg: 5.5 }, 'satisfaction_avg'],
	])('RPT-1: when metrics have %j, then %s is refused', (patch, field) => {
		const result = DealerMetricsSchema.safeParse({ ...excellent, ...patch });
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]!.path).toEqual([field]);
	});
});

describe('computeDealerRates', () => {
	test('RPT-1: when a dealer has data, then the rates are percentages', () => {
		expect(computeDealerRates(excellent)).toEqual({ schedule_compliance: 97.5, claim_rejection: 4, parts_on_time: 100, repeat_repair: 2, satisfaction: 4.7 });
	});

	test('DLR-4: when a dealer had nothing to measure, then every rate is null', () => {
		expect(computeDealerRates(quiet)).toEqual({ schedule_compliance: null, claim_rejection: null, parts_on_time: null, repeat_repair: null, satisfaction: null });
	});

	test('DLR-4: when an average satisfaction exists without responses, then it is ignored', () => {
		expect(computeDealerRates({ ...quiet, satisfaction_avg: 1 }).satisfaction).toBeNull();
	});
});

describe('computeDealerScore', () => {
	test.each<[string, number | null, DealerMetrics]>([
		['an excellent dealer', 96.7, excellent],
		['a perfect dealer', 100, { ...excellent, tasks_on_schedule: 40, claims_rejected: 0, repeat_repairs: 0, satisfaction_avg: 5 }],
		['a dealer failing everything', 0, { ...excellent, tasks_on_schedule: 0, claims_rejected: 50, parts_batches_on_time: 0, repeat_repairs: 100, satisfaction_avg: 1 }],
		['a dealer with no data', null, quiet],
		['a dealer with only tasks, all on schedule', 100, { ...quiet, tasks: 10, tasks_on_schedule: 10 }],
		['a dealer with only tasks, half on schedule', 50, { ...quiet, tasks: 10, tasks_on_schedule: 5 }],
	])('RPT-1: when scoring %s, then the score is %s', (_label, expected, metrics) => {
		expect(computeDealerScore(metrics)).toBe(expected);
	});

	test('RPT-1: when an admin weights only satisfaction, then the score is satisfaction alone', () => {
		const weights = { schedule_compliance: 0, claim_rejection: 0, parts_on_time: 0, repeat_repair: 0, satisfaction: 1 };
		expect(computeDealerScore({ ...excellent, satisfaction_avg: 4 }, weights)).toBe(75);
	});
});

describe('computeDealerRating', () => {
	test('DLR-4: when every A threshold is met, then the rating is A without reasons', () => {
		expect(computeDealerRating(excellent)).toEqual({ rating: 'A', reasons: [] });
	});

	test('DLR-4: when a dealer had no activity, then missing data does not count against it', () => {
		expect(computeDealerRating(quiet)).toEqual({ rating: 'A', reasons: [] });
	});

	test.each<[string, string, number, RegExp[], Partial<DealerMetrics>]>([
		['schedule compliance of 90 %', 'B', 1, [/任务安排及时率 90\.0% 低于 A 级标准 95%/, /schedule compliance 90\.0% is below the A threshold of 95%/], { tasks_on_schedule: 36 }],
		['a claim rejection rate of 10 %', 'B', 1, [/claim rejection rate 10\.0% is above the A limit of 5%/], { claims_rejected: 5 }],
		['parts on time of 50 %', 'C', 1, [/parts returned on time 50\.0% is below the B threshold of 80%/], { parts_batches_on_time: 1 }],
		['repeat repairs of 5 %', 'B', 1, [/repeat repair rate 5\.0% is above the A limit of 3%/], { repeat_repairs: 5 }],
		['satisfaction of 4.2', 'B', 1, [/satisfaction 4\.2 is below the A threshold of 4\.5/], { satisfaction_avg: 4.2 }],
		['satisfaction of 3.9 and 80 % on schedule', 'C', 2, [/schedule compliance 80\.0% is below the B threshold/, /satisfaction 3\.9 is below the B threshold of 4/], { satisfaction_avg: 3.9, tasks_on_schedule: 32 }],
		['all five A metrics below A but above B', 'B', 5, [/schedule compliance/, /claim rejection/, /parts returned/, /repeat repair/, /satisfaction/], { tasks_on_schedule: 36, claims_rejected: 5, parts_batches_due: 10, parts_batches_on_time: 9, repeat_repairs: 5, satisfaction_avg: 4.2 }],
		['exactly the A bars (95 %, 5 %, 3 %, 4.5)', 'A', 0, [], { tasks: 20, tasks_on_schedule: 19, claims_decided: 20, claims_rejected: 1, repeat_repairs: 3, satisfaction_avg: 4.5 }],
	])('DLR-4: when a dealer has %s, then the rating is %s with %i missed threshold(s) named', (_label, rating, count, patterns, patch) => {
		const result = computeDealerRating({ ...excellent, ...patch });
		expect(result.rating).toBe(rating);
		expect(result.reasons).toHaveLength(count);
		patterns.forEach((pattern) => expect(result.reasons.some((reason) => pattern.test(reason))).toBe(true));
	});

	test('DLR-4: when an admin caps complaints for A at 0, then one complaint costs the A rating', () => {
		const thresholds = DealerRatingThresholdsSchema.parse({ A: { complaints_max: 0 } });
		const result = computeDealerRating(excellent, thresholds);
		expect(result).toEqual({ rating: 'B', reasons: [expect.stringContaining('1 complaints exceed the A limit of 0')] });
	});
});

describe('computeRanking', () => {
	test('RPT-1: when dealers are ranked, then it is by score descending, ties share a rank and are listed by code, unscored last', () => {
		const rows = [
			{ code: 'D05', score: 80 },
			{ code: 'D02', score: null },
			{ code: 'D03', score: 92.5 },
			{ code: 'D01', score: 80 },
			{ code: 'D04', score: 60 },
			{ code: 'D00', score: null },
		];
		expect(computeRanking(rows)).toEqual([
			{ code: 'D03', score: 92.5, rank: 1 },
			{ code: 'D01', score: 80, rank: 2 },
			{ code: 'D05', score: 80, rank: 2 },
			{ code: 'D04', score: 60, rank: 4 },
			{ code: 'D00', score: null, rank: null },
			{ code: 'D02', score: null, rank: null },
		]);
	});

	test('RPT-1: when the input order changes, then the ranking does not', () => {
		const rows = [
			{ code: 'B', score: 1 },
			{ code: 'A', score: 1 },
			{ code: 'C', score: 2 },
		];
		expect(computeRanking(rows)).toEqual(computeRanking([...rows].reverse()));
	});

	test('RPT-1: when extra report columns are present, then they are kept', () => {
		expect(computeRanking([{ code: 'D1', score: 50, rating: 'C' }])).toEqual([{ code: 'D1', score: 50, rating: 'C', rank: 1 }]);
	});

	test('RPT-1: when there are no dealers, then the ranking is empty', () => {
		expect(computeRanking([])).toEqual([]);
	});
});
